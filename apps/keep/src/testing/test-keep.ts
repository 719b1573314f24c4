import { createScryptHasher } from '@keep/api'
import type { PasswordHasher } from '@keep/api'
import { openTestDatabase } from '@keep/api/testing'
import type { TestDatabase } from '@keep/api/testing'
import { createManualClock } from '@keep/core/testing'
import type { ManualClock } from '@keep/core/testing'

import { loadConfig } from '../env'
import type { Environment, KeepConfig } from '../env'
import { startKeep } from '../start'
import type { RunningKeep } from '../start'

export const ADMIN_PASSWORD = 'admin-password-for-tests'

export interface TestKeepOptions {
  /** The database to share; Keep keeps everything in memory without one. */
  readonly databaseUrl?: string | undefined
  readonly serverName?: string
  /** A clock to share between instances; a new manual one otherwise. */
  readonly clock?: ManualClock
  /** KEEP_* settings on top of the test defaults. */
  readonly env?: Environment
  /** Replaces the cheap test hasher, for a test that must hold a log-in at its slow step. */
  readonly passwords?: PasswordHasher
}

export interface TestKeep extends RunningKeep {
  readonly config: KeepConfig
  readonly clock: ManualClock
  /** Every log line this instance wrote. */
  readonly logs: string[]
}

// Cheap scrypt: the tests log in often, and the cost is not what they are about.
export const TEST_PASSWORDS = createScryptHasher({ N: 1024, r: 8, p: 1 })

/** Keep on a random local port, logging JSON lines into `logs`. */
export async function startTestKeep(options: TestKeepOptions = {}): Promise<TestKeep> {
  const config = loadTestConfig(options)
  const clock = options.clock ?? createManualClock()
  const logs: string[] = []
  const keep = await startKeep(config, {
    clock,
    logSink: (line) => logs.push(line),
    passwords: options.passwords ?? TEST_PASSWORDS,
    sweepPauseMs: 0,
  })

  return { ...keep, config, clock, logs }
}

export function loadTestConfig(options: TestKeepOptions = {}): KeepConfig {
  const config = loadConfig({
    KEEP_PORT: '0',
    KEEP_HOST: '127.0.0.1',
    KEEP_SERVER_NAME: options.serverName ?? 'keep-test',
    KEEP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    KEEP_DATABASE_URL: options.databaseUrl,
    KEEP_LOG_FORMAT: 'json',
    KEEP_TRUSTED_PROXIES: '127.0.0.1',
    ...options.env,
  })

  if (!config.ok) {
    throw new Error(`Test configuration refused: ${config.error.join('; ')}`)
  }

  return config.value
}

export interface KeepOnMariaDb {
  readonly database: TestDatabase
  readonly keep: TestKeep
  close(): Promise<void>
}

/**
 * Keep on this test worker's MariaDB database, emptied first. Fails, never skips, when
 * MariaDB does not answer.
 */
export async function startKeepOnMariaDb(
  options: Omit<TestKeepOptions, 'databaseUrl'> = {}
): Promise<KeepOnMariaDb> {
  const database = await openTestDatabase()

  await database.reset()

  const keep = await startTestKeep({ ...options, databaseUrl: database.url }).catch(
    async (error: unknown) => {
      await database.close()
      throw error
    }
  )

  return {
    database,
    keep,
    close: async () => {
      await keep.close()
      await database.close()
    },
  }
}
