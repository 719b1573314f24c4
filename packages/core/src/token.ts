const TOKEN_BYTES = 32
const ID_BYTES = 16
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/
const ID_PATTERN = /^[a-z2-7]{26}$/
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'

/** A new bearer token: 256 random bits, base64url without padding. */
export function generateSessionToken(): string {
  return toBase64Url(randomBytes(TOKEN_BYTES))
}

/** Tokens are stored and looked up only by this hash, as lowercase hex. */
export async function hashSessionToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))

  return toHex(new Uint8Array(digest))
}

/** Checks shape only, so that malformed input is refused before any lookup. */
export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value)
}

/** A new opaque id (128 random bits, base32): drawn apart from any token, so it reveals none. */
export function generateId(): string {
  return toBase32(randomBytes(ID_BYTES))
}

export function isWellFormedId(value: string): boolean {
  return ID_PATTERN.test(value)
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length))
}

function toBase64Url(bytes: Uint8Array): string {
  const binary = String.fromCharCode(...bytes)

  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function toBase32(bytes: Uint8Array): string {
  let bits = 0
  let buffer = 0
  let out = ''

  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8

    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31]
      bits -= 5
    }
  }

  if (bits > 0) {
    out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31]
  }

  return out
}
