import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  createUser,
  legacyGet,
  legacyLogIn,
  logInAdmin,
  readCookie,
  restLogIn,
  restMe,
  rpc,
  rpcLogIn,
} from './testing/channels'
import type { Caller, Credentials } from './testing/channels'
import { startKeepUnderTest } from './testing/keep-under-test'
import type { KeepUnderTest } from './testing/keep-under-test'

const MINUTE = 60_000
const IDLE_TIMEOUT = 30 * MINUTE
const MAX_AGE = 2 * 60 * MINUTE

type Verdict = 'accepted' | 'refused' | `unexpected ${string}`

/** One way in, and how that channel answers its session: accepted, or refused its own way. */
interface Channel {
  readonly name: string
  logIn(caller: Caller, credentials: Credentials): Promise<() => Promise<Verdict>>
}

const CHANNELS: readonly Channel[] = [
  {
    name: 'REST',
    logIn: async (caller, credentials) => {
      const { token } = (await (await restLogIn(caller, credentials)).json()) as { token: string }

      return async () => {
        const { status } = await restMe(caller, token)

        return status === 200 ? 'accepted' : status === 401 ? 'refused' : `unexpected ${status}`
      }
    },
  },
  {
    name: 'legacy UI',
    logIn: async (caller, credentials) => {
      const cookie = readCookie(await legacyLogIn(caller, credentials), 'keep_legacy_session') ?? ''

      return async () => {
        const response = await legacyGet(caller, '/keep/legacy/', cookie)
        const location = response.headers.get('Location')

        if (response.status === 200) return 'accepted'
        if (response.status === 303 && location === '/keep/legacy/login') return 'refused'
        return `unexpected ${response.status} ${location}`
      }
    },
  },
  {
    name: 'JSON-RPC',
    logIn: async (caller, credentials) => {
      const token = await rpcLogIn(caller, credentials)

      return async () => {
        const { body } = await rpc(caller, 'session.whoami', { token })

        if (body.result !== undefined) return 'accepted'
        if (body.error?.code === -32001) return 'refused'
        return `unexpected ${JSON.stringify(body)}`
      }
    },
  },
]

describe.each(CHANNELS)('expiry of a $name session', (channel) => {
  let keep: KeepUnderTest
  let caller: Caller
  let credentials: Credentials

  beforeEach(async () => {
    keep = await startKeepUnderTest({
      env: { KEEP_SESSION_IDLE_TIMEOUT: '30m', KEEP_SESSION_MAX_AGE: '2h' },
    })
    caller = { url: keep.url }
    credentials = await createUser(await logInAdmin(caller), 'frank')
  })

  afterEach(async () => {
    await keep.close()
  })

  it('should refuse the session once it has been idle for the idle timeout', async () => {
    const answer = await channel.logIn(caller, credentials)

    keep.clock.advance(IDLE_TIMEOUT - 1)
    expect(await answer()).toBe('accepted')

    keep.clock.advance(IDLE_TIMEOUT)
    expect(await answer()).toBe('refused')
  })

  it('should keep a session in use alive, and refuse it at the maximum age all the same', async () => {
    const answer = await channel.logIn(caller, credentials)

    for (let elapsed = 0; elapsed + 20 * MINUTE < MAX_AGE; elapsed += 20 * MINUTE) {
      keep.clock.advance(20 * MINUTE)
      expect(await answer()).toBe('accepted')
    }

    keep.clock.advance(20 * MINUTE)
    expect(await answer()).toBe('refused')
  })

  it('should let the sweeper purge the expired sessions, and only those', async () => {
    await channel.logIn(caller, credentials)
    keep.clock.advance(IDLE_TIMEOUT)
    await restLogIn(caller, await createUser(await logInAdmin(caller), 'grace'))

    const swept = await keep.sweepNow()

    // The user's session and the admin's first one had expired; the admin's second is live.
    expect(swept.sessions).toBe(2)
    expect(await countSessionsOf(['frank', 'admin', 'grace'])).toEqual({ admin: 1, grace: 1 })
    expect(keep.logs.some((line) => line.includes('"event":"sweep_purged"'))).toBe(true)
  })

  async function countSessionsOf(usernames: string[]): Promise<Record<string, number>> {
    const [rows] = await keep.database.pool.query(
      'SELECT username, COUNT(*) AS n FROM sessions WHERE username IN (?) GROUP BY username',
      [usernames]
    )

    return Object.fromEntries(
      (rows as { username: string; n: number }[]).map((row) => [row.username, Number(row.n)])
    )
  }
})
