import { DEFAULT_LOGIN_LIMITS, DEFAULT_SESSION_POLICY } from '@keep/core'
import type { LoginLimits, NewUser, Role, Session, SessionPolicy } from '@keep/core'
import { buildSession, buildUser, createManualClock, toSessionUser } from '@keep/core/testing'
import type { ManualClock, SessionOverrides } from '@keep/core/testing'
import type { Hono } from 'hono'

import { createScryptHasher } from '../../auth/password'
import { createSessionService } from '../../auth/session-service'
import type { Logger, LogFields } from '../../logger'
import { SESSION_COOKIE } from '../cookie'
import { createKeepApi } from '../create-keep-api'
import type { KeepApiDeps } from '../deps'
import type { KeepEnv } from '../types'
import type { StoreKit } from './store-factories'

export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error'
  readonly event: string
  readonly fields: LogFields
}

export interface HarnessOptions {
  readonly stores: StoreKit
  readonly clock?: ManualClock
  readonly policy?: SessionPolicy
  readonly loginLimits?: LoginLimits
  readonly serverName?: string
  readonly trustedProxies?: readonly string[]
}

export interface SeededUser {
  readonly user: NewUser
  readonly password: string
}

export interface SendOptions {
  readonly method?: string
  readonly token?: string
  /** Sent as the session cookie. */
  readonly cookie?: string
  /** Sent as the body, with Content-Type application/json. */
  readonly json?: unknown
  /** Sent as the body as it is, with only the headers given. */
  readonly body?: string
  readonly headers?: Record<string, string>
  readonly peer?: string
  /** The origin the request is addressed to; http://localhost unless set. */
  readonly origin?: string
}

export interface Harness {
  readonly app: Hono<KeepEnv>
  readonly clock: ManualClock
  readonly stores: StoreKit
  readonly logs: LogEntry[]
  readonly deps: KeepApiDeps
  createUser(overrides?: { role?: Role; username?: string }): Promise<SeededUser>
  openSession(overrides: SessionOverrides): Promise<{ token: string; session: Session }>
  send(path: string, options?: SendOptions): Promise<Response>
}

export const TEST_PASSWORD = 'correct horse battery staple'

// Cheap hashing keeps the suites fast; the cost is a parameter of the hash, not of its checks.
const testHasher = createScryptHasher({ N: 1024, r: 8, p: 1 })

/** An API instance over the given stores, with a manual clock and a logger that records. */
export function createHarness(options: HarnessOptions): Harness {
  const clock = options.clock ?? createManualClock()
  const logs: LogEntry[] = []
  const policy = options.policy ?? DEFAULT_SESSION_POLICY
  const { sessions, users, loginFailures } = options.stores
  const service = createSessionService({
    sessions,
    users,
    loginFailures,
    passwords: testHasher,
    clock,
    policy,
    loginLimits: options.loginLimits ?? DEFAULT_LOGIN_LIMITS,
    serverName: options.serverName ?? 'keep-test',
  })
  const deps: KeepApiDeps = {
    service,
    sessions,
    users,
    passwords: testHasher,
    clock,
    policy,
    logger: createRecordingLogger(logs),
    trustedProxies: options.trustedProxies ?? [],
  }
  const app = createKeepApi(deps)

  return {
    app,
    clock,
    stores: options.stores,
    logs,
    deps,
    createUser: (overrides) => seedUser(options.stores, overrides),
    openSession: (overrides) => seedSession(options.stores, { clock, overrides }),
    send: (path, sendOptions) => send(app, { path, options: sendOptions ?? {} }),
  }
}

export function createRecordingLogger(logs: LogEntry[]): Logger {
  return {
    info: (event, fields = {}) => logs.push({ level: 'info', event, fields }),
    warn: (event, fields = {}) => logs.push({ level: 'warn', event, fields }),
    error: (event, fields = {}) => logs.push({ level: 'error', event, fields }),
  }
}

async function seedUser(stores: StoreKit, overrides: { role?: Role; username?: string } = {}) {
  const user = buildUser({
    role: overrides.role ?? 'user',
    passwordHash: await testHasher.hash(TEST_PASSWORD),
    ...(overrides.username ? { username: overrides.username } : {}),
  })

  const created = await stores.users.create(user)

  if (!created.ok) {
    throw new Error(`Could not seed user ${user.username}: ${created.error}`)
  }

  return { user, password: TEST_PASSWORD }
}

async function seedSession(
  stores: StoreKit,
  seed: { clock: ManualClock; overrides: SessionOverrides }
): Promise<{ token: string; session: Session }> {
  const { token, session } = await buildSession({ createdAt: seed.clock.now(), ...seed.overrides })

  await stores.sessions.create(session)

  const { tokenHash: _tokenHash, ...stored } = session

  return { token, session: stored }
}

async function send(app: Hono<KeepEnv>, request: { path: string; options: SendOptions }) {
  const { path, options } = request
  const headers = new Headers(options.headers)

  if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`)
  if (options.cookie !== undefined) headers.set('Cookie', `${SESSION_COOKIE}=${options.cookie}`)
  if (options.json !== undefined && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json')
  }

  const body = options.json === undefined ? options.body : JSON.stringify(options.json)
  const url = `${options.origin ?? 'http://localhost'}/keep/api${path}`
  const env = options.peer === undefined ? undefined : { peer: options.peer }

  return app.request(url, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body }, env)
}

export interface SignedIn {
  readonly user: NewUser
  readonly token: string
  readonly session: Session
}

/** A new user of the role with one open REST session. */
export async function signIn(harness: Harness, role: Role = 'user'): Promise<SignedIn> {
  const { user } = await harness.createUser({ role })
  const { token, session } = await harness.openSession({ user: toSessionUser(user) })

  return { user, token, session }
}

/** What a browser adds to a request made by a Keep page. */
export const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' }

export const CROSS_SITE = { 'Sec-Fetch-Site': 'cross-site' }
