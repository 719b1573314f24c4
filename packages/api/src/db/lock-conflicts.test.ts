import type { SessionUser } from '@keep/core'
import { buildSession, buildUser, toSessionUser } from '@keep/core/testing'
import { createConnection } from 'mysql2/promise'
import type { Connection, RowDataPacket } from 'mysql2/promise'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { openTestDatabase } from '../testing/test-database'
import { isStoreUnavailable, retryOnLockConflict } from './store-error'

const database = await openTestDatabase()
const { sessions, users } = database.stores

afterAll(() => database.close())

beforeEach(() => database.reset())

function driverError(code: string): Error {
  return Object.assign(new Error(`driver says ${code}`), { code })
}

async function addSessions(count: number): Promise<string[]> {
  const owner = buildUser()
  await users.create(owner)

  const user: SessionUser = toSessionUser(owner)

  const ids: string[] = []

  for (let i = 0; i < count; i += 1) {
    const { session } = await buildSession({ user })
    await sessions.create(session)
    ids.push(session.id)
  }

  return ids.sort()
}

/*
 * Polls the server, not the clock: the deletion waits once InnoDB reports a lock wait on this
 * database's sessions (information_schema.innodb_trx omits such waits on MariaDB 10.11).
 */
async function untilADeletionWaits(observer: Connection): Promise<void> {
  const waitingHere = `FOR THIS LOCK TO BE GRANTED:\nRECORD LOCKS space id`
  const table = `of table \`${database.name}\`.\`sessions\``

  for (;;) {
    const [rows] = await observer.query<RowDataPacket[]>('SHOW ENGINE INNODB STATUS')
    const status = String(rows[0]?.['Status'])

    if (status.split(waitingHere).some((wait) => wait.split('\n')[0]?.includes(table))) {
      return
    }
  }
}

describe('lock conflicts', () => {
  it('should run a transaction again after a deadlock, at most twice more', async () => {
    let calls = 0

    const outcome = await retryOnLockConflict(() => {
      calls += 1

      return calls < 3 ? Promise.reject(driverError('ER_LOCK_DEADLOCK')) : Promise.resolve('done')
    })

    expect(outcome).toBe('done')
    expect(calls).toBe(3)
  })

  it('should give up after the retries, as a failure worth a 503', async () => {
    let calls = 0
    const attempt = retryOnLockConflict(() => {
      calls += 1
      return Promise.reject(driverError('ER_LOCK_WAIT_TIMEOUT'))
    })

    const error: unknown = await attempt.catch((caught: unknown) => caught)

    expect(calls).toBe(3)
    expect(isStoreUnavailable(error)).toBe(true)
  })

  it('should not run a transaction again for any other failure', async () => {
    let calls = 0
    const attempt = retryOnLockConflict(() => {
      calls += 1
      return Promise.reject(driverError('ER_PARSE_ERROR'))
    })

    await expect(attempt).rejects.toThrow('ER_PARSE_ERROR')
    expect(calls).toBe(1)
    expect(isStoreUnavailable(driverError('ER_PARSE_ERROR'))).toBe(false)
  })

  it('should delete what was asked when its transaction is chosen as a deadlock victim', async () => {
    const ids = await addSessions(6)
    const pair = ids.slice(0, 2)
    const rival = await createConnection({ uri: database.url })
    const observer = await createConnection({ uri: database.url })

    try {
      // The rival changes many rows, so InnoDB rolls back the lighter deletion, not the rival.
      // Read committed, so that the rival keeps locks on the rows it changes and on no others.
      await rival.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED')
      await rival.query('START TRANSACTION')
      await rival.query("UPDATE sessions SET user_agent = 'rival' WHERE id IN (?)", [ids.slice(1)])

      // The deletion locks the first row, then waits for the second, which the rival holds.
      const deletion = sessions.deleteByIds(pair)
      await untilADeletionWaits(observer)
      await rival.query("UPDATE sessions SET user_agent = 'rival' WHERE id = ?", [ids[0]])
      await rival.query('COMMIT')

      expect(await deletion).toEqual(pair)
      expect(await sessions.findByIds(pair)).toEqual([])
    } finally {
      await rival.end()
      await observer.end()
    }
  })
})
