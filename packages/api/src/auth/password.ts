import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** Turns passwords into stored hashes and checks passwords against them. */
export interface PasswordHasher {
  /** A new salted hash of the password, self-describing so that it can be verified later. */
  hash(password: string): Promise<string>
  /** Whether the password matches the stored hash; false for a hash it cannot read. */
  verify(password: string, stored: string): Promise<boolean>
}

interface ScryptCost {
  readonly N: number
  readonly r: number
  readonly p: number
}

const KEY_LENGTH = 64
const SALT_BYTES = 16
const DEFAULT_COST: ScryptCost = { N: 16384, r: 8, p: 1 }

/**
 * Salted scrypt from node:crypto, stored as `scrypt$N$r$p$salt$key` so that the cost can be
 * raised later without breaking stored hashes.
 */
export function createScryptHasher(cost: ScryptCost = DEFAULT_COST): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES)
      const key = await deriveKey(password, salt, cost)

      return [
        'scrypt',
        cost.N,
        cost.r,
        cost.p,
        salt.toString('base64'),
        key.toString('base64'),
      ].join('$')
    },

    async verify(password, stored) {
      const parsed = parseStored(stored)

      if (!parsed) {
        return false
      }

      const key = await deriveKey(password, parsed.salt, parsed.cost)

      return key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
    },
  }
}

function deriveKey(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: 64 * 1024 * 1024 }, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

function parseStored(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$')

  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) {
    return null
  }

  return {
    cost: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, 'base64'),
    key: Buffer.from(key, 'base64'),
  }
}
