import type { RowDataPacket } from 'mysql2/promise'

import { ADMIN_DATABASE, connectTo, createKeepDatabase } from '../db/keep-database'
import { codeBlock, fixed, ms, table, times, whole } from '../lib/format'
import { median, ratio, timed } from '../lib/stats'
import { seedBulkSessions } from '../seed/bulk-sessions'
import { COUNT_ALL, openQueryTarget, STATS_PARTS, STORE_QUERIES } from './admin-query-set'
import type { AdminQuery, QueryTarget } from './admin-query-set'
import type { Scenario, ScenarioContext, Section, TargetCheck } from './types'

const QUERIES = [...STORE_QUERIES, COUNT_ALL, ...STATS_PARTS]

interface SizeResult {
  readonly size: number
  readonly seedSeconds: number
  readonly users: number
  /** Median milliseconds per query name, over the runs. */
  readonly ms: ReadonlyMap<string, number>
  readonly plans: readonly { readonly name: string; readonly sql: string; readonly plan: string }[]
}

export const adminQueries: Scenario = {
  number: 3,
  title: 'Admin queries by table size',
  run: async (context) => {
    const results: SizeResult[] = []
    const sizes = context.settings.admin.sizes
    const largest = Math.max(...sizes)

    for (const size of sizes) {
      results.push(await measureSize(context, { size, explain: size === largest }))
    }

    await context.server.drop(ADMIN_DATABASE)

    return describe(context, results)
  },
}

async function measureSize(
  context: ScenarioContext,
  input: { readonly size: number; readonly explain: boolean }
): Promise<SizeResult> {
  const url = await createKeepDatabase(context.server, ADMIN_DATABASE)
  const seededAt = new Date()
  const connection = await connectTo(url)
  const seeding = await timed(() =>
    seedBulkSessions(connection, { sessions: input.size, now: seededAt, expiredShare: 0 })
  )
  const search = `user-${Math.ceil(seeding.value.users / 2)}`
  const target = await openQueryTarget({ url, seededAt, search })

  context.log(`  ${whole(input.size)} sessions seeded in ${fixed(seeding.ms / 1000, 1)} s`)

  try {
    const perRun = new Map<string, number[]>(QUERIES.map((query) => [query.name, []]))

    for (let run = 0; run < context.settings.runs; run += 1) {
      for (const query of QUERIES) {
        perRun
          .get(query.name)
          ?.push(
            await timeQuery(target, { query, repetitions: context.settings.admin.repetitions })
          )
      }
    }

    const plans = input.explain ? await explainAll(target, connection) : []

    return {
      size: input.size,
      seedSeconds: seeding.ms / 1000,
      users: seeding.value.users,
      ms: new Map([...perRun].map(([name, values]) => [name, median(values)])),
      plans,
    }
  } finally {
    await target.close()
    await connection.end()
  }
}

/** Median of the timed repetitions, after two untimed ones. */
async function timeQuery(
  target: QueryTarget,
  job: { readonly query: AdminQuery; readonly repetitions: number }
): Promise<number> {
  const samples: number[] = []

  for (let index = 0; index < job.repetitions + 2; index += 1) {
    const { ms: elapsed } = await timed(() => job.query.run(target))

    if (index >= 2) samples.push(elapsed)
  }

  return median(samples)
}

/** MariaDB's ANALYZE: the EXPLAIN plan, plus the rows each step really read (r_rows). */
async function explainAll(target: QueryTarget, connection: Awaited<ReturnType<typeof connectTo>>) {
  const plans = []

  for (const query of QUERIES) {
    await query.run(target)

    const { sql, params } = target.lastStatement()
    const [rows] = await connection.query<RowDataPacket[]>(`ANALYZE ${sql}`, params)

    plans.push({
      name: query.name,
      sql: inline(connection, { sql, params }),
      plan: planTable(rows),
    })
  }

  return plans
}

function inline(
  connection: Awaited<ReturnType<typeof connectTo>>,
  statement: { readonly sql: string; readonly params: unknown[] }
): string {
  return connection.format(statement.sql, statement.params)
}

const PLAN_COLUMNS = [
  'id',
  'select_type',
  'table',
  'type',
  'key',
  'key_len',
  'rows',
  'r_rows',
  'filtered',
  'r_filtered',
  'Extra',
]

function planTable(rows: readonly RowDataPacket[]): string {
  return table(
    PLAN_COLUMNS,
    rows.map((row) => PLAN_COLUMNS.map((column) => String(row[column] ?? '')))
  )
}

