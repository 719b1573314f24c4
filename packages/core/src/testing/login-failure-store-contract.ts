import { beforeEach, describe, expect, it } from 'vitest'

import type { LoginFailureStore } from '../login-throttle'

const START = new Date('2026-01-15T09:00:00.000Z')
const ANN = { username: 'ann', address: '192.0.2.1', at: START }
const SINCE_BEFORE_ANN = new Date(START.getTime() - 1)

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

    it('should forget the one failure it is given, and nothing else, however often', async () => {
      const first = await failures.record(ANN)
      await failures.record(ANN)

      await failures.forget(first)
      await failures.forget(first)

      const counts = await failures.count({ ...ANN, since: SINCE_BEFORE_ANN })

      expect(counts).toEqual({ account: 1, address: 1 })
    })

    it('should give every record of a parallel burst an id of its own', async () => {
      const ids = await Promise.all(Array.from({ length: 10 }, () => failures.record(ANN)))

      expect(new Set(ids).size).toBe(10)
    })

    it('should count every record of a parallel burst for the attempts after it', async () => {
      const counts = await Promise.all(
        Array.from({ length: 20 }, async () => {
          await failures.record(ANN)

          return (await failures.count({ ...ANN, since: SINCE_BEFORE_ANN })).account
        })
      )

      // Only the first k records to be counted can have seen k or fewer.
      counts.sort((a, b) => a - b)
      counts.forEach((count, rank) => expect(count).toBeGreaterThanOrEqual(rank + 1))
    })
  })
}
