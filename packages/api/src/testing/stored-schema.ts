import type { Pool, RowDataPacket } from 'mysql2/promise'

import { describeColumn, describeForeignKey, describeIndex } from './schema-description'
import type { SchemaDescription } from './schema-description'

interface ColumnRow extends RowDataPacket {
  readonly table: string
  readonly name: string
  readonly type: string
  readonly charset: string | null
  readonly collation: string | null
  readonly nullable: string
  readonly defaultValue: string | null
  readonly extra: string
}

interface IndexRow extends RowDataPacket {
  readonly table: string
  readonly name: string
  readonly column: string
  readonly nonUnique: number
  readonly subPart: number | null
}

interface ForeignKeyRow extends RowDataPacket {
  readonly table: string
  readonly name: string
  readonly column: string
  readonly foreignTable: string
  readonly foreignColumn: string
  readonly onDelete: string
  readonly onUpdate: string
}

// Drizzle's own bookkeeping, which no schema declares.
const MIGRATIONS_TABLE = '__drizzle_migrations'
// MariaDB and MySQL 5 show a display width on integer types; Drizzle declares none.
const INT_DISPLAY_WIDTH = /^((?:tiny|small|medium|big)?int)\(\d+\)/

/** The tables of a database in the lines `describeDeclaredSchema` writes for a declaration. */
export async function describeStoredSchema(
  pool: Pool,
  database: string
): Promise<SchemaDescription> {
  const lines: [table: string, line: string][] = [
    ...(await selectColumns(pool, database)).map(toColumnLine),
    ...groupBy(await selectIndexes(pool, database)).map(toIndexLine),
    ...groupBy(await selectForeignKeys(pool, database)).map(toForeignKeyLine),
  ]
  const description: SchemaDescription = {}

  for (const [table, line] of lines.filter(([table]) => table !== MIGRATIONS_TABLE)) {
    description[table] = [...(description[table] ?? []), line].sort()
  }

  return description
}

function toColumnLine(row: ColumnRow): [string, string] {
  const charset = row.charset ? ` character set ${row.charset} collate ${row.collation}` : ''
  const type = row.type.replace(INT_DISPLAY_WIDTH, '$1') + charset

  // MariaDB shows a nullable column without a default as having the default NULL.
  return [
    row.table,
    describeColumn(row.name, type, {
      notNull: row.nullable === 'NO',
      autoIncrement: row.extra.includes('auto_increment'),
      hasDefault: row.defaultValue !== null && row.defaultValue !== 'NULL',
    }),
  ]
}

function toIndexLine(parts: IndexRow[]): [string, string] {
  const [first] = parts as [IndexRow]
  const columns = parts.map((part) => part.column + (part.subPart ? `(${part.subPart})` : ''))

  return [first.table, describeIndex(first.name, Number(first.nonUnique) === 0, columns)]
}

function toForeignKeyLine(parts: ForeignKeyRow[]): [string, string] {
  const [first] = parts as [ForeignKeyRow]

  return [
    first.table,
    describeForeignKey(first.name, {
      columns: parts.map((part) => part.column),
      foreignTable: first.foreignTable,
      foreignColumns: parts.map((part) => part.foreignColumn),
      onDelete: first.onDelete,
      onUpdate: first.onUpdate,
    }),
  ]
}

/** Rows of one index or key come in column order; this gathers them per table and name. */
function groupBy<TRow extends { readonly table: string; readonly name: string }>(
  rows: readonly TRow[]
): TRow[][] {
  const groups = new Map<string, TRow[]>()

  for (const row of rows) {
    const key = `${row.table}.${row.name}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }

  return [...groups.values()]
}

async function selectColumns(pool: Pool, database: string): Promise<ColumnRow[]> {
  const [rows] = await pool.query<ColumnRow[]>(
    `SELECT table_name AS \`table\`, column_name AS name, column_type AS type,
       character_set_name AS charset, collation_name AS collation, is_nullable AS nullable,
       column_default AS defaultValue, extra
     FROM information_schema.columns WHERE table_schema = ?`,
    [database]
  )

  return rows
}

async function selectIndexes(pool: Pool, database: string): Promise<IndexRow[]> {
  const [rows] = await pool.query<IndexRow[]>(
    `SELECT table_name AS \`table\`, index_name AS name, column_name AS \`column\`,
       non_unique AS nonUnique, sub_part AS subPart
     FROM information_schema.statistics WHERE table_schema = ?
     ORDER BY table_name, index_name, seq_in_index`,
    [database]
  )

  return rows
}

async function selectForeignKeys(pool: Pool, database: string): Promise<ForeignKeyRow[]> {
  const [rows] = await pool.query<ForeignKeyRow[]>(
    `SELECT k.table_name AS \`table\`, k.constraint_name AS name, k.column_name AS \`column\`,
       k.referenced_table_name AS foreignTable, k.referenced_column_name AS foreignColumn,
       r.delete_rule AS onDelete, r.update_rule AS onUpdate
     FROM information_schema.key_column_usage k
     JOIN information_schema.referential_constraints r
       ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
     WHERE k.table_schema = ? AND k.referenced_table_name IS NOT NULL
     ORDER BY k.table_name, k.constraint_name, k.ordinal_position`,
    [database]
  )

  return rows
}