function describe(context: ScenarioContext, results: readonly SizeResult[]): Section {
  const smallest = results[0]
  const largest = results.at(-1)

  if (!smallest || !largest) {
    throw new Error('Scenario 3 measured no size')
  }

  const header = [
    'query',
    ...results.map((result) => `${whole(result.size)} sessions`),
    `${whole(largest.size)} ÷ ${whole(smallest.size)}`,
  ]
  const rows = QUERIES.map((query) => {
    const small = smallest.ms.get(query.name) ?? Number.NaN
    const large = largest.ms.get(query.name) ?? Number.NaN

    return [
      query.name,
      ...results.map((result) => ms(result.ms.get(query.name) ?? Number.NaN)),
      times(ratio(large, small)),
    ]
  })
  const statsRatios = results.map((result) => [
    whole(result.size),
    times(ratio(result.ms.get('stats') ?? Number.NaN, result.ms.get(COUNT_ALL.name) ?? Number.NaN)),
  ])

  return {
    title: '3. Admin queries by table size',
    body: [
      `Sessions seeded 1 to 20 per user, 70 % REST API, 20 % Browser, 10 % Other, Last Active spread over the idle window with most activity recent; ANALYZE TABLE after seeding. Each query through MySqlSessionStore (list/stats) with the activity window of the seeding instant; median of ${context.settings.runs} runs, each the median of ${context.settings.admin.repetitions} timed calls after 2 untimed ones. Times include the round trip and mapping rows to sessions.`,
      '',
      table(header, rows),
      '',
      table(
        ['sessions', 'users', 'seeding'],
        results.map((result) => [
          whole(result.size),
          whole(result.users),
          `${fixed(result.seedSeconds, 1)} s`,
        ])
      ),
      '',
      'Stats ÷ plain COUNT(*), same table, same run:',
      '',
      table(['sessions', 'stats ÷ COUNT(*)'], statsRatios),
      '',
      `### Plans at ${whole(largest.size)} sessions`,
      '',
      ...largest.plans.flatMap((plan) => [
        `**${plan.name}**`,
        '',
        codeBlock(plan.sql, 'sql'),
        '',
        plan.plan,
        '',
      ]),
    ].join('\n'),
    targets: buildTargets(smallest, largest),
    findings: explainAdminQueries(smallest, largest),
  }
}

function buildTargets(smallest: SizeResult, largest: SizeResult): TargetCheck[] {
  const scale = `${whole(largest.size)} vs ${whole(smallest.size)}`
  const pageTarget = (name: string): TargetCheck => {
    const small = smallest.ms.get(name) ?? Number.NaN
    const large = largest.ms.get(name) ?? Number.NaN

    return {
      name: `${name} at ${whole(largest.size)} ≤ 2× its cost at ${whole(smallest.size)}`,
      pass: large <= 2 * small,
      figures: `${ms(large)} vs ${ms(small)} (${times(ratio(large, small))}, ${scale})`,
    }
  }
  const stats = largest.ms.get('stats') ?? Number.NaN
  const count = largest.ms.get(COUNT_ALL.name) ?? Number.NaN
  const [, firstPage, deepPage] = STORE_QUERIES

  return [
    ...(firstPage ? [pageTarget(firstPage.name)] : []),
    ...(deepPage ? [pageTarget(deepPage.name)] : []),
    {
      name: `stats at ${whole(largest.size)} ≤ 1.5× a plain COUNT(*)`,
      pass: stats <= 1.5 * count,
      figures: `${ms(stats)} vs ${ms(count)} (${times(ratio(stats, count))})`,
    },
  ]
}

function explainAdminQueries(smallest: SizeResult, largest: SizeResult): string[] {
  const [windowCount, distinctUsers] = STATS_PARTS
  const get = (result: SizeResult, name: string | undefined) =>
    name ? (result.ms.get(name) ?? Number.NaN) : Number.NaN
  const stats = get(largest, 'stats')
  const count = get(largest, COUNT_ALL.name)
  const inWindow = get(largest, windowCount?.name)
  const distinct = get(largest, distinctUsers?.name)
  const search = STORE_QUERIES.find((query) => query.name.startsWith('search'))?.name
  const searchLarge = get(largest, search)
  const searchSmall = get(smallest, search)

  return [
    `Stats at ${whole(largest.size)} sessions: ${ms(stats)}, ${times(ratio(stats, count))} a plain COUNT(*) (${ms(count)}). Its parts alone: COUNT(*) over the activity window ${ms(inWindow)} (${times(ratio(inWindow, count))}), COUNT(DISTINCT user_id) over the window ${ms(distinct)} (${times(ratio(distinct, count))}). Counting distinct users must meet every active session once, so the stats grow with the active sessions, as COUNT(*) grows with the table; the stats read one narrow index in user order and count each user as its entries stream past, without a temporary table. See the plans below.`,
    `Search at ${whole(largest.size)} sessions: ${ms(searchLarge)}, ${times(ratio(searchLarge, searchSmall))} its cost at ${whole(smallest.size)}. A case-insensitive substring match (LIKE '%…%') cannot seek an index: a needle that matches one user reads the whole list index, narrow as it is, before it knows the page is complete. Pages, filters and sorts stay flat; a substring search grows with the table.`,
  ]
}
