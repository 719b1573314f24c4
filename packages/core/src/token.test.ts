import { describe, expect, it } from 'vitest'

import {
  generateId,
  generateSessionToken,
  hashSessionToken,
  isWellFormedId,
  isWellFormedToken,
} from './token'

describe('session tokens', () => {
  it('should carry 256 random bits as 43 base64url characters', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken))

    expect(tokens.size).toBe(1000)
    expect([...tokens].every(isWellFormedToken)).toBe(true)
  })

  it('should hash to the SHA-256 hex digest', async () => {
    expect(await hashSessionToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
  })

  it('should refuse malformed tokens by shape alone', () => {
    const token = generateSessionToken()

    expect(isWellFormedToken(token.slice(1))).toBe(false)
    expect(isWellFormedToken(`${token.slice(1)}=`)).toBe(false)
    expect(isWellFormedToken(`${token}a`)).toBe(false)
    expect(isWellFormedToken('')).toBe(false)
  })
})

describe('ids', () => {
  it('should be 26 base32 characters and unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, generateId))

    expect(ids.size).toBe(1000)
    expect([...ids].every(isWellFormedId)).toBe(true)
  })

  it('should refuse ids of another shape', () => {
    expect(isWellFormedId('A'.repeat(26))).toBe(false)
    expect(isWellFormedId('a'.repeat(25))).toBe(false)
    expect(isWellFormedId('1'.repeat(26))).toBe(false)
  })
})
