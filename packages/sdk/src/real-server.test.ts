import { getActivityWindow, DEFAULT_SESSION_POLICY, generateId } from '@keep/core'
import { seedSessions } from '@keep/api/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createKeepClient } from './client.js'
import { KeepClientError, isKeepNetworkError } from './errors.js'
import type { KeepClient } from './keep-client.js'
import { createBrowserFetch } from './testing/browser-fetch.js'
import { startKeepServer } from './testing/keep-server.js'
import type { KeepServer } from './testing/keep-server.js'
import type { ListSessionsQuery, SessionItem } from './types.js'

const SEEDED = 1_000
const ADMIN = { username: 'sdk-admin', password: 'admin password 1', role: 'admin' } as const
const PASSWORD = 'user password 1'

let server: KeepServer
let admin: KeepClient
let seededIds: readonly string[]

beforeAll(async () => {
  server = await startKeepServer({ loginLimits: { perAccount: 2 } })
  await server.createAccount(ADMIN)

  const now = server.clock.now()
  const window = getActivityWindow(DEFAULT_SESSION_POLICY, now)
  const seeded = await seedSessions(server.database.db, {
    sessions: SEEDED,
    users: 40,
    window,
    now,
  })
  seededIds = seeded.sessionIds

  const anonymous = createKeepClient({ baseUrl: server.baseUrl })
  admin = anonymous.withToken((await anonymous.login(ADMIN)).token)
}, 60_000)

afterAll(async () => {
  await server.close()
})

async function failureOf(promise: Promise<unknown>): Promise<KeepClientError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )

  expect(error).toBeInstanceOf(KeepClientError)

  return error as KeepClientError
}

async function collect(query: ListSessionsQuery): Promise<SessionItem[]> {
  const items: SessionItem[] = []

  for await (const session of admin.iterateSessions(query)) {
    items.push(session)
  }

  return items
}

async function listPageByPage(query: ListSessionsQuery): Promise<SessionItem[]> {
  const items: SessionItem[] = []
  let cursor: string | undefined

  do {
    const page = await admin.listSessions({ ...query, cursor })
    items.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)

  return items
}

function expectEverySessionOnce(items: readonly SessionItem[], total: number) {
  const ids = items.map((item) => item.id)

  expect(new Set(ids).size).toBe(ids.length)
  expect(ids).toHaveLength(total)
  expect(ids).toEqual(expect.arrayContaining([...seededIds]))
}

// The reading tests run first and expect exactly the seeded sessions and the admin's own.
describe('reading sessions from a Keep server on MariaDB', () => {
  it('logs in with a bearer token and reads who it is and the counts', async () => {
    const me = await admin.me()
    const stats = await admin.getSessionStats()

    expect(me.user).toMatchObject({ username: ADMIN.username, role: 'admin' })
    expect(me.session.type).toBe('rest')
    expect(stats.activeSessions).toBe(SEEDED + 1)
    expect(stats.byType.rest + stats.byType.browser + stats.byType.other).toBe(SEEDED + 1)
  })

  it('iterateSessions walks every session once, newest activity first', async () => {
    const items = await collect({ limit: 200 })
    const times = items.map((item) => Date.parse(item.lastActiveAt))

    expectEverySessionOnce(items, SEEDED + 1)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(items.filter((item) => item.own).map((item) => item.username)).toEqual([ADMIN.username])
  })

  it.each([
    { sort: 'username', order: 'asc', limit: 97 },
    { sort: 'type', order: 'desc', limit: 50 },
    { sort: 'address', order: 'asc', limit: 200 },
    { sort: 'createdAt', order: 'asc', limit: 33 },
    { sort: 'serverName', order: 'desc', limit: 9 },
  ] as const)(
    'listSessions pages by $sort $order, $limit at a time, without gaps or repeats',
    async (query) => {
      expectEverySessionOnce(await listPageByPage(query), SEEDED + 1)
    },
    30_000
  )

  it('filters by type and by search across pages', async () => {
    const stats = await admin.getSessionStats()

    const browser = await collect({ type: 'browser', limit: 7 })
    const matching = await collect({ q: '10.0.1.', limit: 64 })

    expect(browser).toHaveLength(stats.byType.browser)
    expect(browser.every((item) => item.type === 'browser')).toBe(true)
    expect(matching).toHaveLength(256)
    expect(matching.every((item) => item.address.startsWith('10.0.1.'))).toBe(true)
  })
})

