import { isStoreUnavailable, migrateDatabase, openDatabase } from '@keep/api'
import type { KeepDatabase } from '@keep/api'

import type { KeepStores } from './stores'

const PING_TIMEOUT_MS = 2000
const DEFAULT_MYSQL_PORT = '3306'
const MAX_CAUSE_DEPTH = 5

/**
 * The MySQL stores over a new pool, with pending migrations applied first. Instances starting
 * together take turns migrating.
 */
export async function openMySqlStores(url: string): Promise<KeepStores> {
  const database = openDatabase({ url })

  try {
    await migrateDatabase(database.db)
  } catch (error) {
    await database.close().catch(() => undefined)
    throw describeOpenFailure(url, error)
  }

  return wrapDatabase(database)
}

/** Why the database could not be opened: the setting, where it points and the driver's code. */
export function describeOpenFailure(url: string, error: unknown): Error {
  const { hostname, port } = new URL(url)
  const what = isStoreUnavailable(error) ? 'could not be reached' : 'could not be migrated'
  const code = findErrorCode(error)

  // Host and port only: the URL may carry a password.
  return new Error(
    `KEEP_DATABASE_URL: the database at ${hostname}:${port || DEFAULT_MYSQL_PORT} ${what}${code ? ` (${code})` : ''}`,
    { cause: error }
  )
}

function findErrorCode(error: unknown): string | undefined {
  let current = error

  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth += 1) {
    if ('code' in current && typeof current.code === 'string') {
      return current.code
    }

    current = current.cause
  }

  return undefined
}

/** Keep's view of an open database; answers `ping` with a bounded `SELECT 1`. */
export function wrapDatabase(database: KeepDatabase): KeepStores {
  return {
    kind: 'mysql',
    sessions: database.sessions,
    users: database.users,
    loginFailures: database.loginFailures,
    ping: () =>
      withTimeout(
        database.pool.query('SELECT 1').then(() => true),
        PING_TIMEOUT_MS
      ),
    close: () => database.close(),
  }
}

function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })

  return Promise.race([check.catch(() => false), timeout]).finally(() => clearTimeout(timer))
}
