import type { MySql2Database } from 'drizzle-orm/mysql2'
import { drizzle } from 'drizzle-orm/mysql2'
import { createPool } from 'mysql2/promise'
import type { Pool } from 'mysql2/promise'

import { MySqlLoginFailureStore } from './mysql-login-failure-store'
import { MySqlSessionStore } from './mysql-session-store'
import { MySqlUserStore } from './mysql-user-store'

/** The Drizzle handle on Keep's MySQL or MariaDB database, over a mysql2 pool. */
export type KeepDb = MySql2Database & { $client: Pool }

/** Where the database is and how many connections the pool may open to it. */
export interface DatabaseOptions {
  /** `mysql://user:password@host:port/database` */
  readonly url: string
  /** The most connections the pool opens at once; 10 unless set. */
  readonly connectionLimit?: number
}

/** The session, user and failed log-in stores over one database. */
export interface MySqlStores {
  readonly sessions: MySqlSessionStore
  readonly users: MySqlUserStore
  readonly loginFailures: MySqlLoginFailureStore
}

/** An open database: its pool, the Drizzle handle, the stores, and how to close it. */
export interface KeepDatabase extends MySqlStores {
  readonly db: KeepDb
  readonly pool: Pool
  /** Ends every pooled connection once the statements in flight are done. */
  close(): Promise<void>
}

const DEFAULT_CONNECTION_LIMIT = 10

/**
 * A mysql2 pool that reads and writes DATETIME as UTC, whatever the time zone of the host or
 * of the server, and speaks utf8mb4 so that no character is lost on the way.
 */
export function createDatabasePool(source: string | DatabaseOptions): Pool {
  const options = typeof source === 'string' ? { url: source } : source

  return createPool({
    uri: options.url,
    connectionLimit: options.connectionLimit ?? DEFAULT_CONNECTION_LIMIT,
    timezone: 'Z',
    dateStrings: false,
    charset: 'utf8mb4_general_ci',
    supportBigNumbers: true,
    // Stores turn every driver error into a StoreError without a stack to show, so capturing
    // the caller's stack on each query, mysql2's default, would be paid on every request for
    // nothing.
    trace: false,
  })
}

/** The Drizzle handle over a pool, for building the stores or running migrations on it. */
export function createDb(pool: Pool): KeepDb {
  return drizzle({ client: pool })
}

/** The session, user and failed log-in stores over a Drizzle handle the caller already has. */
export function createMySqlStores(db: KeepDb): MySqlStores {
  return {
    sessions: new MySqlSessionStore(db),
    users: new MySqlUserStore(db),
    loginFailures: new MySqlLoginFailureStore(db),
  }
}

/**
 * Opens a pool on the database and the stores over it. Connections open on first use, so an
 * unreachable server shows as a StoreError of kind 'unavailable' on the first query.
 */
export function openDatabase(source: string | DatabaseOptions): KeepDatabase {
  const pool = createDatabasePool(source)
  const db = createDb(pool)

  return { db, pool, ...createMySqlStores(db), close: () => pool.end() }
}
