import { DEFAULT_SESSION_POLICY, SORT_FIELDS, getActivityWindow, parseListQuery } from '@keep/core'
import type { ListQuery, SessionType, SortField, SortOrder } from '@keep/core'
import { fillPlaceholders, inArray } from 'drizzle-orm'
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
  selectSessions,
  toCursorPosition,
} from './session-queries'
import type { ListPosition } from './session-queries'
import { sessions as sessionsTable } from './schema'

/*
 * The plans the store relies on to stay fast with a million sessions, checked on a table big
 * enough for the optimizer to weigh its choices: each page is found in one index, in order and
 * without reading a row, a later page by seeking to its cursor, then read by primary key; stats
 * read one index and no row; the sweep seeks its expired rows.
 */

const database = await openTestDatabase()
const NOW = new Date('2026-01-15T09:00:00.000Z')
const WINDOW = getActivityWindow(DEFAULT_SESSION_POLICY, NOW)
const SEEDED_SESSIONS = 10_000
const PAGE_SIZE = 50
/*
 * A seek reads the page, one row more, and the expired rows the window filters out between
 * them; a scan reads every entry before the cursor too, thousands here.
 */
const ONE_PAGE_OF_READS = 3 * (PAGE_SIZE + 1)
// How far into a list a cursor may sit: deep enough that reading from either end shows.
const DEEP_LIST = 4_000

