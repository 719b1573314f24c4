import { SESSION_TEXT_LIMITS } from './session'

export interface AddressSources {
  /** The direct peer of the connection, as the socket reports it. */
  readonly peer: string
  /** The raw X-Forwarded-For header, if any. */
  readonly forwardedFor: string | undefined
  /** Addresses (or IPv4 CIDR ranges) of proxies whose forwarding headers are believed. */
  readonly trustedProxies: readonly string[]
}

const MAX_ADDRESS_LENGTH = SESSION_TEXT_LIMITS.address

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy, in which case the
 * forwarded chain is walked from the right past every trusted hop.
 */
export function resolveClientAddress(sources: AddressSources): string {
  const peer = normalizeAddress(sources.peer)

  if (!sources.forwardedFor || !isTrusted(peer, sources.trustedProxies)) {
    return peer
  }

  const hops = sources.forwardedFor.split(',').map(normalizeAddress).filter(Boolean)
  let client = peer

  for (const hop of hops.reverse()) {
    client = hop
    if (!isTrusted(hop, sources.trustedProxies)) {
      break
    }
  }

  return client.slice(0, MAX_ADDRESS_LENGTH)
}

/** Whether a direct peer is one of the proxies whose forwarding headers are believed. */
export function isTrustedProxy(peer: string, trustedProxies: readonly string[]): boolean {
  return isTrusted(normalizeAddress(peer), trustedProxies)
}

export function isValidProxyEntry(entry: string): boolean {
  const [address, bits] = entry.split('/')

  if (bits === undefined) {
    return address !== undefined && address.length > 0 && address.length <= MAX_ADDRESS_LENGTH
  }

  return (
    address !== undefined &&
    parseIpv4(address) !== null &&
    /^\d{1,2}$/.test(bits) &&
    Number(bits) <= 32
  )
}

function normalizeAddress(raw: string): string {
  const address = raw.trim()

  return address.startsWith('::ffff:') && parseIpv4(address.slice(7)) !== null
    ? address.slice(7)
    : address
}

function isTrusted(address: string, trustedProxies: readonly string[]): boolean {
  return trustedProxies.some((entry) => matchesEntry(address, entry))
}

function matchesEntry(address: string, entry: string): boolean {
  const [base, bits] = entry.split('/')

  if (bits === undefined || base === undefined) {
    return address === entry
  }

  const ip = parseIpv4(address)
  const network = parseIpv4(base)
  const prefix = Number(bits)

  if (ip === null || network === null) {
    return false
  }

  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0

  return (ip & mask) >>> 0 === (network & mask) >>> 0
}

function parseIpv4(address: string): number | null {
  const parts = address.split('.')

  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) {
    return null
  }

  return parts.reduce((sum, part) => sum * 256 + Number(part), 0)
}
