import type { Connection, RowDataPacket } from 'mysql2/promise'

import { spreadOverTouchInterval } from '../db/activity'
import { connectTo, KEEP_DATABASE } from '../db/keep-database'
import { fixed, ms, table, times, whole } from '../lib/format'
import { median, ratio, timed } from '../lib/stats'
import { pickAtRandom, runLoad, startLoad } from '../load/cannon'
import type { LoadOptions } from '../load/cannon'
import { seedBulkSessions } from '../seed/bulk-sessions'
import type { SweepReport } from '../servers/protocol'
import { KEEP_ME, keepCredentials, seedKeep, startKeep } from './contenders'
import type { Scenario, ScenarioContext, Section } from './types'

interface SweepRun {
  readonly expired: number
  readonly seedSeconds: number
  readonly sweep: SweepReport
  readonly left: number
  readonly p99Without: number
  readonly p99During: number
  readonly rpsWithout: number
  readonly rpsDuring: number
  /** Pages InnoDB had to read from disk during the sweep, server-wide. */
  readonly poolReads: number
  readonly footprint: Footprint
}

/** The sessions table against the memory InnoDB keeps pages in. */
interface Footprint {
  readonly indexes: number
  readonly tableMiB: number
  readonly bufferPoolMiB: number
}

// A sweep is bounded too: the load stops with it, or after this long.
const MAX_SWEEP_SECONDS = 1_800
const MAX_SWEEP_REQUESTS = 10_000_000
const MIB = 1024 * 1024

export const sweeper: Scenario = {
  number: 6,
  title: 'Sweeper on a large table under load',
  run: async (context) => {
    const runs: SweepRun[] = []

    for (let run = 0; run < context.settings.runs; run += 1) {
      runs.push(await sweepOnce(context))
      context.log(
        `  run ${run + 1}: ${whole(runs.at(-1)?.sweep.rows ?? 0)} rows in ${ms(runs.at(-1)?.sweep.ms ?? 0)}`
      )
    }

    return describe(context, runs)
  },
}

async function sweepOnce(context: ScenarioContext): Promise<SweepRun> {
  const seed = await seedKeep(context, context.settings.validatedSessions)
  const connection = await connectTo(context.server.urlFor(KEEP_DATABASE))
  const seeding = await timed(() =>
    seedBulkSessions(connection, {
      sessions: context.settings.sweep.rows,
      now: new Date(),
      expiredShare: 0.5,
    })
  )
  const server = await startKeep(context, 'keep')
  const base: Omit<LoadOptions, 'durationSeconds'> = {
    url: server.url,
    path: KEEP_ME,
    connections: context.settings.load.connections,
    maxRequests: context.settings.load.maxRequests,
    pick: pickAtRandom(keepCredentials(seed)),
  }

  try {
    await spreadOverTouchInterval(context.server)
    await runLoad({ ...base, durationSeconds: context.settings.load.warmupSeconds })
    await spreadOverTouchInterval(context.server)

    const without = await runLoad({
      ...base,
      durationSeconds: context.settings.load.durationSeconds,
    })
    await spreadOverTouchInterval(context.server)

    const during = startLoad({
      ...base,
      durationSeconds: MAX_SWEEP_SECONDS,
      maxRequests: MAX_SWEEP_REQUESTS,
    })
    const { batchSize, pauseMs } = context.settings.sweep
    const footprint = await measureFootprint(connection)
    const endCounters = await context.status.begin()

    server.send({ type: 'sweep', batchSize, pauseMs })

    const sweep = await server.next('swept')
    const counters = await endCounters()

    during.stop()

    const loaded = await during.done

    return {
      expired: seeding.value.expired,
      seedSeconds: seeding.ms / 1000,
      sweep,
      left: await countRows(connection),
      p99Without: without.p99,
      p99During: loaded.p99,
      rpsWithout: without.rps,
      rpsDuring: loaded.rps,
      poolReads: counters.Innodb_buffer_pool_reads,
      footprint,
    }
  } finally {
    await server.stop()
    await connection.end()
  }
}

