import type { KeepClient } from '@keep/sdk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  createUser,
  findSessionId,
  legacyGet,
  legacyLogIn,
  logInAdmin,
  readCookie,
  restLogIn,
  restMe,
  rpc,
  rpcLogIn,
} from './testing/channels'
import type { Caller } from './testing/channels'
import { startKeepUnderTest } from './testing/keep-under-test'
import type { KeepUnderTest } from './testing/keep-under-test'

describe('every log-in channel, when an admin deletes its session', () => {
  let keep: KeepUnderTest
  let caller: Caller
  let admin: KeepClient

  beforeEach(async () => {
    keep = await startKeepUnderTest()
    caller = { url: keep.url }
    admin = await logInAdmin(caller)
  })

  afterEach(async () => {
    await keep.close()
  })

  it('REST: works until deleted, then answers 401', async () => {
    const alice = await createUser(admin, 'alice')
    const login = await restLogIn(caller, alice)
    const { token } = (await login.json()) as { token: string }

    expect((await restMe(caller, token)).status).toBe(200)

    await admin.deleteSession(await findSessionId(admin, { username: 'alice', type: 'rest' }))

    const refused = await restMe(caller, token)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('legacy UI: shows the page until deleted, then redirects to its log-in page saying so', async () => {
    const bob = await createUser(admin, 'bob')
    const login = await legacyLogIn(caller, bob)
    const cookie = readCookie(login, 'keep_legacy_session') ?? ''

    expect(login.status).toBe(303)
    expect(login.headers.get('Location')).toBe('/keep/legacy/')
    const home = await legacyGet(caller, '/keep/legacy/', cookie)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Welcome, bob')

    await admin.deleteSession(await findSessionId(admin, { username: 'bob', type: 'browser' }))

    const refused = await legacyGet(caller, '/keep/legacy/', cookie)
    expect(refused.status).toBe(303)
    expect(refused.headers.get('Location')).toBe('/keep/legacy/login')
    const notice = readCookie(refused, 'keep_legacy_notice')
    const loginPage = await legacyGet(caller, '/keep/legacy/login', notice)
    expect(await loginPage.text()).toContain('Your session has ended')
  })

  it('JSON-RPC: answers whoami until deleted, then the session-ended error', async () => {
    const carol = await createUser(admin, 'carol')
    const token = await rpcLogIn(caller, carol)

    expect((await rpc(caller, 'session.whoami', { token })).body.result).toEqual({
      username: 'carol',
    })

    await admin.deleteSession(await findSessionId(admin, { username: 'carol', type: 'other' }))

    const refused = await rpc(caller, 'session.whoami', { token })
    expect(refused.status).toBe(200)
    expect(refused.body.error?.code).toBe(-32001)
  })

  it('should list each channel as its own session type', async () => {
    const dave = await createUser(admin, 'dave')
    await restLogIn(caller, dave)
    await legacyLogIn(caller, dave)
    await rpcLogIn(caller, dave)

    const page = await admin.listSessions({ q: 'dave' })

    expect(page.items.map((item) => item.type).sort()).toEqual(['browser', 'other', 'rest'])
    expect(page.items.every((item) => item.serverName === keep.config.serverName)).toBe(true)
  })

  it('should end a session by logging out on every channel', async () => {
    const erin = await createUser(admin, 'erin')
    const restToken = ((await (await restLogIn(caller, erin)).json()) as { token: string }).token
    const legacyCookie = readCookie(await legacyLogIn(caller, erin), 'keep_legacy_session') ?? ''
    const rpcToken = await rpcLogIn(caller, erin)

    await fetch(`${caller.url}/keep/api/auth/logout`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${restToken}` },
    })
    const legacyLogout = await fetch(`${caller.url}/keep/legacy/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: legacyCookie, 'Sec-Fetch-Site': 'same-origin' },
    })
    const rpcLogout = await rpc(caller, 'session.logout', { token: rpcToken })

    expect(legacyLogout.headers.get('Location')).toBe('/keep/legacy/login')
    expect(rpcLogout.body.result).toBe(true)
    expect((await restMe(caller, restToken)).status).toBe(401)
    expect((await legacyGet(caller, '/keep/legacy/', legacyCookie)).status).toBe(303)
    expect((await rpc(caller, 'session.whoami', { token: rpcToken })).body.error?.code).toBe(-32001)
    expect((await admin.listSessions({ q: 'erin' })).items).toEqual([])
  })
})
