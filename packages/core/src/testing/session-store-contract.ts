import { beforeEach, describe, expect, it } from 'vitest'

import { getActivityWindow, getTouchCutoff } from '../activity'
import { parseListQuery } from '../list-query'
import type { ListQuery, RawListQuery } from '../list-query'
import { DEFAULT_SESSION_POLICY } from '../policy'
import type { Session, SessionUser } from '../session'
import type { SessionStore } from '../session-store'
import type { UserStore } from '../user-store'
import { buildSession, buildUser, toSessionUser } from './fixtures'
import type { SessionOverrides } from './fixtures'

export interface StoreUnderTest {
  readonly sessions: SessionStore
  readonly users: UserStore
}

const NOW = new Date('2026-01-15T09:00:00.000Z')
const POLICY = DEFAULT_SESSION_POLICY
const WINDOW = getActivityWindow(POLICY, NOW)
const MINUTE = 60_000

function at(msBeforeNow: number): Date {
  return new Date(NOW.getTime() - msBeforeNow)
}

function query(raw: RawListQuery = {}): ListQuery {
  const parsed = parseListQuery(raw)

  if (!parsed.ok) {
    throw new Error(`test query is invalid: ${parsed.error.message}`)
  }

  return parsed.value
}

/**
 * The behaviour every SessionStore must show, written once. `open` is called before each test
 * and must hand back stores with no users and no sessions.
 */
