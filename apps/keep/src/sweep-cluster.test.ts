import { openTestDatabase, seedSessions } from '@keep/api/testing'
import type { TestDatabase } from '@keep/api/testing'
import { getActivityWindow } from '@keep/core'
import { createManualClock } from '@keep/core/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { startTestKeep } from './testing/test-keep'
import type { TestKeep } from './testing/test-keep'

const SESSIONS = 3000
// Every other seeded session lies outside the activity window.
const EXPIRED = SESSIONS / 2

describe('two Keep instances sweeping one database at once', () => {
  let database: TestDatabase
  let north: TestKeep
  let south: TestKeep

  beforeEach(async () => {
    database = await openTestDatabase()
    await database.reset()

    const clock = createManualClock()
    north = await startTestKeep({ databaseUrl: database.url, serverName: 'keep-north', clock })
    south = await startTestKeep({ databaseUrl: database.url, serverName: 'keep-south', clock })

    const now = clock.now()
    const window = getActivityWindow(north.config.policy, now)
    await seedSessions(database.db, {
      sessions: SESSIONS,
      users: 30,
      window,
      now,
      expiredShare: 0.5,
    })
  })

  afterEach(async () => {
    await north.close()
    await south.close()
    await database.close()
  })

  it('should purge each expired session once between them, and leave the live ones', async () => {
    const [first, second] = await Promise.all([north.sweepNow(), south.sweepNow()])

    expect(first.sessions + second.sessions).toBe(EXPIRED)
    expect(await countSessions()).toBe(SESSIONS - EXPIRED)
    expect(
      [...north.logs, ...south.logs].filter((line) => !line.includes('"level":"info"'))
    ).toEqual([])
  })

  it('should find nothing left to do on either once one has swept', async () => {
    await Promise.all([north.sweepNow(), south.sweepNow()])

    const again = await Promise.all([north.sweepNow(), south.sweepNow()])

    expect(again.map((result) => result.sessions)).toEqual([0, 0])
  })

  async function countSessions(): Promise<number> {
    const [rows] = await database.pool.query('SELECT COUNT(*) AS n FROM sessions')

    return Number((rows as { n: number }[])[0]?.n)
  }
})
