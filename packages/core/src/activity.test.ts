import { describe, expect, it } from 'vitest'

import {
  getActivityWindow,
  getSessionExpiry,
  getTouchCutoff,
  isSessionActive,
  needsTouch,
} from './activity'
import { createSessionPolicy } from './policy'
import { createManualClock } from './testing/manual-clock'

const policy = createSessionPolicy({
  idleTimeoutMs: 30_000,
  maxAgeMs: 100_000,
  touchIntervalMs: 5_000,
})

describe('session activity', () => {
  it('should end a session exactly when it has been idle for the idle timeout', () => {
    const clock = createManualClock()
    const session = { createdAt: clock.now(), lastActiveAt: clock.now() }

    clock.advance(29_999)
    expect(isSessionActive(session, policy, clock.now())).toBe(true)

    clock.advance(1)
    expect(isSessionActive(session, policy, clock.now())).toBe(false)
  })

  it('should end a busy session exactly at its maximum age', () => {
    const clock = createManualClock()
    const createdAt = clock.now()

    clock.advance(99_999)
    expect(isSessionActive({ createdAt, lastActiveAt: clock.now() }, policy, clock.now())).toBe(
      true
    )

    clock.advance(1)
    expect(isSessionActive({ createdAt, lastActiveAt: clock.now() }, policy, clock.now())).toBe(
      false
    )
  })

  it('should expire at the earlier of idle end and age end', () => {
    const createdAt = new Date('2026-01-01T00:00:00.000Z')
    const idleFirst = { createdAt, lastActiveAt: new Date(createdAt.getTime() + 10_000) }
    const ageFirst = { createdAt, lastActiveAt: new Date(createdAt.getTime() + 90_000) }

    expect(getSessionExpiry(idleFirst, policy).getTime() - createdAt.getTime()).toBe(40_000)
    expect(getSessionExpiry(ageFirst, policy).getTime() - createdAt.getTime()).toBe(100_000)
  })

  it('should ask for a touch only once the touch interval has passed', () => {
    const clock = createManualClock()
    const session = { createdAt: clock.now(), lastActiveAt: clock.now() }

    clock.advance(4_999)
    expect(needsTouch(session, policy, clock.now())).toBe(false)

    clock.advance(1)
    expect(needsTouch(session, policy, clock.now())).toBe(true)
  })

  it('should put the touch cutoff just after the last instant that needs a touch', () => {
    const now = new Date('2026-01-01T00:01:00.000Z')
    const cutoff = getTouchCutoff(policy, now)
    const due = { createdAt: now, lastActiveAt: new Date(now.getTime() - 5_000) }
    const fresh = { createdAt: now, lastActiveAt: new Date(now.getTime() - 4_999) }

    expect(due.lastActiveAt < cutoff && needsTouch(due, policy, now)).toBe(true)
    expect(fresh.lastActiveAt < cutoff || needsTouch(fresh, policy, now)).toBe(false)
  })

  it('should describe the active window by the instants a session must lie after', () => {
    const now = new Date('2026-01-01T12:00:00.000Z')

    expect(getActivityWindow(policy, now)).toEqual({
      lastActiveAfter: new Date('2026-01-01T11:59:30.000Z'),
      createdAfter: new Date('2026-01-01T11:58:20.000Z'),
    })
  })
})

describe('createSessionPolicy', () => {
  it('should default to 30 minutes idle, 12 hours age and a 60 second touch', () => {
    expect(createSessionPolicy()).toEqual({
      idleTimeoutMs: 1_800_000,
      maxAgeMs: 43_200_000,
      touchIntervalMs: 60_000,
    })
  })

  it('should refuse values that are not positive whole numbers', () => {
    expect(() => createSessionPolicy({ idleTimeoutMs: 0 })).toThrow(/idleTimeoutMs/)
    expect(() => createSessionPolicy({ maxAgeMs: 1.5 })).toThrow(/maxAgeMs/)
  })

  it('should refuse a touch interval that is not shorter than the idle timeout', () => {
    expect(() => createSessionPolicy({ idleTimeoutMs: 60_000, touchIntervalMs: 60_000 })).toThrow(
      /touchIntervalMs/
    )
  })
})