export function describeSessionStoreContract(name: string, open: () => Promise<StoreUnderTest>) {
  describe(`SessionStore contract: ${name}`, () => {
    let store: StoreUnderTest

    beforeEach(async () => {
      store = await open()
    })

    async function addUser(username?: string, role: 'user' | 'admin' = 'user') {
      const user = buildUser(username ? { username, role } : { role })
      const created = await store.users.create(user)

      expect(created.ok).toBe(true)

      return toSessionUser(user)
    }

    async function addSession(overrides: SessionOverrides) {
      const built = await buildSession(overrides)

      await store.sessions.create(built.session)

      return built
    }

    async function listAll(raw: RawListQuery): Promise<Session[]> {
      const rows: Session[] = []
      let page = await store.sessions.list(query(raw), WINDOW)

      rows.push(...page.items)
      while (page.next) {
        page = await store.sessions.list({ ...query(raw), after: page.next }, WINDOW)
        rows.push(...page.items)
      }

      return rows
    }

    describe('lookup', () => {
      it('should find a session by its token hash, with its user', async () => {
        const user = await addUser('alice')
        const { session } = await addSession({ user, lastActiveAt: at(MINUTE) })

        const found = await store.sessions.findByTokenHash(session.tokenHash)

        expect(found).toEqual({
          id: session.id,
          user,
          type: session.type,
          address: session.address,
          serverName: session.serverName,
          userAgent: session.userAgent,
          createdAt: session.createdAt,
          lastActiveAt: session.lastActiveAt,
        })
      })

      it('should find nothing for an unknown token hash', async () => {
        expect(await store.sessions.findByTokenHash('0'.repeat(64))).toBeNull()
      })

      it('should find sessions by id and skip ids that do not exist', async () => {
        const user = await addUser()
        const a = await addSession({ user })
        const b = await addSession({ user })

        const found = await store.sessions.findByIds([a.session.id, 'a'.repeat(26), b.session.id])

        expect(found.map((s) => s.id).sort()).toEqual([a.session.id, b.session.id].sort())
        expect(await store.sessions.findByIds([])).toEqual([])
      })

      it('should keep a user agent of 512 characters whole', async () => {
        const user = await addUser()
        const { session } = await addSession({ user, userAgent: 'x'.repeat(512) })

        const found = await store.sessions.findByTokenHash(session.tokenHash)

        expect(found?.userAgent).toHaveLength(512)
      })
    })

    describe('touch', () => {
      it('should write Last Active once the touch interval has passed', async () => {
        const user = await addUser()
        const { session } = await addSession({ user, lastActiveAt: at(POLICY.touchIntervalMs) })

        const written = await store.sessions.touch({
          id: session.id,
          at: NOW,
          ifLastActiveBefore: getTouchCutoff(POLICY, NOW),
        })

        expect(written).toBe(true)
        expect((await store.sessions.findByTokenHash(session.tokenHash))?.lastActiveAt).toEqual(NOW)
      })

      it('should not write Last Active within the touch interval', async () => {
        const user = await addUser()
        const lastActiveAt = at(POLICY.touchIntervalMs - 1)
        const { session } = await addSession({ user, lastActiveAt })

        const written = await store.sessions.touch({
          id: session.id,
          at: NOW,
          ifLastActiveBefore: getTouchCutoff(POLICY, NOW),
        })

        expect(written).toBe(false)
        expect((await store.sessions.findByTokenHash(session.tokenHash))?.lastActiveAt).toEqual(
          lastActiveAt
        )
      })

      it('should write only once when two instances touch the same session together', async () => {
        const user = await addUser()
        const { session } = await addSession({ user, lastActiveAt: at(5 * MINUTE) })
        const request = { id: session.id, at: NOW, ifLastActiveBefore: getTouchCutoff(POLICY, NOW) }

        const results = await Promise.all([
          store.sessions.touch(request),
          store.sessions.touch(request),
        ])

        expect(results.filter(Boolean)).toHaveLength(1)
      })

      it('should answer false for a session that no longer exists', async () => {
        const written = await store.sessions.touch({
          id: 'b'.repeat(26),
          at: NOW,
          ifLastActiveBefore: NOW,
        })

        expect(written).toBe(false)
      })
    })

    describe('expiry at the edges', () => {
      it('should list a session idle for one millisecond less than the idle timeout', async () => {
        const user = await addUser()
        const kept = await addSession({ user, lastActiveAt: at(POLICY.idleTimeoutMs - 1) })
        await addSession({ user, lastActiveAt: at(POLICY.idleTimeoutMs) })

        const rows = await listAll({})

        expect(rows.map((s) => s.id)).toEqual([kept.session.id])
      })

      it('should list a session one millisecond younger than the maximum age', async () => {
        const user = await addUser()
        const kept = await addSession({
          user,
          createdAt: at(POLICY.maxAgeMs - 1),
          lastActiveAt: at(MINUTE),
        })
        await addSession({ user, createdAt: at(POLICY.maxAgeMs), lastActiveAt: at(MINUTE) })

        const rows = await listAll({})

        expect(rows.map((s) => s.id)).toEqual([kept.session.id])
      })
    })

    describe('stats', () => {
      it('should count users once and sessions each, per type too', async () => {
        const alice = await addUser('alice')
        const bob = await addUser('bob')
        const carol = await addUser('carol')
        await addSession({ user: alice, type: 'rest', lastActiveAt: at(MINUTE) })
        await addSession({ user: alice, type: 'browser', lastActiveAt: at(MINUTE) })
        await addSession({ user: alice, type: 'browser', lastActiveAt: at(2 * MINUTE) })
        await addSession({ user: bob, type: 'other', lastActiveAt: at(MINUTE) })
        await addSession({ user: carol, type: 'rest', lastActiveAt: at(POLICY.idleTimeoutMs) })

        const stats = await store.sessions.stats(WINDOW)

        expect(stats).toEqual({
          activeUsers: 2,
          activeSessions: 4,
          byType: { rest: 1, browser: 2, other: 1 },
        })
      })

      it('should count nothing when there are no active sessions', async () => {
        expect(await store.sessions.stats(WINDOW)).toEqual({
          activeUsers: 0,
          activeSessions: 0,
          byType: { rest: 0, browser: 0, other: 0 },
        })
      })
    })

    describe('deletion', () => {
      it('should report which of the requested ids existed', async () => {
        const user = await addUser()
        const a = await addSession({ user })
        const b = await addSession({ user })
        const missing = 'c'.repeat(26)

        const deleted = await store.sessions.deleteByIds([a.session.id, missing, b.session.id])

        expect(deleted.sort()).toEqual([a.session.id, b.session.id].sort())
        expect(await store.sessions.findByTokenHash(a.session.tokenHash)).toBeNull()
      })

      it('should report nothing when deleting the same ids again', async () => {
        const user = await addUser()
        const a = await addSession({ user })
        await store.sessions.deleteByIds([a.session.id])

        expect(await store.sessions.deleteByIds([a.session.id])).toEqual([])
        expect(await store.sessions.deleteByIds([])).toEqual([])
      })

      it('should delete every session of one user and no other', async () => {
        const alice = await addUser('alice')
        const bob = await addUser('bob')
        await addSession({ user: alice })
        await addSession({ user: alice })
        const kept = await addSession({ user: bob })

        expect(await store.sessions.deleteByUser(alice.id)).toBe(2)
        expect(await store.sessions.findByTokenHash(kept.session.tokenHash)).not.toBeNull()
      })
    })

    describe('listing', () => {
      async function seedMany(count: number, user: SessionUser) {
        const ids: string[] = []

        for (let i = 0; i < count; i += 1) {
          const { session } = await addSession({ user, lastActiveAt: at((i % 5) * MINUTE) })
          ids.push(session.id)
        }

        return ids
      }

      it('should page through every row once, newest first, ties broken by id', async () => {
        const user = await addUser()
        const ids = await seedMany(23, user)

        const rows = await listAll({ limit: '5' })

        expect(rows.map((s) => s.id).sort()).toEqual([...ids].sort())
        for (let i = 1; i < rows.length; i += 1) {
          const previous = rows[i - 1] as Session
          const current = rows[i] as Session
          const newer = previous.lastActiveAt > current.lastActiveAt
          const tieByIdDesc =
            previous.lastActiveAt.getTime() === current.lastActiveAt.getTime() &&
            previous.id > current.id

          expect(newer || tieByIdDesc).toBe(true)
        }
      })

      it('should answer no next position on the last page', async () => {
        const user = await addUser()
        await seedMany(4, user)

        const exact = await store.sessions.list(query({ limit: '4' }), WINDOW)
        const empty = await store.sessions.list(query({ type: 'other' }), WINDOW)

        expect(exact.items).toHaveLength(4)
        expect(exact.next).toBeNull()
        expect(empty).toEqual({ items: [], next: null })
      })

      it('should neither skip nor repeat rows while sessions come and go between pages', async () => {
        const user = await addUser()
        const ids = await seedMany(20, user)
        const seen: string[] = []
        const deletedLater = new Set<string>()
        let page = await store.sessions.list(query({ limit: '6' }), WINDOW)

        while (true) {
          seen.push(...page.items.map((s) => s.id))
          if (!page.next) break

          const unseen = ids.filter((id) => !seen.includes(id) && !deletedLater.has(id))
          const victim = unseen.at(-1)
          if (victim) {
            await store.sessions.deleteByIds([victim])
            deletedLater.add(victim)
          }
          await addSession({ user, lastActiveAt: at(0) })
          page = await store.sessions.list({ ...query({ limit: '6' }), after: page.next }, WINDOW)
        }

        const survivors = ids.filter((id) => !deletedLater.has(id))
        expect(new Set(seen).size).toBe(seen.length)
        expect(survivors.every((id) => seen.includes(id))).toBe(true)
        expect(seen.some((id) => deletedLater.has(id))).toBe(false)
      })

      it.each([
        ['username', 'asc'],
        ['username', 'desc'],
        ['type', 'asc'],
        ['address', 'desc'],
        ['serverName', 'asc'],
        ['createdAt', 'asc'],
        ['lastActive', 'asc'],
      ] as const)('should sort by %s %s with ties broken by id', async (sort, order) => {
        const users = [await addUser('zed'), await addUser('Amy'), await addUser('bob_2')]
        const types = ['rest', 'browser', 'other'] as const
        const servers = ['keep-b', 'keep-a']
        const addresses = ['10.0.0.2', '10.0.0.10', '192.0.2.1']

        for (let i = 0; i < 12; i += 1) {
          await addSession({
            user: users[i % 3] as SessionUser,
            type: types[i % 3],
            serverName: servers[i % 2],
            address: addresses[i % 3],
            createdAt: at(60 * MINUTE + (i % 4) * MINUTE),
            lastActiveAt: at((i % 4) * MINUTE),
          })
        }

        const rows = await listAll({ sort, order, limit: '5' })
        const expected = [...rows].sort(
          (a, b) => compareExpected(a, b, sort) * (order === 'asc' ? 1 : -1)
        )

        expect(rows).toHaveLength(12)
        expect(rows.map((s) => s.id)).toEqual(expected.map((s) => s.id))
      })

      it('should filter by session type', async () => {
        const user = await addUser()
        const browser = await addSession({ user, type: 'browser', lastActiveAt: at(MINUTE) })
        await addSession({ user, type: 'rest', lastActiveAt: at(MINUTE) })

        const rows = await listAll({ type: 'browser' })

        expect(rows.map((s) => s.id)).toEqual([browser.session.id])
      })

      it('should search username or address, ignoring case, taking wildcards literally', async () => {
        const alice = await addUser('Alice_Admin')
        const bob = await addUser('bob')
        const byName = await addSession({ user: alice, address: '10.1.1.1', lastActiveAt: at(1) })
        const byAddress = await addSession({
          user: bob,
          address: '203.0.113.7',
          lastActiveAt: at(2),
        })
        await addSession({ user: bob, address: '10.9.9.9', lastActiveAt: at(3) })

        expect((await listAll({ q: 'alice' })).map((s) => s.id)).toEqual([byName.session.id])
        expect((await listAll({ q: '113.7' })).map((s) => s.id)).toEqual([byAddress.session.id])
        expect((await listAll({ q: 'e_a' })).map((s) => s.id)).toEqual([byName.session.id])
        expect(await listAll({ q: '%' })).toEqual([])
        expect(await listAll({ q: 'b_b' })).toEqual([])
      })
    })

    describe('purge', () => {
      it('should purge expired sessions in batches and keep active ones', async () => {
        const user = await addUser()
        const active: string[] = []
        for (let i = 0; i < 3; i += 1) {
          active.push((await addSession({ user, lastActiveAt: at(MINUTE) })).session.id)
        }
        for (let i = 0; i < 5; i += 1) {
          await addSession({ user, lastActiveAt: at(POLICY.idleTimeoutMs + i) })
        }
        for (let i = 0; i < 2; i += 1) {
          await addSession({ user, createdAt: at(POLICY.maxAgeMs), lastActiveAt: at(MINUTE) })
        }

        const batches = []
        for (let i = 0; i < 4; i += 1) {
          batches.push(await store.sessions.purgeExpired({ window: WINDOW, batchSize: 3 }))
        }

        expect(batches).toEqual([3, 3, 1, 0])
        expect((await store.sessions.findByIds(active)).map((s) => s.id).sort()).toEqual(
          active.sort()
        )
      })
    })
  })
}

function compareExpected(a: Session, b: Session, sort: string): number {
  const value = (s: Session): string | number =>
    ({
      username: s.user.username.toUpperCase(),
      type: s.type,
      address: s.address,
      serverName: s.serverName,
      createdAt: s.createdAt.getTime(),
      lastActive: s.lastActiveAt.getTime(),
    })[sort] ?? ''
  const [va, vb] = [value(a), value(b)]

  if (va !== vb) {
    return va < vb ? -1 : 1
  }

  return a.id < b.id ? -1 : 1
}
