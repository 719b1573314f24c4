import type { Connection, RowDataPacket } from 'mysql2/promise'

interface IndexColumn extends RowDataPacket {
  readonly INDEX_NAME: string
  readonly COLUMN_NAME: string
  readonly SUB_PART: number | null
  readonly NON_UNIQUE: number
}

interface IndexDefinition {
  readonly unique: boolean
  readonly columns: readonly string[]
}

/**
 * Runs a bulk load with the table's plain secondary indexes dropped, then builds them again in
 * one ALTER, which sorts instead of inserting a million random keys into each. The primary
 * key and the index behind the foreign key stay throughout; unique keys are checked when
 * they are built again. The table must come
 * out exactly as it went in, which is checked against SHOW CREATE TABLE.
 */
export async function withDeferredIndexes(
  connection: Connection,
  job: { readonly table: string; readonly load: () => Promise<void> }
): Promise<void> {
  const before = await showCreate(connection, job.table)
  const indexes = await listDeferrable(connection, job.table)

  if (indexes.size > 0) {
    const drops = [...indexes.keys()].map((name) => `DROP INDEX \`${name}\``)

    await connection.query(`ALTER TABLE \`${job.table}\` ${drops.join(', ')}`)
  }

  await job.load()

  if (indexes.size > 0) {
    const adds = [...indexes].map(
      ([name, index]) =>
        `ADD ${index.unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${index.columns.join(', ')})`
    )

    await connection.query(`ALTER TABLE \`${job.table}\` ${adds.join(', ')}`)
  }

  if ((await showCreate(connection, job.table)) !== before) {
    throw new Error(`Rebuilding the indexes of ${job.table} did not restore its definition`)
  }
}

async function listDeferrable(connection: Connection, table: string) {
  const [rows] = await connection.query<IndexColumn[]>(
    `SELECT s.INDEX_NAME, s.COLUMN_NAME, s.SUB_PART, s.NON_UNIQUE
       FROM information_schema.STATISTICS s
      WHERE s.TABLE_SCHEMA = DATABASE() AND s.TABLE_NAME = ? AND s.INDEX_NAME <> 'PRIMARY'
        AND s.INDEX_NAME NOT IN (
          SELECT i.INDEX_NAME FROM information_schema.STATISTICS i
           JOIN information_schema.KEY_COLUMN_USAGE k
             ON k.TABLE_SCHEMA = i.TABLE_SCHEMA AND k.TABLE_NAME = i.TABLE_NAME
            AND k.COLUMN_NAME = i.COLUMN_NAME AND k.REFERENCED_TABLE_NAME IS NOT NULL
          WHERE i.TABLE_SCHEMA = DATABASE() AND i.TABLE_NAME = ? AND i.SEQ_IN_INDEX = 1)
      ORDER BY s.INDEX_NAME, s.SEQ_IN_INDEX`,
    [table, table]
  )
  const indexes = new Map<string, IndexDefinition>()

  for (const row of rows) {
    const column = `\`${row.COLUMN_NAME}\`${row.SUB_PART ? `(${row.SUB_PART})` : ''}`
    const known = indexes.get(row.INDEX_NAME)

    indexes.set(row.INDEX_NAME, {
      unique: row.NON_UNIQUE === 0,
      columns: [...(known?.columns ?? []), column],
    })
  }

  return indexes
}

async function showCreate(connection: Connection, table: string): Promise<string> {
  const [rows] = await connection.query<RowDataPacket[]>(`SHOW CREATE TABLE \`${table}\``)

  // The order of the KEY lines follows creation; what they say is what must not change.
  return String(rows[0]?.['Create Table'] ?? '')
    .split('\n')
    .map((line) => line.trim().replace(/,$/, ''))
    .sort()
    .join('\n')
}
