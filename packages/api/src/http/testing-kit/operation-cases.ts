import { createLoginLimits, generateId } from '@keep/core'
import type { SessionStore } from '@keep/core'

import { OPERATIONS } from '../operations'
import type { Operation, OperationName } from '../operations'
import { MAX_BODY_BYTES } from '../request-guards'
import { CROSS_SITE, TEST_PASSWORD, createHarness, signIn } from './harness'
import type { Harness, SendOptions, SignedIn } from './harness'
import { failing, unavailableStoreError } from './store-spies'

/** What one test of an operation works with: an API instance and an admin signed in to it. */
export interface Bed {
  readonly h: Harness
  readonly admin: SignedIn
}

/** One request to an operation, sent to its documented method and path. */
export interface Call extends Omit<SendOptions, 'method'> {
  readonly params?: Readonly<Record<string, string>>
  readonly query?: string
  /** The instance that answers, when it is not the bed's own. */
  readonly via?: Harness
}

type MakeCall = (bed: Bed) => Promise<Call>

interface OperationCase {
  /** A request the operation must answer with its documented success. */
  readonly valid: MakeCall
  /** Requests, by what is wrong with them, that only this operation can be asked. */
  readonly faults?: Readonly<Record<string, MakeCall>>
}

const NEW_USER = { username: 'eve', password: 'long enough', role: 'user' }

/** A valid request, and the faults particular to it, for every documented operation. */
const CASES: Readonly<Record<OperationName, OperationCase>> = {
  login: {
    valid: async ({ h }) => ({ json: await createCredentials(h) }),
    faults: {
      'a wrong password': async ({ h }) => ({ json: await createCredentials(h, 'wrong password') }),
      'a cookie log-in from another site': async ({ h }) => ({
        json: { ...(await createCredentials(h)), cookie: true },
        headers: CROSS_SITE,
      }),
      'an account over its limit of failures': async ({ h }) => {
        const throttled = withLoginLimit(h)
        const json = await createCredentials(h)

        await throttled.send('/auth/login', { json: { ...json, password: 'wrong password' } })

        return { json, via: throttled }
      },
      'a database that does not answer': async ({ h }) => ({
        json: await createCredentials(h),
        via: withFailingStore(h, 'create', unavailableStoreError()),
      }),
    },
  },
  logout: { valid: async ({ h }) => ({ token: (await signIn(h)).token }) },
  me: { valid: async ({ h }) => ({ token: (await signIn(h)).token }) },
  createUser: {
    valid: ({ admin }) => Promise.resolve({ token: admin.token, json: NEW_USER }),
    faults: {
      'a taken username': ({ admin }) =>
        Promise.resolve({
          token: admin.token,
          json: { ...NEW_USER, username: admin.user.username },
        }),
    },
  },
  sessionStats: { valid: asAdmin },
  listSessions: {
    valid: asAdmin,
    faults: { 'a limit of 0': async (bed) => ({ ...(await asAdmin(bed)), query: '?limit=0' }) },
  },
  deleteSession: {
    valid: async ({ h, admin }) => ({
      token: admin.token,
      params: { id: (await signIn(h)).session.id },
    }),
    faults: {
      'an id that names nothing': (bed) => deleteAsAdmin(bed, generateId()),
      'the admin’s own session': (bed) => deleteAsAdmin(bed, bed.admin.session.id),
      'a malformed id': (bed) => deleteAsAdmin(bed, 'nope'),
    },
  },
  deleteSessions: {
    valid: async ({ h, admin }) => ({
      token: admin.token,
      json: { ids: [(await signIn(h)).session.id] },
    }),
  },
  openApi: { valid: () => Promise.resolve({}) },
}

/** The valid request of an operation. */
export function makeValidCall(name: OperationName, bed: Bed): Promise<Call> {
  return CASES[name].valid(bed)
}

/** Every fault an operation can be sent, by label: those of its access and body, then its own. */
export function listFaults(name: OperationName): [string, MakeCall][] {
  const { valid, faults = {} } = CASES[name]
  const derived = Object.entries(deriveFaults(OPERATIONS[name])).map(
    ([label, spoil]): [string, MakeCall] => [label, async (bed) => spoil(await valid(bed), bed)]
  )

  return [...derived, ...Object.entries(faults)]
}

/** Sends a call to the method and path the operation documents. */
export function sendCall(bed: Bed, operation: Operation, call: Call): Promise<Response> {
  const { via, params = {}, query = '', ...options } = call
  const path = operation.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '')

  return (via ?? bed.h).send(`${path}${query}`, {
    ...options,
    method: operation.method.toUpperCase(),
  })
}

type Spoil = (call: Call, bed: Bed) => Call | Promise<Call>

function deriveFaults(operation: Operation): Record<string, Spoil> {
  const authenticated = operation.access !== 'public'

  return {
    ...(authenticated ? SESSION_FAULTS : {}),
    ...(operation.access === 'admin' ? ADMIN_FAULTS : {}),
    ...(authenticated && operation.method !== 'get' ? COOKIE_FAULTS : {}),
    ...(operation.body ? BODY_FAULTS : {}),
  }
}

const SESSION_FAULTS: Record<string, Spoil> = {
  'no session': ({ token: _token, ...call }) => call,
  'a database that does not answer': (call, { h }) => ({
    ...call,
    via: withFailingStore(h, 'findByTokenHash', unavailableStoreError()),
  }),
  'a database that fails': (call, { h }) => ({
    ...call,
    via: withFailingStore(h, 'findByTokenHash', new Error('broken')),
  }),
}

const ADMIN_FAULTS: Record<string, Spoil> = {
  'a user who is not an admin': async (call, { h }) => ({
    ...call,
    token: (await signIn(h)).token,
  }),
}

const COOKIE_FAULTS: Record<string, Spoil> = {
  'a session cookie sent from another site': ({ token, ...call }) => ({
    ...call,
    ...(token === undefined ? {} : { cookie: token }),
    headers: CROSS_SITE,
  }),
}

const BODY_FAULTS: Record<string, Spoil> = {
  'a body that is not JSON': ({ json: _json, ...call }) => ({
    ...call,
    body: 'ids=all',
    headers: { 'Content-Type': 'text/plain' },
  }),
  'malformed JSON': ({ json: _json, ...call }) => ({
    ...call,
    body: '{"ids": [',
    headers: { 'Content-Type': 'application/json' },
  }),
  'a body over the limit': (call) => ({ ...call, json: { padding: 'x'.repeat(MAX_BODY_BYTES) } }),
}

function asAdmin({ admin }: Bed): Promise<Call> {
  return Promise.resolve({ token: admin.token })
}

function deleteAsAdmin({ admin }: Bed, id: string): Promise<Call> {
  return Promise.resolve({ token: admin.token, params: { id } })
}

async function createCredentials(h: Harness, password = TEST_PASSWORD) {
  const { user } = await h.createUser()

  return { username: user.username, password }
}

function withLoginLimit(h: Harness): Harness {
  return createHarness({
    stores: h.stores,
    clock: h.clock,
    loginLimits: createLoginLimits({ perAccount: 1 }),
  })
}

function withFailingStore(h: Harness, method: keyof SessionStore, error: Error): Harness {
  const sessions = failing(h.stores.sessions, { method, error })

  return createHarness({ stores: { ...h.stores, sessions }, clock: h.clock })
}
