import { parseArgs } from 'node:util'

/** Everything a run can be told; the one place that reads the command line and the environment. */
export interface Settings {
  /** `mysql://user:password@host:port`, without a database. */
  readonly serverUrl: string
  readonly quick: boolean
  /** Scenario numbers to run; all of them unless narrowed with --only. */
  readonly only: ReadonlySet<number>
  /** Child servers write a V8 CPU profile into reports/profiles when they stop. */
  readonly profile: boolean
  readonly reportPath: string
  readonly runs: number
  readonly load: LoadSettings
  readonly validatedSessions: number
  readonly writeAmplification: { readonly requests: number; readonly stepMs: number }
  readonly admin: { readonly sizes: readonly number[]; readonly repetitions: number }
  readonly bulkDelete: { readonly sizes: readonly number[]; readonly repeats: number }
  readonly revocation: { readonly victims: number; readonly probes: number }
  readonly sweep: { readonly rows: number; readonly batchSize: number; readonly pauseMs: number }
}

export interface LoadSettings {
  readonly durationSeconds: number
  readonly warmupSeconds: number
  readonly connections: number
  /** Hard bound on the requests of one load run, whatever its duration. */
  readonly maxRequests: number
  /** The pool size of every server under test. */
  readonly poolSize: number
}

const DEFAULT_SERVER_URL = 'mysql://root@127.0.0.1:3306'
const REPORTS = new URL('../reports/', import.meta.url)

const FULL = {
  runs: 3,
  load: {
    durationSeconds: 10,
    warmupSeconds: 3,
    connections: 32,
    maxRequests: 400_000,
    poolSize: 10,
  },
  validatedSessions: 10_000,
  writeAmplification: { requests: 10_000, stepMs: 360 },
  admin: { sizes: [10_000, 100_000, 1_000_000], repetitions: 15 },
  bulkDelete: { sizes: [1, 100, 1_000], repeats: 4 },
  revocation: { victims: 5, probes: 200 },
  sweep: { rows: 1_000_000, batchSize: 500, pauseMs: 100 },
} as const

const QUICK = {
  runs: 1,
  load: {
    durationSeconds: 2,
    warmupSeconds: 1,
    connections: 16,
    maxRequests: 50_000,
    poolSize: 10,
  },
  validatedSessions: 1_000,
  writeAmplification: { requests: 2_000, stepMs: 360 },
  admin: { sizes: [2_000, 20_000], repetitions: 3 },
  bulkDelete: { sizes: [1, 100, 1_000], repeats: 1 },
  revocation: { victims: 2, probes: 50 },
  sweep: { rows: 20_000, batchSize: 500, pauseMs: 100 },
} as const

export function readSettings(argv: readonly string[] = process.argv.slice(2)): Settings {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  })
  const quick = values.quick
  const profile = quick ? QUICK : FULL

  return {
    serverUrl: process.env['BENCH_DATABASE_URL'] || DEFAULT_SERVER_URL,
    quick,
    only: parseOnly(values.only),
    profile: values.profile,
    reportPath: new URL(values.out ?? defaultReport(values), REPORTS).pathname,
    ...profile,
  }
}

// Only a full run of every scenario, unprofiled, replaces the committed report.
function defaultReport(values: { quick: boolean; only?: string; profile: boolean }): string {
  if (values.quick) return 'quick.md'

  return values.only || values.profile ? 'partial.md' : 'latest.md'
}

export const ALL_SCENARIOS = [1, 2, 3, 4, 5, 6] as const

function parseOnly(value: string | undefined): ReadonlySet<number> {
  if (!value) {
    return new Set(ALL_SCENARIOS)
  }

  const picked = value.split(',').map((part) => Number(part.trim()))

  if (picked.some((number) => !ALL_SCENARIOS.includes(number as 1))) {
    throw new Error(
      `--only takes scenario numbers from 1 to ${ALL_SCENARIOS.length}, comma-separated`
    )
  }

  return new Set(picked)
}

/** Where child servers put CPU profiles when --profile is given. */
export const PROFILE_DIR = new URL('profiles/', REPORTS).pathname
