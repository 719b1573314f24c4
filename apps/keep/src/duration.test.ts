import { describe, expect, it } from 'vitest'

import { formatDuration, parseDuration } from './duration'

describe('parseDuration', () => {
  it.each([
    ['90', 90_000],
    ['45s', 45_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['1d', 86_400_000],
    [' 5m ', 300_000],
  ])('should read %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', 'm', '1.5h', '-1', '10 m', '3w', '1h30m'])('should refuse %j', (text) => {
    expect(parseDuration(text)).toBeNull()
  })
})

describe('formatDuration', () => {
  it('should pick the largest whole unit', () => {
    expect(formatDuration(1_800_000)).toBe('30m')
    expect(formatDuration(43_200_000)).toBe('12h')
    expect(formatDuration(90_000)).toBe('90s')
  })
})
