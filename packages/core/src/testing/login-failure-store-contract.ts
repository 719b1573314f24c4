import { beforeEach, describe, expect, it } from 'vitest'

import type { LoginFailureStore } from '../login-throttle'

const START = new Date('2026-01-15T09:00:00.000Z')

function minutesAfterStart(minutes: number): Date {
  return new Date(START.getTime() + minutes * 60_000)
}

/** The behaviour every LoginFailureStore must show; `open` hands back an empty store. */
export function describeLoginFailureStoreContract(
  name: string,
  open: () => Promise<LoginFailureStore>
) {
  describe(`LoginFailureStore contract: ${name}`, () => {
    let failures: LoginFailureStore

    beforeEach(async () => {
      failures = await open()
    })

    it('should count failures per account, in any case, and per address since an instant', async () => {
      await failures.record({ username: 'Ann', address: '192.0.2.1', at: minutesAfterStart(0) })
      await failures.record({ username: 'ann', address: '192.0.2.2', at: minutesAfterStart(5) })
      await failures.record({ username: 'bob', address: '192.0.2.2', at: minutesAfterStart(6) })

      const counts = await failures.count({
        username: 'ANN',
        address: '192.0.2.2',
        since: minutesAfterStart(1),
      })

      expect(counts).toEqual({ account: 1, address: 2 })
    })

    it('should count nothing for strangers', async () => {
      const counts = await failures.count({ username: 'x', address: '::1', since: START })

      expect(counts).toEqual({ account: 0, address: 0 })
    })

    it('should forget failures recorded before an instant', async () => {
      await failures.record({ username: 'ann', address: '192.0.2.1', at: minutesAfterStart(0) })
      await failures.record({ username: 'ann', address: '192.0.2.1', at: minutesAfterStart(10) })

      const purged = await failures.purgeBefore(minutesAfterStart(5))
      const counts = await failures.count({ username: 'ann', address: '192.0.2.1', since: START })

      expect(purged).toBe(1)
      expect(counts).toEqual({ account: 1, address: 1 })
    })
  })
}
