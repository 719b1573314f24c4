import { describe, expect, it } from 'vitest'

import { createScryptHasher } from './password'

const hasher = createScryptHasher({ N: 1024, r: 8, p: 1 })

describe('scrypt password hasher', () => {
  it('should verify the right password and refuse a wrong one', async () => {
    const stored = await hasher.hash('s3cret pass')

    expect(await hasher.verify('s3cret pass', stored)).toBe(true)
    expect(await hasher.verify('s3cret pasS', stored)).toBe(false)
  })

  it('should salt every hash and never contain the password', async () => {
    const [a, b] = [await hasher.hash('same password'), await hasher.hash('same password')]

    expect(a).not.toBe(b)
    expect(a).not.toContain('same password')
    expect(a.startsWith('scrypt$1024$8$1$')).toBe(true)
  })

  it('should refuse stored values it cannot read', async () => {
    expect(await hasher.verify('x', 'plain-text')).toBe(false)
    expect(await hasher.verify('x', 'scrypt$1024$8$1$$')).toBe(false)
  })
})
