import { fileURLToPath } from 'node:url'

import { drizzle } from 'drizzle-orm/mysql2'
import { migrate } from 'drizzle-orm/mysql2/migrator'
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise'

import type { KeepDb } from './database'
import { StoreError, toStoreError } from './store-error'

/** Resolved from this file, so that migrating works whatever the working directory. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url))

const LOCK_TIMEOUT_SECONDS = 60

// Lock names are server-wide; naming the database lets databases on one server migrate at once.
const LOCK_NAME_SQL = "LEFT(CONCAT('keep_migrate.', DATABASE()), 64)"

interface LockRow extends RowDataPacket {
  readonly acquired: number | null
}

/**
 * Applies the migrations the database has not seen yet; does nothing when it is up to date.
 * Instances starting together on one database take turns, so each migration runs once.
 */
export async function migrateDatabase(target: KeepDb | Pool): Promise<void> {
  const pool = 'getConnection' in target ? target : target.$client
  const connection = await pool.getConnection().catch((error: unknown) => {
    throw toStoreError(error)
  })

  try {
    await takeMigrationLock(connection)
    await migrate(drizzle({ client: connection }), { migrationsFolder: MIGRATIONS_FOLDER })
  } catch (error) {
    throw toStoreError(error)
  } finally {
    await releaseMigrationLock(connection)
  }
}

async function takeMigrationLock(connection: PoolConnection): Promise<void> {
  const [rows] = await connection.query<LockRow[]>(
    `SELECT GET_LOCK(${LOCK_NAME_SQL}, ?) AS acquired`,
    [LOCK_TIMEOUT_SECONDS]
  )

  if (rows[0]?.acquired !== 1) {
    const cause = new Error(
      `Another instance held the migration lock for ${LOCK_TIMEOUT_SECONDS} s`
    )

    throw new StoreError('failed', { cause })
  }
}

async function releaseMigrationLock(connection: PoolConnection): Promise<void> {
  try {
    await connection.query(`DO RELEASE_LOCK(${LOCK_NAME_SQL})`)
    connection.release()
  } catch {
    // A connection that cannot release the lock is dropped, which releases it too.
    connection.destroy()
  }
}
