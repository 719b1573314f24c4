import { openTestDatabase } from '@keep/api/testing'
import type { TestDatabase } from '@keep/api/testing'
import { createManualClock } from '@keep/core/testing'
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
import { startTestKeep } from './testing/test-keep'
import type { TestKeep } from './testing/test-keep'

describe('two Keep instances on one database', () => {
  let database: TestDatabase
  let north: TestKeep
  let south: TestKeep

  beforeEach(async () => {
    database = await openTestDatabase()
    await database.reset()

    const clock = createManualClock()
    const env = { KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT: '4' }
    north = await startTestKeep({ databaseUrl: database.url, serverName: 'keep-north', clock, env })
    south = await startTestKeep({ databaseUrl: database.url, serverName: 'keep-south', clock, env })
  })

  afterEach(async () => {
    await north.close()
    await south.close()
    await database.close()
  })

  it('should list a session opened on one with its server name through the other', async () => {
    const northAdmin = await logInAdmin({ url: north.url })
    const southAdmin = await logInAdmin({ url: south.url })
    const judy = await createUser(northAdmin, 'judy')
    await restLogIn({ url: north.url }, judy)
    await rpcLogIn({ url: south.url }, judy)

    const listed = await southAdmin.listSessions({ q: 'judy' })
    const byType = Object.fromEntries(listed.items.map((item) => [item.type, item.serverName]))

    expect(byType).toEqual({ rest: 'keep-north', other: 'keep-south' })
    expect((await northAdmin.getSessionStats()).activeUsers).toBe(2)
  })

  it('should accept a token on either instance, whichever one issued it', async () => {
    const admin = await logInAdmin({ url: north.url })
    const judy = await createUser(admin, 'judy')
    const { token } = (await (await restLogIn({ url: north.url }, judy)).json()) as {
      token: string
    }

    expect((await restMe({ url: south.url }, token)).status).toBe(200)
  })

  it('should refuse a session on both instances at the next request after a deletion through either', async () => {
    const northAdmin = await logInAdmin({ url: north.url })
    const southAdmin = await logInAdmin({ url: south.url })
    const kim = await createUser(northAdmin, 'kim')
    const { token } = (await (await restLogIn({ url: north.url }, kim)).json()) as { token: string }
    const cookie =
      readCookie(await legacyLogIn({ url: south.url }, kim), 'keep_legacy_session') ?? ''
    const rpcToken = await rpcLogIn({ url: north.url }, kim)
    const ids = (await northAdmin.listSessions({ q: 'kim' })).items.map((item) => item.id)

    expect((await restMe({ url: south.url }, token)).status).toBe(200)
    expect((await legacyGet({ url: north.url }, '/keep/legacy/', cookie)).status).toBe(200)

    const result = await southAdmin.deleteSessions(ids)

    expect(result.deleted.sort()).toEqual([...ids].sort())
    for (const keep of [north, south]) {
      expect((await restMe({ url: keep.url }, token)).status).toBe(401)
      expect((await legacyGet({ url: keep.url }, '/keep/legacy/', cookie)).status).toBe(303)
      expect(
        (await rpc({ url: keep.url }, 'session.whoami', { token: rpcToken })).body.error?.code
      ).toBe(-32001)
    }
  })

  it('should take a deletion through the other instance as well', async () => {
    const northAdmin = await logInAdmin({ url: north.url })
    const liam = await createUser(northAdmin, 'liam')
    const { token } = (await (await restLogIn({ url: south.url }, liam)).json()) as {
      token: string
    }
    const [session] = (await northAdmin.listSessions({ q: 'liam' })).items

    await northAdmin.deleteSession(session?.id ?? '')

    expect((await restMe({ url: south.url }, token)).status).toBe(401)
    expect((await restMe({ url: north.url }, token)).status).toBe(401)
  })

  it('should count failed log-ins on both instances against one account', async () => {
    const admin = await logInAdmin({ url: north.url })
    const lee = await createUser(admin, 'lee')
    const wrong = { ...lee, password: 'not-the-password' }

    for (const keep of [north, south, north, south]) {
      expect((await restLogIn({ url: keep.url }, wrong)).status).toBe(401)
    }

    expect((await restLogIn({ url: north.url }, lee)).status).toBe(429)
    expect((await restLogIn({ url: south.url }, lee)).status).toBe(429)
  })

  it('should hold the per-account limit against a burst spread over both instances', async () => {
    const lee = await createUser(await logInAdmin({ url: north.url }), 'lee')
    const wrong = { ...lee, password: 'not-the-password' }

    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const keep = i % 2 === 0 ? north : south

        return (await restLogIn({ url: keep.url, address: `198.51.100.${i}` }, wrong)).status
      })
    )

    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(4)
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([])
  })
})
