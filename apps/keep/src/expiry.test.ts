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

/** One way in, and how that channel says whether its session is still accepted. */
interface Channel {
  readonly name: string
  logIn(caller: Caller, credentials: Credentials): Promise<() => Promise<boolean>>
}

const CHANNELS: readonly Channel[] = [
  {
    name: 'REST',
    logIn: async (caller, credentials) => {
      const { token } = (await (await restLogIn(caller, credentials)).json()) as { token: string }

      return async () => (await restMe(caller, token)).status === 200
    },
  },
  {
    name: 'legacy UI',
    logIn: async (caller, credentials) => {
      const cookie = readCookie(await legacyLogIn(caller, credentials), 'keep_legacy_session') ?? ''

      return async () => (await legacyGet(caller, '/keep/legacy/', cookie)).status === 200
    },
  },
  {
    name: 'JSON-RPC',
    logIn: async (caller, credentials) => {
      const token = await rpcLogIn(caller, credentials)

      return async () =>
        (await rpc(caller, 'session.whoami', { token })).body.error?.code !== -32001
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
    const isAccepted = await channel.logIn(caller, credentials)

    keep.clock.advance(IDLE_TIMEOUT - 1)
    expect(await isAccepted()).toBe(true)

    keep.clock.advance(IDLE_TIMEOUT)
    expect(await isAccepted()).toBe(false)
  })

  it('should keep a session in use alive, and refuse it at the maximum age all the same', async () => {
    const isAccepted = await channel.logIn(caller, credentials)

    for (let elapsed = 0; elapsed + 20 * MINUTE < MAX_AGE; elapsed += 20 * MINUTE) {
      keep.clock.advance(20 * MINUTE)
      expect(await isAccepted()).toBe(true)
    }

    keep.clock.advance(20 * MINUTE)
    expect(await isAccepted()).toBe(false)
  })

  it('should let the sweeper purge the expired session', async () => {
    await channel.logIn(caller, credentials)
    keep.clock.advance(IDLE_TIMEOUT)

    const swept = await keep.sweepNow()

    expect(swept.sessions).toBeGreaterThanOrEqual(1)
    expect(keep.logs.some((line) => line.includes('"event":"sweep_purged"'))).toBe(true)
  })
})
