import { setTimeout as sleep } from 'node:timers/promises'

import { serve } from '@hono/node-server'
import {
  createKeepApi,
  createScryptHasher,
  createSessionService,
  openDatabase,
  silentLogger,
} from '../keep-api'
import type { KeepDatabase } from '../keep-api'
import {
  DEFAULT_LOGIN_LIMITS,
  DEFAULT_SESSION_POLICY,
  MemoryLoginFailureStore,
  getActivityWindow,
  systemClock,
} from '@keep/core'

import { readConfig, runChild, tell } from './child-runtime'
import type { KeepServerConfig, SweepCommand } from './protocol'

/** Keep's real API over the MySQL stores, as a host would mount it, on a loopback port. */
const config = readConfig<KeepServerConfig>('keep')
const database = openDatabase({ url: config.databaseUrl, connectionLimit: config.poolSize })
const passwords = createScryptHasher()
const policy = DEFAULT_SESSION_POLICY
const service = createSessionService({
  sessions: database.sessions,
  users: database.users,
  loginFailures: new MemoryLoginFailureStore(),
  passwords,
  clock: systemClock,
  policy,
  loginLimits: DEFAULT_LOGIN_LIMITS,
  serverName: config.serverName,
})
const app = createKeepApi({
  service,
  sessions: database.sessions,
  users: database.users,
  passwords,
  clock: systemClock,
  policy,
  logger: silentLogger,
  trustedProxies: [],
})

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  tell({ type: 'ready', port: info.port })
})

runChild({
  server,
  close: () => database.close(),
  onCommand: async (message) => {
    if (message.type === 'sweep') {
      tell({ type: 'swept', ...(await sweep(database, message)) })
    }
  },
})

/** What the host's sweeper does: purge a batch, rest, repeat until a batch comes back short. */
async function sweep(keep: KeepDatabase, command: SweepCommand) {
  const started = performance.now()
  let rows = 0
  let batches = 0
  let busyMs = 0

  for (;;) {
    const window = getActivityWindow(policy, systemClock.now())
    const batchStarted = performance.now()
    const purged = await keep.sessions.purgeExpired({ window, batchSize: command.batchSize })

    busyMs += performance.now() - batchStarted
    rows += purged
    batches += 1

    if (purged < command.batchSize) {
      break
    }

    await sleep(command.pauseMs)
  }

  return { rows, batches, busyMs, ms: performance.now() - started }
}
