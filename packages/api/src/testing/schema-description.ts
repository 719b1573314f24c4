import { SQL, is } from 'drizzle-orm'
import { MySqlTable, getTableConfig } from 'drizzle-orm/mysql-core'
import type { IndexColumn, MySqlColumn } from 'drizzle-orm/mysql-core'

/**
 * Each table as sorted lines, one a column, index or foreign key, so that a schema declared in
 * Drizzle and one read from a database compare as plain values with a readable difference.
 */
export type SchemaDescription = Record<string, string[]>

export interface ColumnFacts {
  readonly notNull: boolean
  readonly autoIncrement: boolean
  readonly hasDefault: boolean
}

export interface ForeignKeyFacts {
  readonly columns: readonly string[]
  readonly foreignTable: string
  readonly foreignColumns: readonly string[]
  readonly onDelete: string
  readonly onUpdate: string
}

export function describeColumn(name: string, type: string, facts: ColumnFacts): string {
  const flags = [
    facts.notNull ? 'not null' : 'null',
    facts.autoIncrement ? 'auto_increment' : '',
    facts.hasDefault ? 'default' : '',
  ]

  return ['column', name, type.toLowerCase(), ...flags].filter(Boolean).join(' ')
}

export function describeIndex(name: string, unique: boolean, columns: readonly string[]): string {
  return `index ${name}${unique ? ' unique' : ''} (${columns.join(', ')})`
}

export function describeForeignKey(name: string, key: ForeignKeyFacts): string {
  const target = `${key.foreignTable} (${key.foreignColumns.join(', ')})`
  const rules = `on delete ${key.onDelete} on update ${key.onUpdate}`.toLowerCase()

  return `foreign key ${name} (${key.columns.join(', ')}) references ${target} ${rules}`
}

/** The tables among a module's exports, as `import * as schema` hands them over. */
export function findTables(exports: Record<string, unknown>): MySqlTable[] {
  return Object.values(exports).filter((value): value is MySqlTable => is(value, MySqlTable))
}

/** What the tables declare, in the lines a database with exactly these tables would show. */
export function describeDeclaredSchema(tables: readonly MySqlTable[]): SchemaDescription {
  return Object.fromEntries(tables.map((table) => describeDeclaredTable(table)))
}

function describeDeclaredTable(table: MySqlTable): [string, string[]] {
  const config = getTableConfig(table)
  const primary = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary)
  const uniques = config.columns.filter((column) => column.isUnique)
  const lines = [
    ...config.columns.map(describeDeclaredColumn),
    ...(primary.length > 0 ? [describeIndex('PRIMARY', true, namesOf(primary))] : []),
    ...uniques.map((column) => describeIndex(column.uniqueName ?? '', true, [column.name])),
    ...config.indexes.map(({ config: index }) =>
      describeIndex(index.name, index.unique === true, index.columns.map(nameOfIndexed))
    ),
    ...config.foreignKeys.map((key) => {
      const { columns, foreignTable, foreignColumns } = key.reference()

      return describeForeignKey(key.getName(), {
        columns: namesOf(columns),
        foreignTable: getTableConfig(foreignTable).name,
        foreignColumns: namesOf(foreignColumns),
        onDelete: key.onDelete ?? 'no action',
        onUpdate: key.onUpdate ?? 'no action',
      })
    }),
  ]

  return [config.name, lines.sort()]
}

function describeDeclaredColumn(column: MySqlColumn): string {
  const autoIncrement = 'autoIncrement' in column && column.autoIncrement === true

  // Drizzle counts an auto-increment as a default; the database does not.
  return describeColumn(column.name, column.getSQLType(), {
    notNull: column.notNull,
    autoIncrement,
    hasDefault: column.hasDefault && !autoIncrement,
  })
}

function nameOfIndexed(column: IndexColumn): string {
  return is(column, SQL) ? '(expression)' : column.name
}

function namesOf(columns: readonly { readonly name: string }[]): string[] {
  return columns.map((column) => column.name)
}
