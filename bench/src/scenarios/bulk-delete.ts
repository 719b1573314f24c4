import { setTimeout as sleep } from 'node:timers/promises'

import { ms, table, times, whole } from '../lib/format'
import { median, percentileOfSorted, ratio, timed } from '../lib/stats'
import { bulkDelete } from '../load/api-calls'
import { pickAtRandom, startLoad } from '../load/cannon'
import type { LoadResult } from '../load/cannon'
import { addSessions, seedKeep, startKeep, steadyKeep } from './contenders'
import type { Contender } from './contenders'
import type { Scenario, ScenarioContext, Section } from './types'

interface DeleteRun {
  readonly size: number
  readonly deleteMs: number[]
  readonly p99During: number
  readonly requestsDuring: number
  readonly p99Whole: number
}

const SETTLE_MS = 1_000
const GAP_MS = 250

export const bulkDeletes: Scenario = {
  number: 4,
  title: 'Bulk delete under load',
  run: async (context) => {
    const { sizes, repeats } = context.settings.bulkDelete
    const seed = await seedKeep(context, context.settings.validatedSessions)
    const admin = await addSessions(context, { sessions: 1, label: 'bench-admin', role: 'admin' })
    const victimsNeeded =
      context.settings.runs * repeats * sizes.reduce((sum, size) => sum + size, 0)
    const victims = await addSessions(context, { sessions: victimsNeeded, label: 'bench-victim' })
    const server = await startKeep(context, 'keep')
    const contender = steadyKeep(context, { server, seed })
    const adminToken = admin.sessions[0]?.token ?? ''
    const victimIds = victims.sessions.map((session) => session.id)

    try {
      await (
        await loadFor(context, { contender, seconds: context.settings.load.warmupSeconds })
      ).done
      const baselines: number[] = []
      const runs: DeleteRun[] = []

      for (let run = 0; run < context.settings.runs; run += 1) {
        const baseline = await loadFor(context, {
          contender,
          seconds: context.settings.load.durationSeconds,
        })

        baselines.push((await baseline.done).p99)

        for (const size of sizes) {
          const ids = victimIds.splice(0, size * repeats)

          runs.push(await deleteUnderLoad(context, { contender, adminToken, ids, size }))
          context.log(
            `  run ${run + 1}, ${size} ids: ${ms(median(runs.at(-1)?.deleteMs ?? []))} per delete`
          )
        }
      }

      return describe(context, { baselines, runs })
    } finally {
      await server.stop()
    }
  },
}

/** Starts the load once the contender's data is in the state it is measured in. */
async function loadFor(
  context: ScenarioContext,
  job: { readonly contender: Contender; readonly seconds: number }
) {
  const { load } = context.settings

  await job.contender.prepare?.()

  return startLoad({
    url: job.contender.server.url,
    path: job.contender.path,
    durationSeconds: job.seconds,
    connections: load.connections,
    maxRequests: load.maxRequests,
    pick: pickAtRandom(job.contender.credentials),
  })
}

/** Deletions one after the other while the load runs; latencies of requests in flight meanwhile. */
async function deleteUnderLoad(
  context: ScenarioContext,
  job: {
    readonly contender: Contender
    readonly adminToken: string
    readonly ids: string[]
    readonly size: number
  }
): Promise<DeleteRun> {
  const running = await loadFor(context, {
    contender: job.contender,
    seconds: context.settings.load.durationSeconds,
  })
  const windows: [number, number][] = []
  const deleteMs: number[] = []

  await sleep(SETTLE_MS)

  for (let start = 0; start < job.ids.length; start += job.size) {
    const ids = job.ids.slice(start, start + job.size)
    const from = performance.now()
    const { value, ms: elapsed } = await timed(() =>
      bulkDelete(job.contender.server.url, { token: job.adminToken, ids })
    )

    if (value.deleted !== ids.length) {
      throw new Error(`Deleted ${value.deleted} of ${ids.length} sessions`)
    }

    windows.push([from, from + elapsed])
    deleteMs.push(elapsed)
    await sleep(GAP_MS)
  }

  running.stop()

  return summarize(await running.done, { windows, deleteMs, size: job.size })
}

function summarize(
  load: LoadResult,
  input: {
    readonly windows: [number, number][]
    readonly deleteMs: number[]
    readonly size: number
  }
): DeleteRun {
  const during = Float64Array.from(
    input.windows.flatMap(([from, to]) => [...load.log.overlapping(from, to)])
  ).sort()

  return {
    size: input.size,
    deleteMs: input.deleteMs,
    p99During: percentileOfSorted(during, 99),
    requestsDuring: during.length,
    p99Whole: load.p99,
  }
}

function describe(
  context: ScenarioContext,
  results: { readonly baselines: readonly number[]; readonly runs: readonly DeleteRun[] }
): Section {
  const baseline = median([...results.baselines])
  const rows = context.settings.bulkDelete.sizes.map((size) => {
    const runs = results.runs.filter((run) => run.size === size)
    const during = median(runs.map((run) => run.p99During))

    return [
      whole(size),
      ms(median(runs.flatMap((run) => run.deleteMs))),
      ms(Math.max(...runs.flatMap((run) => run.deleteMs))),
      ms(during),
      whole(median(runs.map((run) => run.requestsDuring))),
      ms(baseline),
      times(ratio(during, baseline)),
    ]
  })

  return {
    title: '4. Bulk delete under load',
    body: [
      `POST /keep/api/admin/sessions/delete as an admin, ${context.settings.bulkDelete.repeats} deletions of each size per run, ${GAP_MS} ms apart, while ${context.settings.load.connections} connections validate ${whole(context.settings.validatedSessions)} other sessions at random. "p99 during" is over the requests in flight while a deletion was; "p99 without" is a run of the same load with no deletions. Medians of ${context.settings.runs} runs.`,
      '',
      table(
        [
          'ids per request',
          'delete time (median)',
          'delete time (max)',
          'load p99 during',
          'requests during (per run)',
          'load p99 without',
          'during ÷ without',
        ],
        rows
      ),
    ].join('\n'),
    targets: [],
    findings: [],
  }
}
