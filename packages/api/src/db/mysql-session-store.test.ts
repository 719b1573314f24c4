import { DEFAULT_SESSION_POLICY, getActivityWindow, parseListQuery } from '@keep/core'
import type { SessionUser } from '@keep/core'
import { buildSession, buildUser, toSessionUser } from '@keep/core/testing'
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { openTestDatabase } from '../testing/test-database'
import { seedSessions } from '../testing/seed-sessions'
import { PURGE_CHUNK_SIZE } from './mysql-session-store'

const database = await openTestDatabase()
const { sessions, users } = database.stores
const NOW = new Date('2026-03-29T01:30:00.000Z')
const WINDOW = getActivityWindow(DEFAULT_SESSION_POLICY, NOW)

afterAll(() => database.close())

beforeEach(() => database.reset())

afterEach(() => {
  vi.restoreAllMocks()
})

async function addUser(): Promise<SessionUser> {
  const user = buildUser()
  await users.create(user)

  return toSessionUser(user)
}

async function addSessions(count: number): Promise<string[]> {
  const user = await addUser()
  const ids: string[] = []

  for (let i = 0; i < count; i += 1) {
    const { session } = await buildSession({ user })
    await sessions.create(session)
    ids.push(session.id)
  }

  return ids
}

describe('MySqlSessionStore', () => {
  describe('time', () => {
    it('should run where local time is not UTC, or the time tests could not fail', () => {
      const aroundTheSwitch = [
        new Date('2026-03-29T00:59:59.999Z'),
        new Date('2026-03-29T01:00:00.000Z'),
      ]

      expect(aroundTheSwitch.map((instant) => instant.getTimezoneOffset())).toEqual([-60, -120])
    })

    it('should keep every instant to the millisecond, stored as UTC', async () => {
      const user = await addUser()
      const createdAt = new Date('2026-03-29T00:59:59.999Z')
      const lastActiveAt = new Date('2026-03-29T01:29:58.001Z')
      const { session } = await buildSession({ user, createdAt, lastActiveAt })

      await sessions.create(session)
      const found = await sessions.findByTokenHash(session.tokenHash)
      const listed = await sessions.list(listQuery({}), WINDOW)
      const [stored] = await database.pool.query<RowDataPacket[]>(
        `SELECT DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s.%fZ') AS createdAt FROM sessions`
      )

      expect(found?.createdAt).toEqual(createdAt)
      expect(found?.lastActiveAt).toEqual(lastActiveAt)
      expect(listed.items[0]?.lastActiveAt).toEqual(lastActiveAt)
      expect(stored[0]?.['createdAt']).toBe('2026-03-29T00:59:59.999000Z')
    })
  })

  describe('by ids', () => {
    it('should answer in the order the ids were asked for, as the memory store does', async () => {
      const ids = await addSessions(8)
      const asked = [...ids].sort().reverse()

      const found = await sessions.findByIds(asked)
      const deleted = await sessions.deleteByIds(asked)

      expect(found.map((session) => session.id)).toEqual(asked)
      expect(deleted).toEqual(asked)
    })

    it('should report each id to only one of two deletes racing for it', async () => {
      const ids = await addSessions(6)

      const [first, second] = await Promise.all([
        sessions.deleteByIds(ids),
        sessions.deleteByIds([...ids].reverse()),
      ])

      expect([...first, ...second].sort()).toEqual([...ids].sort())
    })
  })

  describe('list', () => {
    it('should take a backslash in the search literally', async () => {
      const user = await addUser()
      const { session } = await buildSession({ user, lastActiveAt: NOW })
      await sessions.create(session)

      const page = await sessions.list(listQuery({ q: '\\' }), WINDOW)

      expect(page).toEqual({ items: [], next: null })
    })
  })

  describe('purgeExpired', () => {
    it('should delete at most one batch per call, in chunks, and keep active sessions', async () => {
      const seeded = await seedSessions(database.db, {
        sessions: 1_500,
        users: 20,
        window: WINDOW,
        now: NOW,
        expiredShare: 0.5,
      })
      const batchSize = PURGE_CHUNK_SIZE + 100

      const first = await sessions.purgeExpired({ window: WINDOW, batchSize })
      const second = await sessions.purgeExpired({ window: WINDOW, batchSize })
      const third = await sessions.purgeExpired({ window: WINDOW, batchSize })

      expect([first, second, third]).toEqual([batchSize, 750 - batchSize, 0])
      expect(await sessions.findByIds(seeded.sessionIds)).toHaveLength(750)
      expect((await sessions.stats(WINDOW)).activeSessions).toBe(750)
    })

    it('should delete one batch in statements of at most one chunk each', async () => {
      await seedSessions(database.db, {
        sessions: 1_500,
        users: 20,
        window: WINDOW,
        now: NOW,
        expiredShare: 0.5,
      })
      const deletedPerStatement = watchDeletes()
      const batchSize = PURGE_CHUNK_SIZE + 100

      const purged = await sessions.purgeExpired({ window: WINDOW, batchSize })
      const chunks = await deletedPerStatement()

      expect(purged).toBe(batchSize)
      expect(chunks.length).toBeGreaterThanOrEqual(2)
      expect(chunks.every((rows) => rows <= PURGE_CHUNK_SIZE)).toBe(true)
      expect(chunks.reduce((sum, rows) => sum + rows, 0)).toBe(batchSize)
    })
  })
})

/** Spies on the pool the store queries through; answers the rows each DELETE removed. */
function watchDeletes(): () => Promise<number[]> {
  const query = vi.spyOn(database.pool, 'query')

  return async () => {
    const results = query.mock.calls.flatMap(([statement], index): unknown[] =>
      isDelete(statement) ? [query.mock.results[index]?.value] : []
    )
    const headers = (await Promise.all(results)) as [ResultSetHeader][]

    return headers.map(([header]) => header.affectedRows)
  }
}

function isDelete(statement: unknown): boolean {
  const text = typeof statement === 'string' ? statement : (statement as { sql?: unknown }).sql

  return typeof text === 'string' && /^\s*delete\b/i.test(text)
}

function listQuery(raw: Parameters<typeof parseListQuery>[0]) {
  const parsed = parseListQuery(raw)

  if (!parsed.ok) {
    throw new Error(parsed.error.message)
  }

  return parsed.value
}
