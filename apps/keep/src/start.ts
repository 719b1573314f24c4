import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import { serve } from '@hono/node-server'
import type { PasswordHasher } from '@keep/api'
import { systemClock } from '@keep/core'
import type { Clock } from '@keep/core'

import { ensureAdminAccount } from './admin-account'
import { createKeepApp } from './app'
import { formatDuration } from './duration'
import type { KeepConfig } from './env'
import { prepareDrain } from './http/drain'
import { createLogger } from './log'
import type { KeepLogger, LogSink } from './log'
import { openMemoryStores } from './stores'
import type { KeepStores } from './stores'
import { createSweeper } from './sweeper'
import type { SweepResult } from './sweeper'

export interface StartOptions {
  /** Replaces the system clock: tests move time by hand. */
  readonly clock?: Clock
  /** Receives every log line instead of stdout and stderr. */
  readonly logSink?: LogSink
  readonly passwords?: PasswordHasher
  readonly webRoot?: string
  /** Pause between purge batches of the sweeper. */
  readonly sweepPauseMs?: number
}

export interface RunningKeep {
  /** The origin Keep answers on, such as `http://127.0.0.1:3000`. */
  readonly url: string
  readonly stores: KeepStores
  readonly logger: KeepLogger
  sweepNow(): Promise<SweepResult>
  /** Stops accepting, lets requests in flight finish, stops the sweeper and closes the store. */
  close(): Promise<void>
}

/** Opens the store, makes sure the admin exists, and serves Keep until closed. */
export async function startKeep(
  config: KeepConfig,
  options: StartOptions = {}
): Promise<RunningKeep> {
  const clock = options.clock ?? systemClock
  const logger = createLogger({ format: config.logFormat, sink: options.logSink, clock })
  const stores = await openStores(config, logger)

  try {
    return await serveKeep({ config, options, clock, logger, stores })
  } catch (error) {
    await stores.close()
    throw error
  }
}

async function openStores(config: KeepConfig, logger: KeepLogger): Promise<KeepStores> {
  if (config.databaseUrl) {
    // Loaded only when needed, so that a start without a database never loads the driver.
    const { openMySqlStores } = await import('./mysql-stores')

    return openMySqlStores(config.databaseUrl)
  }

  logger.warn('memory_store', {
    message: 'No KEEP_DATABASE_URL: sessions live in memory and end when Keep stops',
  })

  return openMemoryStores()
}

interface Startup {
  readonly config: KeepConfig
  readonly options: StartOptions
  readonly clock: Clock
  readonly logger: KeepLogger
  readonly stores: KeepStores
}

async function serveKeep(startup: Startup): Promise<RunningKeep> {
  const { config, options, clock, logger, stores } = startup
  const { app, deps } = createKeepApp(config, { ...options, clock, logger, stores })

  await ensureAdminAccount({ ...deps, users: stores.users, logger }, config.adminPassword)

  const server = await listen(app.fetch, config)
  const drain = prepareDrain(server)
  const url = originOf(server, config.host)
  const sweeper = createSweeper(
    { ...stores, clock, logger, policy: config.policy, loginLimits: config.loginLimits },
    { intervalMs: config.sweepIntervalMs, pauseMs: options.sweepPauseMs }
  )

  sweeper.start()
  logger.info('keep_started', {
    url: `${url.replace('//127.0.0.1:', '//localhost:')}/keep/`,
    store: stores.kind,
    serverName: config.serverName,
    idleTimeout: formatDuration(config.policy.idleTimeoutMs),
    maxAge: formatDuration(config.policy.maxAgeMs),
  })

  return {
    url,
    stores,
    logger,
    sweepNow: () => sweeper.sweepNow(),
    close: async () => {
      await drain()
      await sweeper.stop()
      await stores.close()
      logger.info('keep_stopped', { serverName: config.serverName })
    },
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: KeepConfig): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () => {
      resolve(server)
    }) as Server

    server.once('error', reject)
  })
}

function originOf(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host

  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`
}
