import { setTimeout as sleep } from 'node:timers/promises'

import type { Logger } from '@keep/api'
import { getActivityWindow, getFailureWindowStart } from '@keep/core'
import type { Clock, LoginFailureStore, LoginLimits, SessionPolicy, SessionStore } from '@keep/core'

export interface SweeperDeps {
  readonly sessions: SessionStore
  readonly loginFailures: LoginFailureStore
  readonly clock: Clock
  readonly policy: SessionPolicy
  readonly loginLimits: LoginLimits
  readonly logger: Logger
}

export interface SweeperOptions {
  readonly intervalMs: number
  /** Sessions deleted per statement; small enough not to hold locks for long. */
  readonly batchSize?: number
  /** Rest between batches, so a large purge leaves room for requests. */
  readonly pauseMs?: number
  /** Source of jitter in [0, 1); replaceable in tests. */
  readonly random?: () => number
}

export interface SweepResult {
  readonly sessions: number
  readonly loginFailures: number
}

export interface Sweeper {
  start(): void
  /** One sweep now, or the one already running. */
  sweepNow(): Promise<SweepResult>
  /** Stops scheduling and waits for a sweep in progress to finish its batch. */
  stop(): Promise<void>
}

const DEFAULT_BATCH_SIZE = 500
const DEFAULT_PAUSE_MS = 100
// ±25 %: instances started together drift apart instead of sweeping in step.
const JITTER = 0.25
// A timer asked to wait longer than this fires at once, which would sweep non-stop.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1

/** Purges expired sessions and old login failures in the background, one sweep at a time. */
export function createSweeper(deps: SweeperDeps, options: SweeperOptions): Sweeper {
  if (options.intervalMs * (1 + JITTER) > MAX_TIMER_DELAY_MS) {
    throw new RangeError(
      `A sweep interval of ${options.intervalMs} ms is longer than a timer waits`
    )
  }

  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const random = options.random ?? Math.random
  const stopping = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<SweepResult> | undefined

  const sweepNow = () => {
    running ??= sweep(deps, {
      batchSize,
      pauseMs: options.pauseMs ?? DEFAULT_PAUSE_MS,
      signal: stopping.signal,
    }).finally(() => {
      running = undefined
    })

    return running
  }

  const schedule = () => {
    if (stopping.signal.aborted) {
      return
    }

    const delay = options.intervalMs * (1 - JITTER + 2 * JITTER * random())

    timer = setTimeout(() => {
      sweepNow()
        .catch((error: unknown) => {
          deps.logger.warn('sweep_failed', { error: describe(error) })
        })
        .finally(schedule)
    }, delay)
    timer.unref()
  }

  return {
    start: schedule,
    sweepNow,
    stop: async () => {
      stopping.abort()
      clearTimeout(timer)
      await running?.catch(() => undefined)
    },
  }
}

interface SweepOptions {
  readonly batchSize: number
  readonly pauseMs: number
  readonly signal: AbortSignal
}

async function sweep(deps: SweeperDeps, options: SweepOptions): Promise<SweepResult> {
  const sessions = await purgeSessions(deps, options)
  const since = getFailureWindowStart(deps.loginLimits, deps.clock.now())
  const loginFailures = await deps.loginFailures.purgeBefore(since)

  if (sessions > 0 || loginFailures > 0) {
    deps.logger.info('sweep_purged', { sessions, login_failures: loginFailures })
  }

  return { sessions, loginFailures }
}

async function purgeSessions(deps: SweeperDeps, options: SweepOptions): Promise<number> {
  let total = 0

  while (!options.signal.aborted) {
    const window = getActivityWindow(deps.policy, deps.clock.now())
    const purged = await deps.sessions.purgeExpired({ window, batchSize: options.batchSize })

    total += purged

    if (purged < options.batchSize) {
      break
    }

    await pause(options)
  }

  return total
}

async function pause(options: SweepOptions): Promise<void> {
  if (options.pauseMs > 0) {
    await sleep(options.pauseMs, undefined, { signal: options.signal }).catch(() => undefined)
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : 'unknown'
}
