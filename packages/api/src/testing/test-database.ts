import { createConnection } from 'mysql2/promise'
import type { Connection, RowDataPacket } from 'mysql2/promise'

import { openDatabase } from '../db/database'
import type { KeepDatabase, KeepDb, MySqlStores } from '../db/database'
import { migrateDatabase } from '../db/migrate'
import { findDriverError, toStoreError } from '../db/store-error'

const DEFAULT_SERVER_URL = 'mysql://root@127.0.0.1:3306/test'
const START_HINT = 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd'
const CONNECT_TIMEOUT_MS = 5_000
const MAX_DATABASES_PER_WORKER = 10

/** A database of its own for one test worker, migrated and ready. */
export interface TestDatabase {
  /** Where the database is, password included: for code that opens its own pool. */
  readonly url: string
  /** The database's name, `keep_<name in the server URL>_<worker>`. */
  readonly name: string
  readonly db: KeepDb
  readonly pool: KeepDatabase['pool']
  readonly stores: MySqlStores
  /** Deletes every session and user, for a test that starts from nothing. */
  reset(): Promise<void>
  /** Ends the pool and gives the database back for the next test file of this worker. */
  close(): Promise<void>
}

/** How the test database's pool is opened. */
export interface TestDatabaseOptions {
  readonly connectionLimit?: number
}

/**
 * Opens this worker's test database on the server named by KEEP_TEST_DATABASE_URL, creating and
 * migrating it as needed. Throws, never skips, when the server does not answer.
 */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const server = new URL(process.env['KEEP_TEST_DATABASE_URL'] || DEFAULT_SERVER_URL)
  const admin = await connectToServer(server)

  try {
    const name = await claimDatabase(admin, getBaseName(server))
    const url = withDatabase(server, name)
    const database = openDatabase({ url, connectionLimit: options.connectionLimit ?? 4 })

    await migrateDatabase(database.db)

    return {
      url,
      name,
      db: database.db,
      pool: database.pool,
      stores: {
        sessions: database.sessions,
        users: database.users,
        loginFailures: database.loginFailures,
      },
      reset: () => resetDatabase(database),
      close: async () => {
        await database.close()
        await admin.end()
      },
    }
  } catch (error) {
    await admin.end()
    throw error
  }
}

/** The URL without its password, fit for a message. */
export function describeServer(url: URL): string {
  const user = url.username ? `${decodeURIComponent(url.username)}@` : ''

  return `${url.protocol}//${user}${url.host}`
}

async function connectToServer(server: URL): Promise<Connection> {
  const serverOnly = new URL(server)
  serverOnly.pathname = ''

  try {
    return await createConnection({ uri: serverOnly.href, connectTimeout: CONNECT_TIMEOUT_MS })
  } catch (error) {
    throw explainConnectFailure(server, error)
  }
}

function explainConnectFailure(server: URL, error: unknown): Error {
  const where = describeServer(server)

  if (toStoreError(error).kind === 'unavailable' && !isRefusedLogin(error)) {
    return new Error(
      `MariaDB/MySQL did not answer at ${where} (set KEEP_TEST_DATABASE_URL, or start it: ${START_HINT})`,
      { cause: error }
    )
  }

  return new Error(
    `MariaDB/MySQL at ${where} refused the test login; check KEEP_TEST_DATABASE_URL`,
    {
      cause: error,
    }
  )
}

function isRefusedLogin(error: unknown): boolean {
  return /^ER_(DB)?ACCESS_DENIED/.test(findDriverError(error)?.code ?? '')
}

function getBaseName(server: URL): string {
  const named = decodeURIComponent(server.pathname.replace(/^\//, '')) || 'test'
  const worker = process.env['VITEST_POOL_ID'] ?? process.env['VITEST_WORKER_ID'] ?? '0'

  return `keep_${named}_${worker}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60)
}

/*
 * Two test runs on one server (two checkouts, a watcher beside a full run) would otherwise
 * share worker numbers and wipe each other's rows: a database is used only under a lock that
 * lives as long as the admin connection.
 */
async function claimDatabase(admin: Connection, baseName: string): Promise<string> {
  for (let slot = 1; slot <= MAX_DATABASES_PER_WORKER; slot += 1) {
    const name = slot === 1 ? baseName : `${baseName}_${slot}`
    const [rows] = await admin.query<RowDataPacket[]>('SELECT GET_LOCK(?, 0) AS claimed', [
      `keep_test_database.${name}`,
    ])

    if (rows[0]?.['claimed'] === 1) {
      await admin.query(
        `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`
      )

      return name
    }
  }

  throw new Error(`Every test database named ${baseName} is in use by another test run`)
}

function withDatabase(server: URL, name: string): string {
  const url = new URL(server)
  url.pathname = `/${name}`

  return url.href
}

async function resetDatabase(database: KeepDatabase): Promise<void> {
  await database.pool.query('DELETE FROM sessions')
  await database.pool.query('DELETE FROM users')
  await database.pool.query('DELETE FROM login_failures')
}
