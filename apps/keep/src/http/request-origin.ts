import { getConnInfo } from '@hono/node-server/conninfo'
import { resolveClientAddress } from '@keep/core'
import type { Context } from 'hono'

// Not an address, so resolveClientAddress hands it back only when it believed the peer.
const PROBE_HOP = 'forwarded-probe'

/**
 * Whether the request reached Keep over https: directly, or through a trusted proxy that says
 * so in X-Forwarded-Proto.
 */
export function isHttpsRequest(c: Context, trustedProxies: readonly string[]): boolean {
  if (new URL(c.req.url).protocol === 'https:') {
    return true
  }

  const forwardedProto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase()

  return forwardedProto === 'https' && isTrustedPeer(c, trustedProxies)
}

/**
 * Whether a state-changing browser request came from Keep's own pages. Browsers send
 * Sec-Fetch-Site or Origin on every POST; a request with neither is not from a browser page,
 * so it cannot be a forged cross-site one.
 */
export function isSameOriginRequest(c: Context, trustedProxies: readonly string[]): boolean {
  const fetchSite = c.req.header('Sec-Fetch-Site')

  if (fetchSite !== undefined) {
    return fetchSite === 'same-origin' || fetchSite === 'none'
  }

  const origin = c.req.header('Origin')

  return origin === undefined || origin === getRequestOrigin(c, trustedProxies)
}

function getRequestOrigin(c: Context, trustedProxies: readonly string[]): string {
  const url = new URL(c.req.url)
  const protocol = isHttpsRequest(c, trustedProxies) ? 'https:' : url.protocol

  return `${protocol}//${url.host}`
}

// Trust in the peer is core's rule; asking it to resolve a probe hop reuses that rule whole.
function isTrustedPeer(c: Context, trustedProxies: readonly string[]): boolean {
  const resolved = resolveClientAddress({
    peer: readPeer(c),
    forwardedFor: PROBE_HOP,
    trustedProxies,
  })

  return resolved === PROBE_HOP
}

function readPeer(c: Context): string {
  const env = c.env as { peer?: unknown; incoming?: { socket?: unknown } } | undefined

  if (env?.incoming?.socket) {
    return getConnInfo(c).remote.address ?? ''
  }

  return typeof env?.peer === 'string' ? env.peer : ''
}
