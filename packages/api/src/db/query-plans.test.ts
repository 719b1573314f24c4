import { DEFAULT_SESSION_POLICY, SORT_FIELDS, getActivityWindow, parseListQuery } from '@keep/core'
import type { ListQuery, SessionType, SortField, SortOrder } from '@keep/core'
import { fillPlaceholders } from 'drizzle-orm'
import type { RowDataPacket } from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openTestDatabase } from '../testing/test-database'
import { seedSessions } from '../testing/seed-sessions'
import {
  buildAgedSessionsQuery,
  buildFindByTokenHashQuery,
  buildIdleSessionsQuery,
  buildListQuery,
  buildStatsQuery,
} from './session-queries'

/*
 * The plans the store relies on to stay fast with a million sessions, checked on a table big
 * enough for the optimizer to weigh its choices: each list reads one index in order (no sort
 * of the matches), stats read one index and no row, the sweep seeks its expired rows.
 */

const database = await openTestDatabase()
const NOW = new Date('2026-01-15T09:00:00.000Z')
const WINDOW = getActivityWindow(DEFAULT_SESSION_POLICY, NOW)
const SEEDED_SESSIONS = 10_000

const EXPECTED_INDEX: Readonly<Record<SortField, readonly [all: string, ofType: string]>> = {
  lastActive: ['sessions_last_active_idx', 'sessions_type_last_active_idx'],
  createdAt: ['sessions_created_at_idx', 'sessions_type_created_at_idx'],
  username: ['sessions_username_idx', 'sessions_type_username_idx'],
  type: ['sessions_type_idx', 'sessions_type_idx'],
  address: ['sessions_address_idx', 'sessions_type_address_idx'],
  serverName: ['sessions_server_name_idx', 'sessions_type_server_name_idx'],
}

interface PlanRow {
  readonly table: string
  readonly type: string
  readonly key: string | null
  readonly rows: number
  readonly Extra: string | null
}

interface Explainable {
  toSQL(): { sql: string; params: unknown[] }
}

beforeAll(async () => {
  await database.reset()
  await seedSessions(database.db, {
    sessions: SEEDED_SESSIONS,
    users: 500,
    window: WINDOW,
    now: NOW,
    expiredShare: 0.1,
  })
  await database.pool.query('ANALYZE TABLE users, sessions')
}, 120_000)

afterAll(async () => {
  await database.reset()
  await database.close()
})

async function explain(query: Explainable, values: Record<string, unknown> = {}) {
  const { sql, params } = query.toSQL()
  const [rows] = await database.pool.query<(PlanRow & RowDataPacket)[]>(
    `EXPLAIN ${sql}`,
    fillPlaceholders(params, values)
  )

  return rows
}

function listQuery(raw: Parameters<typeof parseListQuery>[0]): ListQuery {
  const parsed = parseListQuery(raw)

  if (!parsed.ok) {
    throw new Error(parsed.error.message)
  }

  return parsed.value
}

async function withCursor(query: ListQuery): Promise<ListQuery> {
  const page = await database.stores.sessions.list(query, WINDOW)

  expect(page.next).not.toBeNull()

  return { ...query, after: page.next }
}

function expectOrderedRead(plan: PlanRow[], index: string) {
  const [sessions, users] = plan

  expect(sessions).toMatchObject({ table: 'sessions', key: index })
  expect(users).toMatchObject({ table: 'users', type: 'eq_ref', key: 'PRIMARY' })
  expect(plan.map((row) => row.Extra ?? '').join()).not.toMatch(/filesort|temporary/)
}

const LIST_CASES = SORT_FIELDS.flatMap((sort) =>
  (['asc', 'desc'] as const).flatMap((order) =>
    ([null, 'browser'] as const).flatMap((type) =>
      [false, true].map((paged) => ({ sort, order, type, paged }))
    )
  )
)

describe('query plans', () => {
  it.each(LIST_CASES)(
    'should list by $sort $order (type $type, paged $paged) from one index in order',
    async ({ sort, order, type, paged }: ListCase) => {
      const first = listQuery({ sort, order, type: type ?? undefined })
      const query = paged ? await withCursor(first) : first

      const plan = await explain(buildListQuery(database.db, query, WINDOW))

      expectOrderedRead(plan, EXPECTED_INDEX[sort][type ? 1 : 0])
    }
  )

  it('should search in list order without sorting the matches', async () => {
    const plan = await explain(buildListQuery(database.db, listQuery({ q: 'seed-user-4' }), WINDOW))

    expectOrderedRead(plan, 'sessions_last_active_idx')
  })

  it('should count from the last-active index alone', async () => {
    const [plan, ...rest] = await explain(buildStatsQuery(database.db, WINDOW))

    expect(rest).toEqual([])
    expect(plan).toMatchObject({
      table: 'sessions',
      type: 'range',
      key: 'sessions_last_active_idx',
    })
    expect(plan?.Extra).toContain('Using index')
    expect(plan?.Extra).not.toMatch(/filesort|temporary/)
  })

  it('should find a session by token hash through its unique key', async () => {
    const [[stored]] = await database.pool.query<RowDataPacket[]>(
      'SELECT token_hash AS tokenHash FROM sessions LIMIT 1'
    )

    const [sessions, users] = await explain(buildFindByTokenHashQuery(database.db), {
      tokenHash: stored?.['tokenHash'],
    })

    expect(sessions).toMatchObject({
      table: 'sessions',
      type: 'const',
      key: 'sessions_token_hash_unique',
    })
    expect(users).toMatchObject({ table: 'users', type: 'const', key: 'PRIMARY' })
  })

  it('should seek expired sessions by index for the sweep', async () => {
    const [idle] = await explain(buildIdleSessionsQuery(database.db, WINDOW, 500))
    const [aged] = await explain(buildAgedSessionsQuery(database.db, WINDOW, 500))

    expect(idle).toMatchObject({ type: 'range', key: 'sessions_last_active_idx' })
    expect(aged).toMatchObject({ type: 'range', key: 'sessions_created_at_idx' })
  })
})

interface ListCase {
  readonly sort: SortField
  readonly order: SortOrder
  readonly type: SessionType | null
  readonly paged: boolean
}
