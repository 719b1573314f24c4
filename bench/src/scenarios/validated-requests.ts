import { DEFAULT_SESSION_POLICY } from '@keep/core'

import { fixed, ms, table, times, whole } from '../lib/format'
import { medianOf, ratio } from '../lib/stats'
import { pickAtRandom, runLoad } from '../load/cannon'
import { writeStatements } from '../db/status'
import { toFigures, withCounters } from '../load/measure'
import type { MeasuredLoad, RunFigures } from '../load/measure'
import { diagnosticContenders } from './diagnostic-contenders'
import { explainValidation } from './validated-findings'
import { boundContenders, keepContenders, peerContenders, seedKeep } from './contenders'
import type { Contender } from './contenders'
import type { Scenario, ScenarioContext, Section, TargetCheck } from './types'

interface ContenderRuns {
  readonly contender: Contender
  readonly runs: MeasuredLoad[]
}

export const validatedRequests: Scenario = {
  number: 1,
  title: 'Validated requests',
  run: async (context) => {
    const sessions = context.settings.validatedSessions
    const seed = await seedKeep(context, sessions)
    const contenders = [
      ...(await keepContenders(context, seed)),
      ...(await peerContenders(context, sessions)),
      ...(await boundContenders(context, seed)),
      ...(await diagnosticContenders(context, seed)),
    ]

    try {
      const results = await measureAll(context, contenders)

      return describe(context, results)
    } finally {
      const servers = new Set(contenders.map((contender) => contender.server))

      await Promise.all([...servers].map((server) => server.stop()))
    }
  },
}

/** Warm-up for each, then rounds in rotating order, so that no server always goes first. */
async function measureAll(context: ScenarioContext, contenders: readonly Contender[]) {
  const results = contenders.map((contender): ContenderRuns => ({ contender, runs: [] }))
  const { load } = context.settings

  for (const contender of contenders) {
    context.log(`  warm-up ${contender.label}`)
    await drive(context, { contender, seconds: load.warmupSeconds })
  }

  for (let round = 0; round < context.settings.runs; round += 1) {
    for (let step = 0; step < results.length; step += 1) {
      const entry = results[(step + round) % results.length]

      if (!entry) continue

      const measured = await drive(context, {
        contender: entry.contender,
        seconds: load.durationSeconds,
      })

      entry.runs.push(measured)
      context.log(`  run ${round + 1} ${entry.contender.label}: ${whole(measured.load.rps)} req/s`)
    }
  }

  return results
}

export async function drive(
  context: ScenarioContext,
  job: { readonly contender: Contender; readonly seconds: number }
): Promise<MeasuredLoad> {
  const { load } = context.settings

  await job.contender.prepare?.()

  return withCounters(context.status, () =>
    runLoad({
      url: job.contender.server.url,
      path: job.contender.path,
      durationSeconds: job.seconds,
      connections: load.connections,
      maxRequests: load.maxRequests,
      pick: pickAtRandom(job.contender.credentials),
    })
  )
}

/**
 * The load generator counts only the requests answered before it stopped; the server also
 * answered the ones then in flight, at most one per connection. Those are allowed for, and
 * nothing more.
 */
function statementTarget(
  context: ScenarioContext,
  keep: { readonly median: RunFigures; readonly runs: readonly MeasuredLoad[] }
): TargetCheck {
  const inFlight = context.settings.load.connections
  const excess = Math.max(
    ...keep.runs.map(
      (run) => run.counters.Questions - writeStatements(run.counters) - run.load.requests
    )
  )

  return {
    name: 'At most one statement per validated request (lookup; touch writes are bounded separately)',
    pass: excess <= inFlight,
    figures: `${fixed(keep.median.statements, 3)} statements per answered request in all, of which ${fixed(keep.median.selects, 3)} SELECT and ${fixed(keep.median.writes, 3)} touch UPDATE; beyond one read statement per answered request, at most ${whole(Math.max(excess, 0))} in a run, within the ${inFlight} requests in flight when the load stopped`,
  }
}

