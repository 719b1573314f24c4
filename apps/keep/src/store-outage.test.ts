import { openDatabase } from '@keep/api'
import type { KeepDatabase } from '@keep/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createKeepApp } from './app'
import { wrapDatabase } from './mysql-stores'
import { USER_PASSWORD } from './testing/channels'
import { fromPeer } from './testing/test-app'
import { findFreePort } from './testing/ports'
import { loadTestConfig } from './testing/test-keep'

describe('every channel while the database does not answer', () => {
  let database: KeepDatabase
  let app: ReturnType<typeof createKeepApp>['app']
  const token = 'A'.repeat(43)
  const credentials = { username: 'alice', password: USER_PASSWORD }

  beforeAll(async () => {
    database = openDatabase({ url: `mysql://root@127.0.0.1:${await findFreePort()}/keep` })
    ;({ app } = createKeepApp(loadTestConfig(), { stores: wrapDatabase(database) }))
  })

  afterAll(async () => {
    await database.close()
  })

  it('REST: answers 503 service_unavailable', async () => {
    const response = await app.request('/keep/api/me', {
      headers: { Authorization: `Bearer ${token}` },
    })

    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ error: { code: 'service_unavailable' } })
  })

  it('legacy UI: answers 503 with a page that says so', async () => {
    const response = await app.request(
      '/keep/legacy/login',
      { method: 'POST', body: new URLSearchParams(credentials) },
      fromPeer('192.0.2.1')
    )

    expect(response.status).toBe(503)
    expect(await response.text()).toContain('Keep cannot reach its database')
  })

  it('JSON-RPC: answers error -32000', async () => {
    const response = await app.request(
      '/keep/rpc',
      {
        method: 'POST',
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'session.whoami',
          params: { token },
        }),
      },
      fromPeer('192.0.2.1')
    )

    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: 1, error: { code: -32000 } })
  })
})
