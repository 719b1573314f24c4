import { describe, expect, it } from 'vitest'

import {
  createLoginLimits,
  getFailureWindowStart,
  getWorstHourOfFailures,
  isAttemptThrottled,
  isLoginThrottled,
} from './login-throttle'
import { MemoryLoginFailureStore } from './memory-login-failure-store'
import { createManualClock } from './testing/manual-clock'

describe('login throttling', () => {
  it('should throttle once an account or an address has used up its failures', () => {
    const limits = createLoginLimits({ perAccount: 3, perAddress: 5 })

    expect(isLoginThrottled({ account: 2, address: 4 }, limits)).toBe(false)
    expect(isLoginThrottled({ account: 3, address: 0 }, limits)).toBe(true)
    expect(isLoginThrottled({ account: 0, address: 5 }, limits)).toBe(true)
  })

  it('should let through only the attempts that fit the limit when each counts itself', () => {
    const limits = createLoginLimits({ perAccount: 3, perAddress: 5 })

    expect(isAttemptThrottled({ account: 3, address: 5 }, limits)).toBe(false)
    expect(isAttemptThrottled({ account: 4, address: 1 }, limits)).toBe(true)
    expect(isAttemptThrottled({ account: 1, address: 6 }, limits)).toBe(true)
  })

  it('should refuse settings that allow more than 100 failures an hour per account', () => {
    expect(() => createLoginLimits({ perAccount: 101, windowMs: 3_600_000 })).toThrow(/at most 100/)
    expect(() => createLoginLimits({ perAccount: 30, windowMs: 15 * 60_000 })).toThrow(/120/)
    expect(createLoginLimits({ perAccount: 100, windowMs: 3_600_000 }).perAccount).toBe(100)
  })

  it('should count a full allowance for every window an hour touches, not an average', () => {
    expect(() => createLoginLimits({ perAccount: 98, windowMs: 59 * 60_000 })).toThrow(
      'Login limits allow up to 196 failures an hour per account; at most 100 are allowed'
    )
    expect(() => createLoginLimits({ perAccount: 34, windowMs: 20 * 60_000 })).toThrow(/102/)
    expect(createLoginLimits({ perAccount: 33, windowMs: 20 * 60_000 }).perAccount).toBe(33)
    expect(createLoginLimits({ perAccount: 50, windowMs: 30 * 60_000 }).perAccount).toBe(50)
  })

  it('should name the window, not a failure count, when the window is over an hour', () => {
    expect(() => createLoginLimits({ perAccount: 1, windowMs: 61 * 60_000 })).toThrow(
      'Login limit windowMs must be at most 1 hour'
    )
  })

  it.each([
    [{ perAccount: 10, windowMs: 15 * 60_000 }, 40],
    [{ perAccount: 98, windowMs: 59 * 60_000 }, 196],
    [{ perAccount: 7, windowMs: 60 * 60_000 }, 7],
    [{ perAccount: 3, windowMs: 7 * 60_000 }, 27],
  ])('should find the worst hour of %o to be %i failures', (limits, worst) => {
    expect(getWorstHourOfFailures({ ...limits, perAddress: 1 })).toBe(worst)
  })

  it('should count only failures inside the window, account names in any case', async () => {
    const clock = createManualClock()
    const limits = createLoginLimits({ perAccount: 2, windowMs: 3_600_000 })
    const store = new MemoryLoginFailureStore()

    await store.record({ username: 'Ann', address: '192.0.2.1', at: clock.now() })
    clock.advance(1_800_000)
    await store.record({ username: 'ann', address: '192.0.2.2', at: clock.now() })
    const since = getFailureWindowStart(limits, clock.now())

    expect(await store.count({ username: 'ANN', address: '192.0.2.2', since })).toEqual({
      account: 2,
      address: 1,
    })

    clock.advance(1_800_000)
    expect(
      await store.count({
        username: 'ann',
        address: '192.0.2.1',
        since: getFailureWindowStart(limits, clock.now()),
      })
    ).toEqual({ account: 1, address: 0 })
  })
})
