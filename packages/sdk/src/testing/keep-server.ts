import type { AddressInfo } from 'node:net'

import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import {
  createAccount,
  createKeepApi,
  createScryptHasher,
  createSessionService,
  silentLogger,
} from '@keep/api'
import type { NewAccount } from '@keep/api'
import { openTestDatabase } from '@keep/api/testing'
import type { TestDatabase } from '@keep/api/testing'
import { DEFAULT_SESSION_POLICY, MemoryLoginFailureStore, createLoginLimits } from '@keep/core'
import type { LoginLimits, User } from '@keep/core'
import { createManualClock } from '@keep/core/testing'
import type { ManualClock } from '@keep/core/testing'

/** A Keep API listening on loopback, over this test worker's MariaDB/MySQL database. */
export interface KeepServer {
  /** The Keep root URL to hand to createKeepClient. */
  readonly baseUrl: string
  readonly database: TestDatabase
  readonly clock: ManualClock
  /** Creates a user straight in the store, as an operator would before any admin exists. */
  readonly createAccount: (account: NewAccount) => Promise<User>
  readonly close: () => Promise<void>
}

export interface KeepServerOptions {
  readonly loginLimits?: Partial<LoginLimits>
}

// Cheap hashing keeps log-ins fast; the cost is a parameter of the hash, not of its checks.
const passwords = createScryptHasher({ N: 1024, r: 8, p: 1 })

/** Starts the API on 127.0.0.1 on a free port, on an emptied test database. */
export async function startKeepServer(options: KeepServerOptions = {}): Promise<KeepServer> {
  const database = await openTestDatabase()
  await database.reset()

  const clock = createManualClock()
  const { sessions, users } = database.stores
  const policy = DEFAULT_SESSION_POLICY
  const service = createSessionService({
    sessions,
    users,
    loginFailures: new MemoryLoginFailureStore(),
    passwords,
    clock,
    policy,
    loginLimits: createLoginLimits(options.loginLimits),
    serverName: 'keep-sdk-test',
  })
  const app = createKeepApi({
    service,
    sessions,
    users,
    passwords,
    clock,
    policy,
    logger: silentLogger,
    trustedProxies: [],
  })
  const { server, port } = await listen(app.fetch)

  return {
    baseUrl: `http://127.0.0.1:${port}/keep`,
    database,
    clock,
    createAccount: async (account) => {
      const created = await createAccount({ users, passwords, clock }, account)

      if (!created.ok) {
        throw new Error(`Could not create ${account.username}: ${created.error}`)
      }

      return created.value
    },
    close: async () => {
      await stop(server)
      await database.close()
    },
  }
}

function listen(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ server: ServerType; port: number }>((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({ server, port: info.port })
    })
  })
}

function stop(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))

    if ('closeAllConnections' in server) {
      server.closeAllConnections()
    }
  })
}
