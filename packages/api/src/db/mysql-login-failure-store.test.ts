import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { openTestDatabase } from '../testing/test-database'

const database = await openTestDatabase()
const failures = database.stores.loginFailures
const AT = new Date('2026-01-15T09:00:00.000Z')
const SINCE = new Date(AT.getTime() - 1)
const ANN = { username: 'ann', address: '192.0.2.1', at: AT }

afterAll(() => database.close())

describe('MySqlLoginFailureStore', () => {
  beforeEach(async () => {
    await database.reset()
  })

  it('should forget the one failure it is given, and nothing else', async () => {
    const first = await failures.record(ANN)
    await failures.record(ANN)

    await failures.forget(first)
    await failures.forget(first)

    expect(await failures.count({ ...ANN, since: SINCE })).toEqual({ account: 1, address: 1 })
  })

  it('should count every record of a parallel burst for the attempts that come after it', async () => {
    const counts = await Promise.all(
      Array.from({ length: 20 }, async () => {
        await failures.record(ANN)

        return (await failures.count({ ...ANN, since: SINCE })).account
      })
    )

    // Only the first k records to commit can have seen k or fewer.
    counts.sort((a, b) => a - b)
    counts.forEach((count, rank) => expect(count).toBeGreaterThanOrEqual(rank + 1))
  })
})