function describe(context: ScenarioContext, results: readonly ContenderRuns[]): Section {
  const figures = results.map((entry) => ({
    label: entry.contender.label,
    median: medianOf(entry.runs.map(toFigures) as unknown as Record<keyof RunFigures, number>[]),
    runs: entry.runs,
  }))
  const [keep, , peer, peerNoTouch, floor, ceiling, lookup] = figures

  if (!keep || !peer || !peerNoTouch || !floor || !ceiling || !lookup) {
    throw new Error('Scenario 1 lost a contender')
  }

  const rows = figures.map(({ label, median }) => [
    label,
    whole(median.rps),
    ms(median.p50),
    ms(median.p99),
    fixed(median.statements),
    fixed(median.selects),
    fixed(median.writes, 3),
    fixed(median.rowWrites, 3),
    times(ratio(keep.median.rps, median.rps)),
    whole(median.failed),
  ])
  const perRun = figures.map(({ label, runs }) => [
    label,
    runs.map((run) => whole(run.load.rps)).join(' / '),
    runs.map((run) => ms(run.load.p99)).join(' / '),
  ])
  const sessions = context.settings.validatedSessions
  const touchBound = Math.max(
    ...keep.runs.map(
      (run) => run.counters.Handler_update / (sessions * Math.ceil(run.load.seconds / 60))
    )
  )
  const targets: TargetCheck[] = [
    throughputTarget({
      keep: keep.median,
      other: peer.median,
      label: 'the peer (default touch)',
      factor: 2,
    }),
    throughputTarget({
      keep: keep.median,
      other: peerNoTouch.median,
      label: 'the peer with disableTouch',
      factor: 1.3,
    }),
    {
      name: 'Within 1.25× of the raw mysql2 floor (Keep req/s ≥ floor req/s / 1.25)',
      pass: keep.median.rps >= floor.median.rps / 1.25,
      figures: `Keep ${whole(keep.median.rps)} req/s, floor ${whole(floor.median.rps)} req/s: a Keep request costs ${times(ratio(floor.median.rps, keep.median.rps))} the floor's`,
    },
    statementTarget(context, keep),
    {
      name: 'Writes bounded by one per session per touch interval (under load)',
      pass: touchBound <= 1,
      figures: `rows updated per run at most ${fixed(touchBound * 100, 1)} % of the bound (${whole(sessions)} sessions × ⌈run / ${DEFAULT_SESSION_POLICY.touchIntervalMs / 1000} s⌉)`,
    },
  ]

  return {
    title: '1. Validated requests',
    body: [
      `${whole(sessions)} distinct live sessions per server, one drawn at random for every request; ${context.settings.load.connections} connections; median of ${context.settings.runs} runs of ${context.settings.load.durationSeconds} s after a ${context.settings.load.warmupSeconds} s warm-up each; servers measured in rotating order. Statements and row writes are per request, from the server's global status counters. Before each Keep run, Last Active of its sessions is spread evenly over the last touch interval (${DEFAULT_SESSION_POLICY.touchIntervalMs / 1000} s), the state of sessions in constant use: a steady load then writes about ${whole(sessions / (DEFAULT_SESSION_POLICY.touchIntervalMs / 1000))} touches a second. "Keep, every session due a touch" is the same server with every session last used more than a touch interval ago, the worst case (each session's first request writes); it is shown for information and is not what the targets are checked on.`,
      '',
      table(
        [
          'server',
          'req/s',
          'p50',
          'p99',
          'statements/req',
          'SELECT/req',
          'write stmts/req',
          'rows written/req',
          'Keep ÷ this',
          'non-2xx',
        ],
        rows
      ),
      '',
      'Every run (req/s, then p99):',
      '',
      table(['server', 'req/s per run', 'p99 per run'], perRun),
      '',
      'Where the time of a Keep request goes, as wall time per request of the whole machine (1 / req/s; load generator, server and database share the cores), built up from the contenders above:',
      '',
      table(
        ['step', 'µs per request', 'added by the step'],
        costSteps([
          ['HTTP round trip, Hono, no check (ceiling)', ceiling.median.rps],
          ['+ one primary-key SELECT (floor)', floor.median.rps],
          [
            "+ Keep's lookup statement (unique token-hash index, JOIN users) and SHA-256",
            lookup.median.rps,
          ],
          [
            '+ Keep itself: middleware, row mapping, session rules, touch writes (Keep)',
            keep.median.rps,
          ],
        ])
      ),
    ].join('\n'),
    targets,
    findings: explainValidation({
      keep: keep.median,
      peer: peer.median,
      floor: floor.median,
      ceiling: ceiling.median,
      lookup: lookup.median,
    }),
  }
}

function throughputTarget(input: {
  keep: Record<keyof RunFigures, number>
  other: Record<keyof RunFigures, number>
  label: string
  factor: number
}): TargetCheck {
  const { keep, other, label, factor } = input
  const speedup = ratio(keep.rps, other.rps)

  return {
    name: `≥ ${factor}× the throughput of ${label}, with a lower p99`,
    pass: speedup >= factor && keep.p99 < other.p99,
    figures: `${times(speedup)} (${whole(keep.rps)} vs ${whole(other.rps)} req/s); p99 ${ms(keep.p99)} vs ${ms(other.p99)}`,
  }
}

function costSteps(steps: readonly (readonly [string, number])[]): string[][] {
  return steps.map(([label, rps], index) => {
    const cost = 1e6 / rps
    const previous = steps[index - 1]

    return [label, fixed(cost, 0), previous ? fixed(cost - 1e6 / previous[1], 0) : '']
  })
}