async function measureFootprint(connection: Connection): Promise<Footprint> {
  await connection.query('ANALYZE TABLE sessions')

  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT (SELECT COUNT(DISTINCT index_name) FROM information_schema.statistics
               WHERE table_schema = DATABASE() AND table_name = 'sessions') AS indexes,
            (SELECT data_length + index_length FROM information_schema.tables
               WHERE table_schema = DATABASE() AND table_name = 'sessions') AS bytes,
            @@innodb_buffer_pool_size AS pool`
  )
  const row = rows[0]

  return {
    indexes: Number(row?.['indexes']),
    tableMiB: Number(row?.['bytes']) / MIB,
    bufferPoolMiB: Number(row?.['pool']) / MIB,
  }
}

async function countRows(connection: Connection): Promise<number> {
  const [rows] = await connection.query('SELECT COUNT(*) AS n FROM sessions')

  return Number((rows as { n: number }[])[0]?.n ?? 0)
}

function describe(context: ScenarioContext, runs: readonly SweepRun[]): Section {
  const pick = (value: (run: SweepRun) => number) => median(runs.map(value))
  const { rows, batchSize, pauseMs } = context.settings.sweep
  const sweepMs = pick((run) => run.sweep.ms)
  const purged = pick((run) => run.sweep.rows)
  const busyMs = pick((run) => run.sweep.busyMs)
  const readsPerRow = pick((run) => run.poolReads / Math.max(run.sweep.rows, 1))
  const footprint = runs.at(-1)?.footprint ?? { indexes: 0, tableMiB: 0, bufferPoolMiB: 0 }

  return {
    title: '6. Sweeper on a large table under load',
    body: [
      `${whole(rows)} sessions seeded, half of them expired (four in five idle past the window, one in five older than the maximum age), plus the ${whole(context.settings.validatedSessions)} live sessions the load validates. The sweep runs inside the Keep process under load, as the host's sweeper does: store.purgeExpired with batches of ${batchSize}, a ${pauseMs} ms pause between batches, until a batch comes back short. Medians of ${runs.length} runs (each reseeded).`,
      '',
      table(
        ['', 'median', 'per run'],
        [
          [
            'expired rows seeded',
            whole(pick((run) => run.expired)),
            runs.map((run) => whole(run.expired)).join(' / '),
          ],
          ['rows purged', whole(purged), runs.map((run) => whole(run.sweep.rows)).join(' / ')],
          [
            'rows left (all live)',
            whole(pick((run) => run.left)),
            runs.map((run) => whole(run.left)).join(' / '),
          ],
          [
            'sweep time (with pauses)',
            `${fixed(sweepMs / 1000, 1)} s`,
            runs.map((run) => `${fixed(run.sweep.ms / 1000, 1)} s`).join(' / '),
          ],
          [
            'time inside purge calls',
            `${fixed(busyMs / 1000, 1)} s`,
            runs.map((run) => `${fixed(run.sweep.busyMs / 1000, 1)} s`).join(' / '),
          ],
          ['rows/s (wall)', whole(purged / (sweepMs / 1000)), ''],
          ['rows/s (inside purge calls)', whole(purged / (busyMs / 1000)), ''],
          ['batches', whole(pick((run) => run.sweep.batches)), ''],
          [
            'load p99 without sweep',
            ms(pick((run) => run.p99Without)),
            runs.map((run) => ms(run.p99Without)).join(' / '),
          ],
          [
            'load p99 during sweep',
            ms(pick((run) => run.p99During)),
            runs.map((run) => ms(run.p99During)).join(' / '),
          ],
          [
            'p99 during ÷ without',
            times(
              ratio(
                pick((run) => run.p99During),
                pick((run) => run.p99Without)
              )
            ),
            '',
          ],
          [
            'load req/s without → during',
            `${whole(pick((run) => run.rpsWithout))} → ${whole(pick((run) => run.rpsDuring))}`,
            '',
          ],
          ['pages read from disk per purged row', fixed(readsPerRow, 1), ''],
          [
            'sessions table (data and indexes) ÷ buffer pool',
            `${whole(footprint.tableMiB)} MiB ÷ ${whole(footprint.bufferPoolMiB)} MiB`,
            '',
          ],
          [
            'seeding time',
            `${fixed(
              pick((run) => run.seedSeconds),
              1
            )} s`,
            '',
          ],
        ]
      ),
    ].join('\n'),
    targets: [],
    findings: [explainSweep({ rowsPerSecond: purged / (busyMs / 1000), readsPerRow, footprint })],
  }
}

/*
 * Deleting a row takes its entry out of every index of the table; where the buffer pool holds
 * a small part of those, nearly every entry costs a page read, and the read rate sets the pace.
 */
function explainSweep(figures: {
  rowsPerSecond: number
  readsPerRow: number
  footprint: Footprint
}): string {
  const { rowsPerSecond, readsPerRow, footprint } = figures
  const held = Math.min(1, footprint.bufferPoolMiB / Math.max(footprint.tableMiB, 1))

  const pace = `Sweeper: ${whole(rowsPerSecond)} rows/s inside purge calls, ${fixed(readsPerRow, 1)} pages read from disk per purged row.`

  if (held >= 1) {
    return `${pace} The ${whole(footprint.bufferPoolMiB)} MiB buffer pool holds the whole ${whole(footprint.tableMiB)} MiB sessions table: the sweep runs from memory.`
  }

  return `${pace} Each deleted row takes its entry out of all ${footprint.indexes} indexes of the sessions table, whose ${whole(footprint.tableMiB)} MiB the ${whole(footprint.bufferPoolMiB)} MiB buffer pool holds ${fixed(100 * held, 0)} % of, so most of those pages must be read first: the sweep's pace follows the share of the table the buffer pool holds, and a server sized to hold its sessions table sweeps from memory.`
}
