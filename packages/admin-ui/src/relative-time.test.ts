import { describe, expect, it } from 'vitest'

import { formatRelativeTime, parseTime } from './relative-time'

const now = new Date('2025-06-01T12:00:00Z')

function ago(ms: number): Date {
  return new Date(now.getTime() - ms)
}

describe('formatRelativeTime', () => {
  it.each([
    [0, 'just now'],
    [44_000, 'just now'],
    [-30_000, 'just now'],
    [45_000, '1 min ago'],
    [120_000, '2 min ago'],
    [59 * 60_000, '59 min ago'],
    [60 * 60_000, '1 h ago'],
    [23 * 3_600_000 + 59 * 60_000, '23 h ago'],
    [24 * 3_600_000, '1 day ago'],
    [3 * 24 * 3_600_000, '3 days ago'],
  ])('%i ms ago reads "%s"', (ms, text) => {
    expect(formatRelativeTime(ago(ms), now)).toBe(text)
  })
})

describe('parseTime', () => {
  it('reads ISO-8601 UTC times', () => {
    expect(parseTime('2025-06-01T11:58:00.000Z')?.getTime()).toBe(ago(120_000).getTime())
  })

  it('returns null for unreadable times', () => {
    expect(parseTime('yesterday')).toBeNull()
  })
})
