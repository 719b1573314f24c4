import { existsSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'

import type { RowDataPacket } from 'mysql2/promise'
import { afterAll, describe, expect, it } from 'vitest'

import { openTestDatabase } from '../testing/test-database'
import { openDatabase } from './database'
import type { KeepDatabase } from './database'
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate'
import { SESSION_INDEXES } from './schema'

const database = await openTestDatabase()
const freshName = `${database.name}_fresh`

afterAll(async () => {
  await database.pool.query(`DROP DATABASE IF EXISTS \`${freshName}\``)
  await database.close()
})

async function openFreshDatabase(): Promise<KeepDatabase> {
  await database.pool.query(`DROP DATABASE IF EXISTS \`${freshName}\``)
  await database.pool.query(`CREATE DATABASE \`${freshName}\``)

  const url = new URL(database.url)
  url.pathname = `/${freshName}`

  return openDatabase({ url: url.href, connectionLimit: 3 })
}

async function selectRows(fresh: KeepDatabase, sql: string): Promise<RowDataPacket[]> {
  const [rows] = await fresh.pool.query<RowDataPacket[]>(sql, [freshName])

  return rows
}

describe('migrateDatabase', () => {
  it('should find its migrations from any working directory', () => {
    expect(isAbsolute(MIGRATIONS_FOLDER)).toBe(true)
    expect(existsSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'))).toBe(true)
  })

  it('should create the tables, collations and indexes on a fresh database', async () => {
    const fresh = await openFreshDatabase()

    try {
      await migrateDatabase(fresh.db)

      const columns = await selectRows(
        fresh,
        `SELECT CONCAT(table_name, '.', column_name) AS name, collation_name AS collation
         FROM information_schema.columns WHERE table_schema = ? AND collation_name IS NOT NULL`
      )
      const indexes = await selectRows(
        fresh,
        `SELECT DISTINCT index_name AS name FROM information_schema.statistics
         WHERE table_schema = ? AND table_name = 'sessions'`
      )

      expect(
        Object.fromEntries(columns.map((row) => [String(row['name']), String(row['collation'])]))
      ).toMatchObject({
        'users.id': 'ascii_bin',
        'users.username': 'utf8mb4_general_ci',
        'sessions.token_hash': 'ascii_bin',
        'sessions.username': 'utf8mb4_general_ci',
        'sessions.address': 'utf8mb4_general_ci',
        'sessions.type': 'ascii_bin',
      })
      expect(indexes.map((row) => String(row['name'])).sort()).toEqual(
        ['PRIMARY', 'sessions_token_hash_unique', ...Object.values(SESSION_INDEXES)].sort()
      )
    } finally {
      await fresh.close()
    }
  })

  it('should do nothing when the database is up to date, even when instances race', async () => {
    const fresh = await openFreshDatabase()

    try {
      await Promise.all([migrateDatabase(fresh.pool), migrateDatabase(fresh.db)])
      const applied = await selectRows(fresh, 'SELECT hash FROM __drizzle_migrations')

      await migrateDatabase(fresh.db)

      expect(await selectRows(fresh, 'SELECT hash FROM __drizzle_migrations')).toEqual(applied)
      expect(applied.length).toBeGreaterThan(0)
    } finally {
      await fresh.close()
    }
  })
})
