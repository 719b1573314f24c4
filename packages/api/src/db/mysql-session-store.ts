import type {
  ActivityWindow,
  ListQuery,
  NewSession,
  PurgeRequest,
  Session,
  SessionPage,
  SessionStats,
  SessionStore,
  TouchRequest,
} from '@keep/core'
import { and, eq, inArray, lt } from 'drizzle-orm'

import type { KeepDb } from './database'
import { sessions } from './schema'
import {
  buildAgedSessionsQuery,
  buildIdleSessionsQuery,
  buildListQuery,
  buildStatsQuery,
  isOutsideWindow,
  selectSessions,
  toCursorPosition,
  toSession,
} from './session-queries'
import { retryOnLockConflict, withStoreErrors } from './store-error'
import { createTokenLookup } from './token-lookup'
import type { TokenLookup } from './token-lookup'

/** The most rows one purge statement deletes, so that no sweep holds its locks for long. */
export const PURGE_CHUNK_SIZE = 500

/**
 * Sessions in MySQL or MariaDB, shared by every Keep instance on the database. Failures of the
 * database leave every method as a StoreError.
 */
export class MySqlSessionStore implements SessionStore {
  readonly #db: KeepDb
  // Built once: this lookup runs on every authenticated request.
  readonly #findByTokenHash: TokenLookup

  constructor(db: KeepDb) {
    this.#db = db
    this.#findByTokenHash = createTokenLookup(db)
  }

  create(session: NewSession): Promise<void> {
    const { user, ...row } = session

    return withStoreErrors(async () => {
      await this.#db.insert(sessions).values({ ...row, userId: user.id, username: user.username })
    })
  }

  findByTokenHash(tokenHash: string): Promise<Session | null> {
    return withStoreErrors(() => this.#findByTokenHash(tokenHash))
  }

  findByIds(ids: readonly string[]): Promise<Session[]> {
    if (ids.length === 0) {
      return Promise.resolve([])
    }

    return withStoreErrors(() => this.#findByIds([...new Set(ids)]))
  }

  touch(request: TouchRequest): Promise<boolean> {
    return withStoreErrors(async () => {
      const [result] = await this.#db
        .update(sessions)
        .set({ lastActiveAt: request.at })
        .where(
          and(eq(sessions.id, request.id), lt(sessions.lastActiveAt, request.ifLastActiveBefore))
        )

      return result.affectedRows === 1
    })
  }

  deleteByIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) {
      return Promise.resolve([])
    }

    const unique = [...new Set(ids)]

    return withStoreErrors(() => retryOnLockConflict(() => this.#deleteExisting(unique)))
  }

  deleteByUser(userId: string): Promise<number> {
    return withStoreErrors(async () => {
      const [result] = await this.#db.delete(sessions).where(eq(sessions.userId, userId))

      return result.affectedRows
    })
  }

  /*
   * A page is found from one index, then read by primary key. The next position comes from the
   * index row, not the read one, so that a row deleted or touched in between moves no cursor.
   */
  list(query: ListQuery, window: ActivityWindow): Promise<SessionPage> {
    return withStoreErrors(async () => {
      const positions = await buildListQuery(this.#db, query, window)
      const page = positions.slice(0, query.limit)
      const items = page.length > 0 ? await this.#findByIds(page.map((row) => row.id)) : []
      const last = page.at(-1)

      return {
        items,
        next: positions.length > query.limit && last ? toCursorPosition(last) : null,
      }
    })
  }

  stats(window: ActivityWindow): Promise<SessionStats> {
    return withStoreErrors(async () => {
      const [row] = await buildStatsQuery(this.#db, window)

      return {
        activeUsers: row?.activeUsers ?? 0,
        activeSessions: row?.activeSessions ?? 0,
        byType: { rest: row?.rest ?? 0, browser: row?.browser ?? 0, other: row?.other ?? 0 },
      }
    })
  }

  purgeExpired(request: PurgeRequest): Promise<number> {
    return withStoreErrors(async () => {
      let purged = 0

      while (purged < request.batchSize) {
        const chunk = Math.min(PURGE_CHUNK_SIZE, request.batchSize - purged)
        const deleted = await this.#purgeChunk(request.window, chunk)

        if (deleted === 0) {
          break
        }

        purged += deleted
      }

      return purged
    })
  }

  async #findByIds(ids: readonly string[]): Promise<Session[]> {
    const records = await selectSessions(this.#db).where(inArray(sessions.id, [...ids]))

    return inRequestOrder(ids, records.map(toSession))
  }

  /*
   * Locking the rows before deleting them is what tells which ids this call removed: a
   * concurrent delete of the same ids waits, then finds them gone. Run again after losing a
   * lock conflict, it finds what is left, so a retry never reports an id twice.
   */
  #deleteExisting(ids: string[]): Promise<string[]> {
    return this.#db.transaction(
      async (tx) => {
        const rows = await tx
          .select({ id: sessions.id })
          .from(sessions)
          .where(inArray(sessions.id, ids))
          .for('update')
        const existing = inRequestOrder(ids, rows).map((row) => row.id)

        if (existing.length > 0) {
          await tx.delete(sessions).where(inArray(sessions.id, existing))
        }

        return existing
      },
      { isolationLevel: 'read committed' }
    )
  }

  async #purgeChunk(window: ActivityWindow, limit: number): Promise<number> {
    const ids = await this.#findExpiredIds(window, limit)

    if (ids.length === 0) {
      return 0
    }

    // Checked again, so that a row touched since it was picked is left alone.
    const [result] = await this.#db
      .delete(sessions)
      .where(and(inArray(sessions.id, ids), isOutsideWindow(window)))

    return result.affectedRows
  }

  async #findExpiredIds(window: ActivityWindow, limit: number): Promise<string[]> {
    const idle = await buildIdleSessionsQuery(this.#db, window, limit)

    if (idle.length === limit) {
      return idle.map((row) => row.id)
    }

    const aged = await buildAgedSessionsQuery(this.#db, window, limit)
    const ids = new Set([...idle, ...aged].map((row) => row.id))

    return [...ids].slice(0, limit)
  }
}

/** Rows come back in index order; callers get them in the order they asked for them. */
function inRequestOrder<TRow extends { readonly id: string }>(
  ids: readonly string[],
  rows: readonly TRow[]
): TRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]))

  return ids.flatMap((id) => byId.get(id) ?? [])
}
