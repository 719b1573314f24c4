import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createUser, legacyLogIn, logInAdmin, restLogIn, rpc } from './testing/channels'
import type { Caller, Credentials } from './testing/channels'
import { startKeepUnderTest } from './testing/keep-under-test'
import type { KeepUnderTest } from './testing/keep-under-test'

const MAX_FAILURES = 3
const MAX_ADDRESS_FAILURES = 5
const WRONG_PASSWORD = 'wrong-password'

describe('the log-in limit', () => {
  let keep: KeepUnderTest
  let credentials: Credentials

  beforeEach(async () => {
    keep = await startKeepUnderTest({
      env: {
        KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES),
        KEEP_LOGIN_MAX_FAILURES_PER_ADDRESS: String(MAX_ADDRESS_FAILURES),
        KEEP_LOGIN_FAILURE_WINDOW: '15m',
      },
    })
    credentials = await createUser(await logInAdmin({ url: keep.url }), 'grace')
  })

  afterEach(async () => {
    await keep.close()
  })

  function from(address: string): Caller {
    return { url: keep.url, address }
  }

  async function failTimes(caller: Caller, times: number) {
    for (let i = 0; i < times; i += 1) {
      const response = await restLogIn(caller, { ...credentials, password: WRONG_PASSWORD })
      expect(response.status).toBe(401)
    }
  }

  it('REST: answers 429 with Retry-After, even to the right password, until the window passes', async () => {
    await failTimes(from('198.51.100.1'), MAX_FAILURES)

    const refused = await restLogIn(from('198.51.100.2'), credentials)

    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_attempts' } })

    keep.clock.advance(15 * 60_000 + 1)
    expect((await restLogIn(from('198.51.100.2'), credentials)).status).toBe(200)
  })

  it('JSON-RPC: answers error -32003 with the wait in its data', async () => {
    await failTimes(from('198.51.100.3'), MAX_FAILURES)

    const refused = await rpc(from('198.51.100.4'), 'session.login', credentials)

    expect(refused.status).toBe(200)
    expect(refused.body.error).toMatchObject({ code: -32003, data: { retryAfterSeconds: 900 } })
  })

  it('legacy UI: shows the form again with the error, as 429', async () => {
    await failTimes(from('198.51.100.5'), MAX_FAILURES)

    const refused = await legacyLogIn(from('198.51.100.6'), credentials)

    expect(refused.status).toBe(429)
    expect(refused.headers.get('Set-Cookie')).toBeNull()
    expect(await refused.text()).toContain('Too many failed log-ins')
  })

  it('should count failures from every channel against the same account', async () => {
    await legacyLogIn(from('198.51.100.7'), { ...credentials, password: 'wrong-password' })
    await rpc(from('198.51.100.7'), 'session.login', { ...credentials, password: 'wrong-password' })
    await restLogIn(from('198.51.100.7'), { ...credentials, password: 'wrong-password' })

    expect((await restLogIn(from('198.51.100.8'), credentials)).status).toBe(429)
  })

  it('should answer wrong credentials the way of each channel', async () => {
    const wrong = { ...credentials, password: 'wrong-password' }

    const legacy = await legacyLogIn(from('198.51.100.9'), wrong)
    const json = await rpc(from('198.51.100.9'), 'session.login', wrong)

    expect(legacy.status).toBe(401)
    expect(await legacy.text()).toContain('The username or password is not correct')
    expect(json.body.error?.code).toBe(-32002)
  })

  it('should hold the limit against a burst of parallel log-ins', async () => {
    const wrong = { ...credentials, password: WRONG_PASSWORD }

    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        return (await restLogIn(from(`198.51.100.${100 + i}`), wrong)).status
      })
    )
    const refusedAsWrong = statuses.filter((status) => status === 401).length

    expect(refusedAsWrong).toBeLessThanOrEqual(MAX_FAILURES)
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([])
    // Only the failures that were checked count: the rest were turned away before the check.
    expect((await restLogIn(from('198.51.100.200'), credentials)).status).toBe(
      refusedAsWrong === MAX_FAILURES ? 429 : 200
    )
  })

  it('should refuse every account from an address that used up its failures, and no other address', async () => {
    const heidi = await createUser(await logInAdmin({ url: keep.url }), 'heidi')
    const attacker = from('203.0.113.7')

    for (const username of ['grace', 'ivan', 'judy', 'nobody', 'grace']) {
      expect((await restLogIn(attacker, { username, password: WRONG_PASSWORD })).status).toBe(401)
    }

    expect((await restLogIn(attacker, heidi)).status).toBe(429)
    expect((await restLogIn(from('203.0.113.8'), heidi)).status).toBe(200)
  })

  it('should log a failed log-in as login_refused with its reason on every channel', async () => {
    const wrong = { ...credentials, password: WRONG_PASSWORD }
    const caller = from('198.51.100.10')

    await restLogIn(caller, wrong)
    await legacyLogIn(caller, wrong)
    await rpc(caller, 'session.login', wrong)
    await restLogIn(caller, credentials)
    await legacyLogIn(caller, credentials)
    await rpc(caller, 'session.login', credentials)

    expect(refusalsLogged()).toEqual([
      ...Array<string>(3).fill('invalid_credentials'),
      ...Array<string>(3).fill('too_many_attempts'),
    ])
  })

  function refusalsLogged(): unknown[] {
    return keep.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line['level'] !== 'info' && String(line['event']).startsWith('login'))
      .map((line) => (line['event'] === 'login_refused' ? line['reason'] : line['event']))
  }
})
