import { migrateDatabase, openDatabase } from '@keep/api'
import type { KeepDatabase } from '@keep/api'

import type { KeepStores } from './stores'

const PING_TIMEOUT_MS = 2000

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
    throw error
  }

  return wrapDatabase(database)
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
