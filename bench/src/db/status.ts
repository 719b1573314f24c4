import type { RowDataPacket } from 'mysql2/promise'

import { median } from '../lib/stats'
import type { DbServer } from './server'

/**
 * The global status counters that tell how much work the server did. MariaDB 10.11 has no
 * Innodb_rows_* counters; the Handler_* ones count rows the same way (Handler_update only when
 * a row's value really changed, internal temporary tables apart in Handler_tmp_*).
 */
export const COUNTERS = [
  'Questions',
  'Com_select',
  'Com_insert',
  'Com_update',
  'Com_delete',
  'Com_stmt_execute',
  'Handler_read_key',
  'Handler_read_next',
  'Handler_write',
  'Handler_update',
  'Handler_delete',
  'Innodb_buffer_pool_reads',
] as const

export type Counter = (typeof COUNTERS)[number]
export type Counters = Record<Counter, number>

/**
 * Snapshots of the server-wide counters, less what the snapshots themselves add (measured by
 * taking snapshots back to back with nothing else running). The counters are global: other
 * clients of the server show up in them, which is why the bench runs on a quiet server.
 */
export interface StatusProbe {
  /** Starts a measurement; the returned function ends it and answers the counter deltas. */
  begin(): Promise<() => Promise<Counters>>
  readonly overhead: Counters
}

export async function createStatusProbe(server: DbServer): Promise<StatusProbe> {
  const snapshot = () => readCounters(server)
  const overhead = await measureOverhead(snapshot)

  return {
    overhead,
    begin: async () => {
      const before = await snapshot()

      return async () => subtract(subtract(await snapshot(), before), overhead)
    },
  }
}

async function readCounters(server: DbServer): Promise<Counters> {
  const [rows] = await server.admin.query<RowDataPacket[]>(
    'SHOW GLOBAL STATUS WHERE Variable_name IN (?)',
    [COUNTERS]
  )
  const values = new Map(rows.map((row) => [String(row['Variable_name']), Number(row['Value'])]))

  return Object.fromEntries(COUNTERS.map((name) => [name, values.get(name) ?? 0])) as Counters
}

async function measureOverhead(snapshot: () => Promise<Counters>): Promise<Counters> {
  const deltas: Counters[] = []

  for (let attempt = 0; attempt < 7; attempt += 1) {
    const before = await snapshot()
    deltas.push(subtract(await snapshot(), before))
  }

  return Object.fromEntries(
    COUNTERS.map((name) => [name, median(deltas.map((delta) => delta[name]))])
  ) as Counters
}

function subtract(after: Counters, before: Counters): Counters {
  return Object.fromEntries(COUNTERS.map((name) => [name, after[name] - before[name]])) as Counters
}

/** Counter deltas divided by a number of requests. */
export function perRequest(counters: Counters, requests: number): Counters {
  return Object.fromEntries(
    COUNTERS.map((name) => [name, requests > 0 ? counters[name] / requests : Number.NaN])
  ) as Counters
}

/** Statements that write: what a request costs the server's redo log and locks. */
export function writeStatements(counters: Counters): number {
  return counters.Com_insert + counters.Com_update + counters.Com_delete
}

export function rowWrites(counters: Counters): number {
  return counters.Handler_write + counters.Handler_update + counters.Handler_delete
}
