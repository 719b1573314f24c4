import { DEFAULT_SESSION_POLICY } from '@keep/core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { openTestDatabase } from '../testing'
import type { TestDatabase } from '../testing'
import { createHarness, signIn } from './testing-kit/harness'
import type { Harness, SignedIn } from './testing-kit/harness'

const { touchIntervalMs } = DEFAULT_SESSION_POLICY

describe('statements of an authenticated request on MariaDB', () => {
  let database: TestDatabase
  let h: Harness
  let caller: SignedIn

  beforeAll(async () => {
    database = await openTestDatabase()
  })

  beforeEach(async () => {
    await database.reset()
    h = createHarness({ stores: database.stores })
    caller = await signIn(h)
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  afterAll(() => database.close())

  /** Counts every statement sent through the pool from now on, by either protocol. */
  function countStatements() {
    const query = vi.spyOn(database.pool, 'query')
    const execute = vi.spyOn(database.pool, 'execute')
    const connection = vi.spyOn(database.pool, 'getConnection')

    return () => {
      // A statement on a connection taken from the pool would escape the two spies above.
      expect(connection).not.toHaveBeenCalled()

      return query.mock.calls.length + execute.mock.calls.length
    }
  }

  async function getMe(): Promise<number> {
    const statements = countStatements()

    expect((await h.send('/me', { token: caller.token })).status).toBe(200)

    const count = statements()

    vi.restoreAllMocks()

    return count
  }

  it('looks the session up in one statement within the touch interval', async () => {
    expect(await getMe()).toBe(1)

    h.clock.advance(touchIntervalMs - 1)

    expect(await getMe()).toBe(1)
  })

  it('adds the one write of Last Active once the touch interval has passed', async () => {
    h.clock.advance(touchIntervalMs)

    expect(await getMe()).toBe(2)

    const [session] = await database.stores.sessions.findByIds([caller.session.id])

    expect(session?.lastActiveAt).toEqual(h.clock.now())
    expect(await getMe()).toBe(1)
  })
})
