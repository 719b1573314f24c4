import { generateSessionToken, hashSessionToken } from '@keep/core'
import { describe, expect, it } from 'vitest'

import { hashTokenForLookup } from './token-hash'

describe('hashTokenForLookup', () => {
  it('gives the digest core stores and looks sessions up by', async () => {
    const tokens = Array.from({ length: 50 }, () => generateSessionToken())

    for (const token of tokens) {
      expect(hashTokenForLookup(token)).toBe(await hashSessionToken(token))
    }
  })

  it('matches the published SHA-256 test vector', () => {
    expect(hashTokenForLookup('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
  })
})
