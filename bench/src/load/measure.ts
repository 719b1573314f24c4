import { perRequest, rowWrites, writeStatements } from '../db/status'
import type { Counters, StatusProbe } from '../db/status'
import type { LoadResult } from './cannon'

/** A load run with what it cost the database server. */
export interface MeasuredLoad {
  readonly load: LoadResult
  readonly counters: Counters
}

export async function withCounters(
  status: StatusProbe,
  run: () => Promise<LoadResult>
): Promise<MeasuredLoad> {
  const end = await status.begin()
  const load = await run()

  return { load, counters: await end() }
}

/** The figures a table row shows for one measured run. */
export interface RunFigures {
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly statements: number
  readonly selects: number
  readonly writes: number
  readonly rowWrites: number
  readonly failed: number
}

export function toFigures(measured: MeasuredLoad): RunFigures {
  const { load, counters } = measured
  const each = perRequest(counters, load.requests)

  return {
    rps: load.rps,
    p50: load.p50,
    p99: load.p99,
    statements: each.Questions,
    selects: each.Com_select,
    writes: writeStatements(each),
    rowWrites: rowWrites(each),
    failed: load.failed,
  }
}

/** Asks once, outside any measurement, and fails loudly if the server refuses the credential. */
export async function checkAccepted(
  url: string,
  headers: Readonly<Record<string, string>>
): Promise<void> {
  const response = await fetch(url, { headers })

  if (response.status !== 200) {
    throw new Error(
      `${url} answered ${response.status} to a valid credential: ${await response.text()}`
    )
  }
}
