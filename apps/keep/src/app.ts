import { fileURLToPath } from 'node:url'

import {
  clientInfo,
  createKeepApi,
  createScryptHasher,
  createSessionService,
  silentLogger,
} from '@keep/api'
import type { Logger, PasswordHasher, SessionService } from '@keep/api'
import { systemClock } from '@keep/core'
import type { Clock } from '@keep/core'
import { Hono } from 'hono'

import type { KeepConfig } from './env'
import { mountHealth } from './http/health'
import type { HostEnv } from './http/host-env'
import { mountWebUi } from './http/web-ui'
import { createLegacyRoutes } from './legacy/routes'
import { createRpcRoutes } from './rpc/routes'
import { openMemoryStores } from './stores'
import type { KeepStores } from './stores'

/** Where `vite build` puts the web UI. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url))

export interface KeepAppDeps {
  readonly stores: KeepStores
  readonly logger: Logger
  readonly clock: Clock
  readonly passwords: PasswordHasher
  /** The folder of the built web UI. */
  readonly webRoot: string
}

export interface KeepApp {
  readonly app: Hono<HostEnv>
  readonly service: SessionService
  readonly deps: KeepAppDeps
}

/**
 * Keep's HTTP surface: the REST API, the legacy UI, JSON-RPC, health and the web UI, over one
 * session service. Missing deps default to memory stores, the system clock and no logging.
 */
export function createKeepApp(config: KeepConfig, overrides: Partial<KeepAppDeps> = {}): KeepApp {
  const deps: KeepAppDeps = {
    stores: overrides.stores ?? openMemoryStores(),
    logger: overrides.logger ?? silentLogger,
    clock: overrides.clock ?? systemClock,
    passwords: overrides.passwords ?? createScryptHasher(),
    webRoot: overrides.webRoot ?? DEFAULT_WEB_ROOT,
  }
  const service = createSessionService({
    ...deps.stores,
    passwords: deps.passwords,
    clock: deps.clock,
    policy: config.policy,
    loginLimits: config.loginLimits,
    serverName: config.serverName,
  })
  const channel = { service, logger: deps.logger, serverName: config.serverName }
  const app = new Hono<HostEnv>()

  app.get('/', (c) => c.redirect('/keep/', 302))
  app.get('/keep', (c) => c.redirect('/keep/', 301))

  mountHealth(app, { stores: deps.stores, serverName: config.serverName })

  app.route(
    '/',
    createKeepApi({
      ...channel,
      sessions: deps.stores.sessions,
      users: deps.stores.users,
      passwords: deps.passwords,
      clock: deps.clock,
      policy: config.policy,
      trustedProxies: config.trustedProxies,
    })
  )

  app.use('/keep/legacy/*', clientInfo({ trustedProxies: config.trustedProxies }))
  app.use('/keep/rpc', clientInfo({ trustedProxies: config.trustedProxies }))
  app.route('/', createLegacyRoutes(channel))
  app.route('/', createRpcRoutes(channel))

  mountWebUi(app, deps.webRoot)

  return { app, service, deps }
}
