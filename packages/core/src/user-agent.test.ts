import { describe, expect, it } from 'vitest'

import { truncateUserAgent } from './user-agent'

describe('truncateUserAgent', () => {
  it('should keep a header of up to 512 characters and cut a longer one', () => {
    expect(truncateUserAgent('a'.repeat(512))).toHaveLength(512)
    expect(truncateUserAgent('b'.repeat(5000))).toBe('b'.repeat(512))
  })

  it('should store an absent header as empty text', () => {
    expect(truncateUserAgent(undefined)).toBe('')
  })
})
