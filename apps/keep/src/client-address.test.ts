import { hostname } from 'node:os'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createUser, legacyLogIn, logInAdmin, restLogIn, rpcLogIn } from './testing/channels'
import type { Caller } from './testing/channels'
import { startKeepUnderTest } from './testing/keep-under-test'
import type { KeepUnderTest } from './testing/keep-under-test'

const FORGED = '203.0.113.50'

describe('Keep with no trusted proxy and no server name set', () => {
  let keep: KeepUnderTest
  let forging: Caller

  beforeEach(async () => {
    keep = await startKeepUnderTest({ env: { KEEP_TRUSTED_PROXIES: '', KEEP_SERVER_NAME: '' } })
    forging = { url: keep.url, address: FORGED }
  })

  afterEach(async () => {
    await keep.close()
  })

  it('should list the socket peer as the address of every session type, whatever X-Forwarded-For says', async () => {
    const admin = await logInAdmin(forging)
    const mallory = await createUser(admin, 'mallory')

    await restLogIn(forging, mallory)
    await legacyLogIn(forging, mallory)
    await rpcLogIn(forging, mallory)
    const { items } = await admin.listSessions({ limit: 200 })

    expect(items.map((item) => `${item.username} ${item.type}`).sort()).toEqual([
      'admin rest',
      'mallory browser',
      'mallory other',
      'mallory rest',
    ])
    // Keep listens on 127.0.0.1 in the tests, so the socket speaks IPv4.
    expect(new Set(items.map((item) => item.address))).toEqual(new Set(['127.0.0.1']))
  })

  it('should name itself after the host', async () => {
    const admin = await logInAdmin(forging)
    const health = (await (await fetch(`${keep.url}/keep/api/health`)).json()) as unknown

    const { items } = await admin.listSessions({})

    expect(keep.config.serverName).toBe(hostname())
    expect(health).toMatchObject({ serverName: hostname() })
    expect(items.map((item) => item.serverName)).toEqual([hostname()])
  })
})
