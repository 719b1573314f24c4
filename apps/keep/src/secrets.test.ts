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
import { ADMIN_PASSWORD } from './testing/test-keep'

describe('tokens and passwords', () => {
  let keep: KeepUnderTest
  let caller: Caller
  const secrets: string[] = []
  const locations: string[] = []

  beforeEach(async () => {
    keep = await startKeepUnderTest()
    caller = { url: keep.url }
    secrets.length = 0
    locations.length = 0
  })

  afterEach(async () => {
    await keep.close()
  })

  function remember(response: Response): Response {
    locations.push(response.headers.get('Location') ?? '', response.url)
    return response
  }

  it('should never appear in a log line or a URL, whatever the channel did', async () => {
    const admin = await logInAdmin(caller)
    const credentials = await createUser(admin, 'heidi')
    secrets.push(ADMIN_PASSWORD, credentials.password)

    const restToken = (
      (await remember(await restLogIn(caller, credentials)).json()) as { token: string }
    ).token
    const webLogin = await fetch(`${caller.url}/keep/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      body: JSON.stringify({ ...credentials, cookie: true }),
    })
    const webToken = readCookie(webLogin, 'keep_session')?.split('=')[1] ?? ''
    const legacyLogin = remember(await legacyLogIn(caller, credentials))
    const legacyCookie = readCookie(legacyLogin, 'keep_legacy_session') ?? ''
    const rpcToken = await rpcLogIn(caller, credentials)
    secrets.push(restToken, webToken, legacyCookie.split('=')[1] ?? '', rpcToken)

    remember(await restMe(caller, restToken))
    remember(await legacyGet(caller, '/keep/legacy/', legacyCookie))
    await rpc(caller, 'session.whoami', { token: rpcToken })
    await restLogIn(caller, { ...credentials, password: 'wrong-password-1' })
    await rpc(caller, 'session.login', { ...credentials, password: 'wrong-password-2' })
    remember(await legacyLogIn(caller, { ...credentials, password: 'wrong-password-3' }))
    secrets.push('wrong-password-1', 'wrong-password-2', 'wrong-password-3')

    await admin.deleteSession(await findSessionId(admin, { username: 'heidi', type: 'browser' }))
    remember(await legacyGet(caller, '/keep/legacy/', legacyCookie))
    await rpc(caller, 'session.logout', { token: rpcToken })
    await fetch(`${caller.url}/keep/api/auth/logout`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${restToken}` },
    })

    const logs = keep.logs.join('\n')
    expect(await webLogin.json()).not.toHaveProperty('token')
    expect(secrets.every((secret) => secret.length >= 16)).toBe(true)
    expect(logs).toContain('"event":"login"')
    expect(logs).toContain('"event":"logout"')
    for (const secret of secrets) {
      expect(logs).not.toContain(secret)
      expect(locations.join('\n')).not.toContain(secret)
    }
  })

  it('should log each admin deletion with who deleted which session of whom', async () => {
    const admin = await logInAdmin(caller)
    const credentials = await createUser(admin, 'ivan')
    await restLogIn(caller, credentials)
    const id = await findSessionId(admin, { username: 'ivan', type: 'rest' })

    await admin.deleteSession(id)

    const deletion = keep.logs.find((line) => line.includes(id) && line.includes('delet'))
    expect(deletion).toContain('admin')
    expect(deletion).toContain('ivan')
  })
})
