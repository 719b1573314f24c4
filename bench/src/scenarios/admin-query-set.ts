import { getActivityWindow, DEFAULT_SESSION_POLICY, parseListQuery } from '@keep/core'
import type { ActivityWindow, CursorPosition, ListQuery } from '@keep/core'
import type { Pool } from 'mysql2/promise'

import { createDatabasePool, createDb, MySqlSessionStore } from '../keep-api'

/** What the admin queries run against: the store over a pool whose last statement is kept. */
export interface QueryTarget {
  readonly store: MySqlSessionStore
  readonly pool: Pool
  readonly window: ActivityWindow
  readonly base: ListQuery
  readonly deep: CursorPosition
  readonly search: string
  /** The SQL and parameters of the last statement the pool was asked to run. */
  lastStatement(): { readonly sql: string; readonly params: unknown[] }
  close(): Promise<void>
}

export interface AdminQuery {
  readonly name: string
  run(target: QueryTarget): Promise<unknown>
}

export const DEEP_ROWS = 1_000

export const STORE_QUERIES: readonly AdminQuery[] = [
  { name: 'stats', run: (target) => target.store.stats(target.window) },
  {
    name: 'first page, Last Active',
    run: (target) => target.store.list(target.base, target.window),
  },
  {
    name: `page ${DEEP_ROWS.toLocaleString('en-US')} rows deep (cursor)`,
    run: (target) => target.store.list({ ...target.base, after: target.deep }, target.window),
  },
  {
    name: 'type filter (other)',
    run: (target) => target.store.list({ ...target.base, type: 'other' }, target.window),
  },
  {
    name: 'search (one username)',
    run: (target) => target.store.list({ ...target.base, search: target.search }, target.window),
  },
]

export const COUNT_ALL: AdminQuery = {
  name: 'SELECT COUNT(*) FROM sessions',
  run: (target) => target.pool.query('SELECT COUNT(*) FROM sessions'),
}

const IN_WINDOW = 'WHERE last_active_at > ? AND created_at > ?'
const windowParams = (target: QueryTarget) => [
  target.window.lastActiveAfter,
  target.window.createdAfter,
]

/** The parts of the stats statement on their own, to tell where its time goes. */
export const STATS_PARTS: readonly AdminQuery[] = [
  {
    name: 'diagnostic: COUNT(*) in the window',
    run: (target) =>
      target.pool.query(`SELECT COUNT(*) FROM sessions ${IN_WINDOW}`, windowParams(target)),
  },
  {
    name: 'diagnostic: COUNT(DISTINCT user_id) in the window',
    run: (target) =>
      target.pool.query(
        `SELECT COUNT(DISTINCT user_id) FROM sessions ${IN_WINDOW}`,
        windowParams(target)
      ),
  },
]

/**
 * The store as the API builds it, over a pool that remembers the last statement so its plan
 * can be shown; the window is fixed at the seeding instant, so every run sees the same rows.
 */
export async function openQueryTarget(input: {
  readonly url: string
  readonly seededAt: Date
  readonly search: string
}): Promise<QueryTarget> {
  const recorder = recordStatements(createDatabasePool({ url: input.url, connectionLimit: 2 }))
  const store = new MySqlSessionStore(createDb(recorder.pool))
  const window = getActivityWindow(DEFAULT_SESSION_POLICY, input.seededAt)
  const parsed = parseListQuery({})

  if (!parsed.ok) {
    throw new Error('The default list query did not parse')
  }

  const deep = await walkTo(store, { base: parsed.value, window })

  return {
    store,
    pool: recorder.pool,
    window,
    base: parsed.value,
    deep,
    search: input.search,
    lastStatement: recorder.last,
    close: () => recorder.pool.end(),
  }
}

async function walkTo(
  store: MySqlSessionStore,
  from: { readonly base: ListQuery; readonly window: ActivityWindow }
): Promise<CursorPosition> {
  const stride = { ...from.base, limit: 200 }
  let after: CursorPosition | null = null

  for (let walked = 0; walked < DEEP_ROWS; walked += stride.limit) {
    const page = await store.list({ ...stride, after }, from.window)

    if (!page.next) {
      throw new Error(`Fewer than ${DEEP_ROWS} live sessions to page through`)
    }

    after = page.next
  }

  if (!after) {
    throw new Error('No cursor after walking the list')
  }

  return after
}

function recordStatements(pool: Pool) {
  let last: { sql: string; params: unknown[] } = { sql: '', params: [] }

  const recorded = new Proxy(pool, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target)

      if (property !== 'query' || typeof value !== 'function') {
        return typeof value === 'function'
          ? (value as (...args: unknown[]) => unknown).bind(target)
          : value
      }

      return (statement: string | { sql: string }, params?: unknown[]) => {
        last = {
          sql: typeof statement === 'string' ? statement : statement.sql,
          params: params ?? [],
        }

        return (value as (...args: unknown[]) => unknown).call(target, statement, params)
      }
    },
  })

  return { pool: recorded, last: () => last }
}