const EXPECTED_INDEX: Readonly<Record<SortField, readonly [all: string, ofType: string]>> = {
  lastActive: ['sessions_last_active_idx', 'sessions_type_last_active_idx'],
  createdAt: ['sessions_created_at_idx', 'sessions_created_at_idx'],
  username: ['sessions_username_idx', 'sessions_username_idx'],
  type: ['sessions_type_idx', 'sessions_type_idx'],
  address: ['sessions_address_idx', 'sessions_address_idx'],
  serverName: ['sessions_server_name_idx', 'sessions_server_name_idx'],
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

interface DeepPage {
  readonly query: ListQuery
  /** The positions the page must hold: those right after the cursor, and one more. */
  readonly expected: readonly ListPosition[]
}

/** A cursor in the middle of the list, where reading from either end costs thousands of rows. */
async function goDeep(query: ListQuery): Promise<DeepPage> {
  const positions = await buildListQuery(database.db, { ...query, limit: DEEP_LIST }, WINDOW)
  const middle = Math.floor(positions.length / 2)
  const cursor = positions[middle]

  expect(positions.length).toBeGreaterThan(4 * PAGE_SIZE)

  return {
    query: { ...query, after: cursor ? toCursorPosition(cursor) : null },
    expected: positions.slice(middle + 1, middle + 2 + query.limit),
  }
}

/** How many entries of `sessions` the query read, as MariaDB's ANALYZE counts them running it. */
async function countRowsRead(query: Explainable): Promise<number> {
  const { sql, params } = query.toSQL()
  const [[row]] = await database.pool.query<RowDataPacket[]>(`ANALYZE FORMAT=JSON ${sql}`, params)
  const table = findTable(JSON.parse(String(row?.['ANALYZE'])), 'sessions')

  return Number(table?.['r_rows'])
}

function findTable(node: unknown, name: string): Record<string, unknown> | undefined {
  if (typeof node !== 'object' || node === null) {
    return undefined
  }

  const record = node as Record<string, unknown>

  if (record['table_name'] === name) {
    return record
  }

  return Object.values(record)
    .map((child) => findTable(child, name))
    .find(Boolean)
}

function expectIndexOnlyRead(plan: PlanRow[], index: string) {
  expect(plan).toHaveLength(1)
  expect(plan[0]).toMatchObject({ table: 'sessions', key: index })
  expect(plan[0]?.Extra).toContain('Using index')
  expect(plan[0]?.Extra).not.toMatch(/filesort|temporary/)
}

const LIST_CASES = SORT_FIELDS.flatMap((sort) =>
  (['asc', 'desc'] as const).flatMap((order) =>
    ([null, 'browser'] as const).flatMap((type) =>
      [false, true].map((paged) => ({ sort, order, type, paged }))
    )
  )
)

/*
 * The lists whose deep pages cost about what the first does: all but a type filter on an order
 * other than Last Active or type, which reads past the entries of other types on every page alike.
 */
function readsAboutOnePage({ sort, type }: ListCase): boolean {
  return type === null || sort === 'lastActive' || sort === 'type'
}

const SEEK_CASES = LIST_CASES.filter((listCase) => listCase.paged && readsAboutOnePage(listCase))
const FIRST_BY_LAST_ACTIVE = LIST_CASES.filter(
  (listCase) => listCase.sort === 'lastActive' && !listCase.paged
)

function pageQuery({ sort, order, type }: ListCase): ListQuery {
  return listQuery({ sort, order, type: type ?? undefined, limit: PAGE_SIZE })
}

describe('query plans', () => {
  it.each(LIST_CASES)(
    'should list by $sort $order (type $type, paged $paged) from one index in order',
    async (listCase: ListCase) => {
      const { sort, type, paged } = listCase
      const first = pageQuery(listCase)
      const query = paged ? (await goDeep(first)).query : first

      const plan = await explain(buildListQuery(database.db, query, WINDOW))

      expectIndexOnlyRead(plan, EXPECTED_INDEX[sort][type ? 1 : 0])
      if (paged) {
        expect(plan[0]?.type).toBe('range')
      }
    }
  )

  it.each(SEEK_CASES)(
    'should seek a deep page by $sort $order (type $type) and read about one page',
    async (listCase: ListCase) => {
      const { query, expected } = await goDeep(pageQuery(listCase))
      const built = buildListQuery(database.db, query, WINDOW)

      const read = await countRowsRead(built)

      expect(await built).toEqual(expected)
      expect(read).toBeGreaterThan(PAGE_SIZE)
      expect(read).toBeLessThanOrEqual(ONE_PAGE_OF_READS)
    }
  )

  it.each(FIRST_BY_LAST_ACTIVE)(
    'should find the first page by lastActive $order (type $type) in one range of one page',
    async (listCase: ListCase) => {
      const query = buildListQuery(database.db, pageQuery(listCase), WINDOW)

      const [plan] = await explain(query)
      const read = await countRowsRead(query)

      expect(plan?.type).toBe('range')
      expect(read).toBeGreaterThan(PAGE_SIZE)
      expect(read).toBeLessThanOrEqual(ONE_PAGE_OF_READS)
    }
  )

  it.each(['lastActive', 'username'] as const)(
    'should search by %s from the index alone, rows that do not match never read',
    async (sort) => {
      const query = listQuery({ sort, q: 'seed-user-4' })

      const plan = await explain(buildListQuery(database.db, query, WINDOW))

      expectIndexOnlyRead(plan, EXPECTED_INDEX[sort][0])
    }
  )

  it('should read the rows of a page by primary key, with their users', async () => {
    const page = await buildListQuery(database.db, listQuery({}), WINDOW)
    const ids = page.map((row) => row.id)

    const [sessions, users] = await explain(
      selectSessions(database.db).where(inArray(sessionsTable.id, ids))
    )

    expect(sessions).toMatchObject({ table: 'sessions', type: 'range', key: 'PRIMARY' })
    expect(users).toMatchObject({ table: 'users', type: 'eq_ref', key: 'PRIMARY' })
  })

  it('should count users in one pass over the user-activity index, without a sort', async () => {
    const plan = await explain(buildStatsQuery(database.db, WINDOW))
    const perUser = plan.find((step) => step.table === 'sessions')

    expect(perUser).toMatchObject({ key: 'sessions_user_activity_idx', type: 'index' })
    expect(perUser?.Extra).toContain('Using index')
    expect(plan.map((step) => step.Extra ?? '').join(' ')).not.toMatch(/filesort|temporary/)
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