describe('changing sessions on a Keep server on MariaDB', () => {
  it('creates users, and keeps the admin API from them', async () => {
    const account = { username: 'sdk-user', password: PASSWORD, role: 'user' } as const
    const created = await admin.createUser(account)
    const taken = await failureOf(admin.createUser(account))
    const user = await loginAs(account)
    const forbidden = await failureOf(user.getSessionStats())

    expect(created).toMatchObject({ username: 'sdk-user', role: 'user' })
    expect(taken).toMatchObject({ status: 409, code: 'username_taken' })
    expect(forbidden).toMatchObject({ status: 403, code: 'forbidden' })
  })

  it('refuses the next request of a deleted session', async () => {
    const user = await loginAs(await createUser('sdk-deleted'))
    const { session } = await user.me()

    await admin.deleteSession(session.id)

    expect(await failureOf(user.me())).toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(await failureOf(admin.deleteSession(session.id))).toMatchObject({
      status: 404,
      code: 'not_found',
    })
  })

  it('refuses to delete the admin its own session', async () => {
    const { session } = await admin.me()

    const error = await failureOf(admin.deleteSession(session.id))

    expect(error).toMatchObject({ status: 403, code: 'own_session' })
    await expect(admin.me()).resolves.toMatchObject({ session: { id: session.id } })
  })

  it('deletes several sessions and reports the rest', async () => {
    const { session } = await admin.me()
    const doomed = seededIds.slice(0, 5)
    const unknown = generateId()
    const before = await admin.getSessionStats()

    const result = await admin.deleteSessions([...doomed, session.id, unknown])

    expect(result.deleted.toSorted()).toEqual(doomed.toSorted())
    expect(result.refused).toEqual([{ id: session.id, reason: 'own_session' }])
    expect(result.notFound).toEqual([unknown])
    expect((await admin.getSessionStats()).activeSessions).toBe(before.activeSessions - 5)

    const remaining = new Set((await collect({ limit: 200 })).map((item) => item.id))
    expect(doomed.filter((id) => remaining.has(id))).toEqual([])
  })

  it('answers invalid_request for bad input, naming the field', async () => {
    const badLimit = await failureOf(admin.listSessions({ limit: 0 }))
    const noIds = await failureOf(admin.deleteSessions([]))

    expect(badLimit).toMatchObject({ status: 400, code: 'invalid_request' })
    expect(badLimit.message).toContain('limit')
    expect(noIds).toMatchObject({ status: 400, code: 'invalid_request' })
    expect(noIds.message).toContain('ids')
  })

  it('reports wrong passwords, then throttling with Retry-After', async () => {
    const account = await createUser('sdk-throttled')
    const anonymous = createKeepClient({ baseUrl: server.baseUrl })
    const wrong = { ...account, password: 'not the password' }

    const first = await failureOf(anonymous.login(wrong))
    await failureOf(anonymous.login(wrong))
    const throttled = await failureOf(anonymous.login(account))

    expect(first).toMatchObject({ status: 401, code: 'invalid_credentials' })
    expect(throttled).toMatchObject({ status: 429, code: 'too_many_attempts' })
    expect(throttled.retryAfterSeconds).toBeGreaterThan(0)
  })

  it('logs out a bearer session for good', async () => {
    const other = await loginAs(ADMIN)

    await other.logout()

    expect(await failureOf(other.me())).toMatchObject({ status: 401, code: 'unauthenticated' })
  })

  it('works in cookie mode as a browser on a Keep page does', async () => {
    const browser = createKeepClient({ baseUrl: server.baseUrl, fetch: createBrowserFetch() })

    const login = await browser.login(ADMIN, { cookie: true })
    const { session } = await browser.me()
    await browser.deleteSession(seededId(10))
    await browser.logout()

    expect(Object.keys(login)).toEqual(['user'])
    expect(login.user.username).toBe(ADMIN.username)
    expect(session.type).toBe('rest')
    expect(await failureOf(browser.me())).toMatchObject({ status: 401, code: 'unauthenticated' })
  })

  it('tells a refused connection apart from an API error', async () => {
    const nowhere = createKeepClient({ baseUrl: 'http://127.0.0.1:1/keep' })

    const error: unknown = await nowhere.me().catch((reason: unknown) => reason)

    expect(isKeepNetworkError(error)).toBe(true)
  })
})

async function loginAs(credentials: { username: string; password: string }): Promise<KeepClient> {
  const anonymous = createKeepClient({ baseUrl: server.baseUrl })
  const { token } = await anonymous.login(credentials)

  return anonymous.withToken(token)
}

async function createUser(username: string): Promise<{ username: string; password: string }> {
  await admin.createUser({ username, password: PASSWORD, role: 'user' })

  return { username, password: PASSWORD }
}

function seededId(index: number): string {
  const id = seededIds[index]

  if (id === undefined) {
    throw new Error(`No seeded session at ${index}`)
  }

  return id
}
