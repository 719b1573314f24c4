import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { generateMySQLDrizzleJson, generateMySQLMigration } from 'drizzle-kit/api'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { drizzle } from 'drizzle-orm/mysql2'
import { migrate } from 'drizzle-orm/mysql2/migrator'
import type { RowDataPacket } from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { describeDeclaredSchema, findTables } from '../testing/schema-description'
import type { SchemaDescription } from '../testing/schema-description'
import { openScratchDatabase } from '../testing/scratch-database'
import type { ScratchDatabase } from '../testing/scratch-database'
import { describeStoredSchema } from '../testing/stored-schema'
import { openTestDatabase } from '../testing/test-database'
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate'
import * as schema from './schema'

// drizzle-kit types its snapshots with zod 3, which resolves here to zod 4; drizzle-kit reads them.
type Snapshot = Record<string, unknown>

interface Journal {
  readonly entries: readonly { readonly idx: number; readonly tag: string }[]
}

const database = await openTestDatabase()
const DECLARED = describeDeclaredSchema(findTables(schema))
const JOURNAL = readJson<Journal>(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'))
const MIGRATIONS = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER })
// Every point a database can have stopped at short of the last migration.
const STOPS = JOURNAL.entries.slice(0, -1).map((_, index) => index + 1)

let fresh: SchemaDescription

beforeAll(async () => {
  const scratch = await openScratchDatabase(database, 'migrated')

  try {
    await migrateDatabase(scratch.db)
    fresh = await describeStoredSchema(scratch.pool, scratch.name)
  } finally {
    await scratch.drop()
  }
})

afterAll(() => database.close())

function readJson<TValue>(path: string): TValue {
  return JSON.parse(readFileSync(path, 'utf8')) as TValue
}

/** A copy of the migrations folder that ends after the first `count` migrations. */
function copyFirstMigrations(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'keep-migrations-'))
  const entries = JOURNAL.entries.slice(0, count)

  mkdirSync(join(folder, 'meta'))
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...JOURNAL, entries }))
  for (const { tag } of entries) {
    cpSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), join(folder, `${tag}.sql`))
  }

  return folder
}

async function migrateFirst(target: ScratchDatabase, count: number): Promise<void> {
  const folder = copyFirstMigrations(count)

  try {
    await migrate(drizzle({ client: target.pool }), { migrationsFolder: folder })
  } finally {
    rmSync(folder, { recursive: true })
  }
}

async function selectApplied(target: ScratchDatabase): Promise<RowDataPacket[]> {
  const [rows] = await target.pool.query<RowDataPacket[]>(
    'SELECT id, hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY id'
  )

  return rows
}

// Written as the first migration made the table, so that it fits a database stopped anywhere.
async function addUserRow(target: ScratchDatabase): Promise<void> {
  await target.pool.query(
    `INSERT INTO users (id, username, role, password_hash, created_at)
     VALUES (REPEAT('a', 26), 'kept', 'user', 'not-a-real-hash', '2026-01-01 00:00:00.000')`
  )
}

describe('the committed migrations', () => {
  it('should leave nothing for drizzle-kit generate to write', async () => {
    const last = JOURNAL.entries.at(-1)
    const snapshotName = `${String(last?.idx).padStart(4, '0')}_snapshot.json`
    const snapshot = readJson<Snapshot>(join(MIGRATIONS_FOLDER, 'meta', snapshotName))

    const pending = await generateMySQLMigration(snapshot, await generateMySQLDrizzleJson(schema))

    expect(pending).toEqual([])
  })

  it('should build on a fresh database exactly the tables the schema declares', () => {
    expect(fresh).toEqual(DECLARED)
  })

  it.each(STOPS)(
    'should bring a database stopped after %i migrations to the fresh schema, the rest alone',
    async (stop) => {
      const stopped = await openScratchDatabase(database, `stopped_${stop}`)

      try {
        await migrateFirst(stopped, stop)
        await addUserRow(stopped)
        const before = await selectApplied(stopped)

        await migrateDatabase(stopped.db)
        const after = await selectApplied(stopped)
        const [users] = await stopped.pool.query<RowDataPacket[]>('SELECT username FROM users')

        expect(after.slice(0, stop)).toEqual(before)
        expect(after.map((row) => String(row['hash']))).toEqual(MIGRATIONS.map((m) => m.hash))
        expect(users.map((row) => String(row['username']))).toEqual(['kept'])
        expect(await describeStoredSchema(stopped.pool, stopped.name)).toEqual(fresh)
      } finally {
        await stopped.drop()
      }
    }
  )
})
