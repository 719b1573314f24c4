import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SESSION_POLICY,
  MAX_PAGE_SIZE,
  encodeCursor,
  generateId,
} from '@keep/core'
import { toSessionUser } from '@keep/core/testing'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { SessionPage, SessionStats } from '../schemas'
import { createHarness, signIn } from '../testing-kit/harness'
import type { Harness, SignedIn } from '../testing-kit/harness'
import { allStoreFactories } from '../testing-kit/store-factories'

const ADMIN_ROUTES = [
  { method: 'GET', path: '/admin/sessions' },
  { method: 'GET', path: '/admin/sessions/stats' },
  { method: 'DELETE', path: `/admin/sessions/${generateId()}` },
  { method: 'POST', path: '/admin/sessions/delete', json: { ids: [generateId()] } },
  {
    method: 'POST',
    path: '/admin/users',
    json: { username: 'eve', password: 'long enough', role: 'admin' },
  },
]

describe.each(allStoreFactories())('admin session routes on $name stores', (factory) => {
  let h: Harness
  let admin: SignedIn

  beforeEach(async () => {
    h = createHarness({ stores: await factory.open() })
    admin = await signIn(h, 'admin')
  })

  afterAll(() => factory.close())

  async function list(query = '') {
    const response = await h.send(`/admin/sessions${query}`, { token: admin.token })

    expect(response.status).toBe(200)

    return SessionPage.parse(await response.json())
  }

  /** Sessions of one new user, opened a second apart, newest first, after the admin's. */
  async function openSessionsOneSecondApart(count: number): Promise<string[]> {
    const { user } = await h.createUser()
    const ids = [admin.session.id]

    for (let index = 0; index < count; index += 1) {
      h.clock.advance(1000)
      ids.unshift((await h.openSession({ user: toSessionUser(user) })).session.id)
    }

    return ids
  }

  async function expectInvalid(query: string, field: string) {
    const response = await h.send(`/admin/sessions${query}`, { token: admin.token })
    const body = (await response.json()) as { error: { code: string; message: string } }

    expect(response.status).toBe(400)
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.message).toContain(field)
  }

  describe('access', () => {
    it.each(ADMIN_ROUTES)('$method $path: anonymous 401, non-admin 403', async (route) => {
      const user = await signIn(h)
      const options = { method: route.method, json: route.json }

      const anonymous = await h.send(route.path, options)
      const nonAdmin = await h.send(route.path, { ...options, token: user.token })

      expect(anonymous.status).toBe(401)
      expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } })
      expect(nonAdmin.status).toBe(403)
      expect(await nonAdmin.json()).toMatchObject({ error: { code: 'forbidden' } })
      expect(nonAdmin.headers.get('Cache-Control')).toBe('no-store')
    })
  })

  describe('GET /admin/sessions/stats', () => {
    it('counts distinct users and every active session, by type, and no expired one', async () => {
      const stale = await signIn(h)
      h.clock.advance(DEFAULT_SESSION_POLICY.idleTimeoutMs)
      admin = await signIn(h, 'admin')
      const { user } = await h.createUser()
      await h.openSession({ user: toSessionUser(user), type: 'rest' })
      await h.openSession({ user: toSessionUser(user), type: 'browser' })
      await h.openSession({ user: toSessionUser(stale.user), type: 'other' })

      const response = await h.send('/admin/sessions/stats', { token: admin.token })

      expect(response.status).toBe(200)
      expect(response.headers.get('Cache-Control')).toBe('no-store')
      expect(SessionStats.parse(await response.json())).toEqual({
        activeUsers: 3,
        activeSessions: 4,
        byType: { rest: 2, browser: 1, other: 1 },
      })
    })
  })

  describe('GET /admin/sessions', () => {
    it('lists active sessions in the wire shape, marking the admin’s own', async () => {
      const { user } = await h.createUser({ username: 'zed' })
      const { session } = await h.openSession({
        user: toSessionUser(user),
        type: 'browser',
        address: '203.0.113.9',
        serverName: 'keep-2',
        userAgent: 'curl/8.0',
      })

      const page = await list('?sort=username&order=asc')

      expect(page.nextCursor).toBeNull()
      expect(page.items.map((item) => [item.username, item.own])).toEqual([
        [admin.user.username, true],
        ['zed', false],
      ])
      expect(page.items[1]).toEqual({
        id: session.id,
        userId: user.id,
        username: 'zed',
        type: 'browser',
        address: '203.0.113.9',
        serverName: 'keep-2',
        userAgent: 'curl/8.0',
        createdAt: session.createdAt.toISOString(),
        lastActiveAt: session.lastActiveAt.toISOString(),
        own: false,
      })
    })

    it('filters by type and searches username or address', async () => {
      const { user } = await h.createUser({ username: 'carol' })
      await h.openSession({ user: toSessionUser(user), type: 'other', address: '192.0.2.77' })

      expect((await list('?type=other')).items.map((item) => item.username)).toEqual(['carol'])
      expect((await list('?q=CAR')).items.map((item) => item.username)).toEqual(['carol'])
      expect((await list('?q=192.0.2.7')).items.map((item) => item.username)).toEqual(['carol'])
      expect((await list('?type=browser')).items).toEqual([])
    })

    it('pages through every row once with nextCursor, null on the last page', async () => {
      const { user } = await h.createUser()
      for (let index = 0; index < 6; index += 1) {
        h.clock.advance(1000)
        await h.openSession({ user: toSessionUser(user) })
      }

      const seen: string[] = []
      let cursor: string | null = ''
      let pages = 0

      while (cursor !== null) {
        const page = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        seen.push(...page.items.map((item) => item.id))
        cursor = page.nextCursor
        pages += 1
      }

      expect(pages).toBe(3)
      expect(new Set(seen).size).toBe(7)
      expect(seen).toHaveLength(7)
    })

    it('answers 50 a page, newest activity first, when the query names no limit', async () => {
      const ids = await openSessionsOneSecondApart(DEFAULT_PAGE_SIZE + 1)

      const page = await list()

      expect(page.items.map((item) => item.id)).toEqual(ids.slice(0, DEFAULT_PAGE_SIZE))
      expect(page.nextCursor).not.toBeNull()
    })

    it('takes the template with every parameter empty as the defaults', async () => {
      await openSessionsOneSecondApart(DEFAULT_PAGE_SIZE + 1)

      const page = await list('?type=&q=&sort=&order=&limit=&cursor=')

      expect(page).toEqual(await list())
    })

    it.each(['type', 'q', 'sort', 'order', 'limit', 'cursor'])(
      'takes an empty %s as absent',
      async (name) => {
        expect(await list(`?${name}=`)).toEqual(await list())
      }
    )

    it('leaves out sessions that have expired', async () => {
      const stale = await signIn(h)
      h.clock.advance(DEFAULT_SESSION_POLICY.idleTimeoutMs)
      admin = await signIn(h, 'admin')

      const ids = (await list()).items.map((item) => item.id)

      expect(ids).toEqual([admin.session.id])
      expect(ids).not.toContain(stale.session.id)
    })

    it.each([
      ['?type=bogus', 'type'],
      ['?type=rest&type=other', 'type'],
      ['?sort=password', 'sort'],
      ['?order=up', 'order'],
      ['?limit=0', 'limit'],
      [`?limit=${MAX_PAGE_SIZE + 1}`, 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?limit=1e2', 'limit'],
      [`?q=${'x'.repeat(101)}`, 'q'],
      ['?cursor=garbage', 'cursor'],
      ['?cursor=eyJzIjoiIn0', 'cursor'],
    ])('refuses %s naming %s', async (query, field) => {
      await expectInvalid(query, field)
    })

    it.each([
      ['lastActive', 'desc', 8.64e15 + 1],
      ['lastActive', 'desc', Number.MAX_SAFE_INTEGER],
      ['lastActive', 'asc', Date.UTC(10_000, 0, 1)],
      ['createdAt', 'desc', Date.UTC(999, 11, 31)],
      ['createdAt', 'asc', -8.64e15],
      ['type', 'asc', 'é'],
      ['type', 'desc', 'restful'],
      ['username', 'asc', 'x'.repeat(65)],
      ['address', 'asc', 'é'.repeat(65)],
      ['serverName', 'desc', 'x'.repeat(256)],
    ] as const)('refuses a %s %s cursor forged to hold %j', async (sort, order, value) => {
      const cursor = encodeCursor({ sort, order }, { value, id: generateId() })

      await expectInvalid(`?sort=${sort}&order=${order}&cursor=${cursor}`, 'cursor')
    })

    it.each([
      ['lastActive', 'desc', Date.UTC(1000, 0, 1)],
      ['createdAt', 'asc', Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
      ['type', 'asc', 'other'],
      ['username', 'desc', '😀'.repeat(64)],
      ['serverName', 'asc', 'é'.repeat(255)],
    ] as const)(
      'takes a %s %s cursor at the edge of what a row holds',
      async (sort, order, value) => {
        const cursor = encodeCursor({ sort, order }, { value, id: generateId() })

        expect((await list(`?sort=${sort}&order=${order}&cursor=${cursor}`)).items).toBeDefined()
      }
    )

    it('refuses a cursor made for another sort or order', async () => {
      const cursor = encodeCursor(
        { sort: 'username', order: 'asc' },
        { value: 'bob', id: generateId() }
      )

      await expectInvalid(`?sort=address&cursor=${cursor}`, 'cursor')
      await expectInvalid(`?sort=username&order=desc&cursor=${cursor}`, 'cursor')
      expect((await list(`?sort=username&order=asc&cursor=${cursor}`)).items).toBeDefined()
    })
  })
})
