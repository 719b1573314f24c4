import { globalFetch, resolveBaseUrl, send } from './transport.js'
import type { FetchLike, Transport } from './transport.js'
import { toSearchParams } from './session-query.js'
import type { KeepClient, LoginMethod } from './keep-client.js'
import type {
  BulkDeleteResult,
  CookieLoginResult,
  ListSessionsQuery,
  LoginCredentials,
  LoginOptions,
  LoginResult,
  Me,
  NewUser,
  SessionItem,
  SessionPage,
  SessionStats,
  User,
} from './types.js'

export interface KeepClientOptions {
  /** The Keep root URL, such as `https://keep.example.com/keep`; the client appends `/api/...`. */
  readonly baseUrl: string
  /** A bearer token from {@link KeepClient.login}; leave it out in cookie mode. */
  readonly token?: string | undefined
  /** The fetch to send requests with; defaults to `globalThis.fetch`. */
  readonly fetch?: FetchLike | undefined
  /** Passed to every fetch; `'include'` sends the session cookie to another origin. */
  readonly credentials?: RequestCredentials | undefined
}

/**
 * A client for Keep's API. The client holds no state beyond its options: logging in answers
 * a token, and {@link KeepClient.withToken} makes the client that sends it.
 *
 * @example
 * const anonymous = createKeepClient({ baseUrl: 'https://keep.example.com/keep' })
 * const { token } = await anonymous.login({ username: 'ops-bot', password })
 * const keep = anonymous.withToken(token)
 * const stats = await keep.getSessionStats()
 */
export function createKeepClient(options: KeepClientOptions): KeepClient {
  const transport: Transport = {
    baseUrl: resolveBaseUrl(options.baseUrl),
    token: options.token,
    fetch: options.fetch ?? globalFetch,
    credentials: options.credentials,
  }

  return {
    login: ((credentials: LoginCredentials, loginOptions?: LoginOptions) =>
      login(transport, credentials, loginOptions)) as LoginMethod,
    logout: () => logout(transport),
    me: () => send<Me>(transport, { method: 'GET', path: '/me' }),
    createUser: (user) => createUser(transport, user),
    getSessionStats: () => send<SessionStats>(transport, { method: 'GET', path: STATS_PATH }),
    listSessions: (query = {}) => listSessions(transport, query),
    iterateSessions: (query = {}) => iterateSessions(transport, query),
    deleteSession: (id) => deleteSession(transport, id),
    deleteSessions: (ids) => deleteSessions(transport, ids),
    withToken: (token) => createKeepClient({ ...options, token }),
  }
}

const SESSIONS_PATH = '/admin/sessions'
const STATS_PATH = `${SESSIONS_PATH}/stats`

function login(
  transport: Transport,
  credentials: LoginCredentials,
  options: LoginOptions = {}
): Promise<LoginResult | CookieLoginResult> {
  const { username, password } = credentials
  const body = options.cookie ? { username, password, cookie: true } : { username, password }

  return send(transport, { method: 'POST', path: '/auth/login', body, anonymous: true })
}

async function logout(transport: Transport): Promise<void> {
  // An empty JSON body: the server accepts a cookie-authenticated state change only as JSON.
  await send(transport, { method: 'POST', path: '/auth/logout', body: {} })
}

function createUser(transport: Transport, user: NewUser): Promise<User> {
  const { username, password, role } = user

  return send(transport, {
    method: 'POST',
    path: '/admin/users',
    body: { username, password, role },
  })
}

function listSessions(transport: Transport, query: ListSessionsQuery): Promise<SessionPage> {
  return send(transport, { method: 'GET', path: SESSIONS_PATH, query: toSearchParams(query) })
}

async function* iterateSessions(
  transport: Transport,
  query: ListSessionsQuery
): AsyncGenerator<SessionItem, void, undefined> {
  let cursor = query.cursor

  do {
    const page = await listSessions(transport, { ...query, cursor })

    yield* page.items

    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
}

async function deleteSession(transport: Transport, id: string): Promise<void> {
  // An empty id would address the session list instead of a session.
  if (!id) {
    throw new TypeError('deleteSession needs a session id')
  }

  await send(transport, { method: 'DELETE', path: `${SESSIONS_PATH}/${encodeURIComponent(id)}` })
}

function deleteSessions(transport: Transport, ids: readonly string[]): Promise<BulkDeleteResult> {
  const path = `${SESSIONS_PATH}/delete`

  return send(transport, { method: 'POST', path, body: { ids: [...ids] } })
}
