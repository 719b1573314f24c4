import { openDatabase } from '@keep/api'
import { afterEach, describe, expect, it } from 'vitest'

import { createKeepApp } from './app'
import { wrapDatabase } from './mysql-stores'
import { startKeepUnderTest } from './testing/keep-under-test'
import type { KeepUnderTest } from './testing/keep-under-test'
import { findFreePort } from './testing/ports'
import { loadTestConfig } from './testing/test-keep'

describe('GET /keep/api/health', () => {
  let keep: KeepUnderTest | undefined

  afterEach(async () => {
    await keep?.close()
    keep = undefined
  })

  it('should answer 200 with the store and server name while MySQL answers', async () => {
    keep = await startKeepUnderTest({ serverName: 'keep-healthy' })

    const response = await fetch(`${keep.url}/keep/api/health`)

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      status: 'ok',
      store: 'mysql',
      serverName: 'keep-healthy',
    })
  })

  it('should answer 503 while the database does not answer', async () => {
    const database = openDatabase({ url: `mysql://root@127.0.0.1:${await findFreePort()}/keep` })
    const { app } = createKeepApp(loadTestConfig(), { stores: wrapDatabase(database) })

    const response = await app.request('/keep/api/health')

    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      status: 'unavailable',
      store: 'mysql',
      serverName: 'keep-test',
    })
    await database.close()
  })
})
