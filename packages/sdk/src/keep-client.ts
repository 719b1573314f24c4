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

/**
 * Typed access to Keep's API. Every method rejects with a `KeepClientError` when Keep (or
 * something in front of it) answers with an error, and with a `KeepNetworkError` when no
 * answer arrives. Methods do not use `this`, so they may be passed around on their own.
 */
export interface KeepClient {
  /**
   * Logs in. By default opens a `rest` session and answers its bearer token, for
   * {@link KeepClient.withToken}; with `{ cookie: true }` the server keeps the session in an
   * HttpOnly cookie instead and answers no token. Rejects with `invalid_credentials`, or
   * `too_many_attempts` with `retryAfterSeconds`.
   *
   * @example
   * const { token, user } = await keep.login({ username: 'ops-bot', password })
   * const authed = keep.withToken(token)
   */
  readonly login: LoginMethod

  /**
   * Ends the caller's session; its token or cookie is refused from then on.
   *
   * @example
   * await keep.logout()
   */
  readonly logout: () => Promise<void>

  /**
   * Who the client is acting as, and its session.
   *
   * @example
   * const { user, session } = await keep.me()
   */
  readonly me: () => Promise<Me>

  /**
   * Creates a user (admins only). Rejects with code `username_taken` when the name is in use.
   *
   * @example
   * const user = await keep.createUser({ username: 'alice', password, role: 'user' })
   */
  readonly createUser: (user: NewUser) => Promise<User>

  /**
   * Counts the active users and sessions (admins only).
   *
   * @example
   * const { activeUsers, activeSessions, byType } = await keep.getSessionStats()
   */
  readonly getSessionStats: () => Promise<SessionStats>

  /**
   * One page of the active sessions (admins only). Pass the page's `nextCursor` back as
   * `cursor`, with the same filters and sort, for the page after it.
   *
   * @example
   * const query = { type: 'rest', sort: 'username', limit: 100 } as const
   * const first = await keep.listSessions(query)
   * if (first.nextCursor) {
   *   const second = await keep.listSessions({ ...query, cursor: first.nextCursor })
   * }
   */
  readonly listSessions: (query?: ListSessionsQuery) => Promise<SessionPage>

  /**
   * Every active session matching the query, fetched page by page as the loop asks for them.
   * `limit` sets the page size; a `cursor` starts after that position.
   *
   * @example
   * for await (const session of keep.iterateSessions({ q: '10.0.0.' })) {
   *   console.log(session.username, session.address)
   * }
   */
  readonly iterateSessions: (query?: ListSessionsQuery) => AsyncIterable<SessionItem>

  /**
   * Ends one session (admins only): its holder is refused on the next request. Rejects with
   * code `not_found` when it has already ended, `own_session` for one of the caller's own.
   *
   * @example
   * await keep.deleteSession(session.id)
   */
  readonly deleteSession: (id: string) => Promise<void>

  /**
   * Ends up to 1000 sessions at once (admins only), deleting what it may and reporting the
   * rest: the caller's own sessions are refused, sessions already gone are not found.
   *
   * @example
   * const { deleted, refused, notFound } = await keep.deleteSessions(ids)
   */
  readonly deleteSessions: (ids: readonly string[]) => Promise<BulkDeleteResult>

  /**
   * A client with the same options that sends this bearer token.
   *
   * @example
   * const keep = createKeepClient({ baseUrl }).withToken(savedToken)
   */
  readonly withToken: (token: string) => KeepClient
}

/** The overloads of {@link KeepClient.login}: the result has a token unless a cookie was asked for. */
export interface LoginMethod {
  /**
   * Opens a `rest` session and answers its bearer token.
   *
   * @example
   * const { token } = await keep.login({ username: 'ops-bot', password })
   */
  (credentials: LoginCredentials, options?: { cookie?: false }): Promise<LoginResult>
  /**
   * For browser apps served by Keep: the server sets an HttpOnly session cookie and answers
   * no token. Later requests from a client on the same origin carry the cookie.
   *
   * @example
   * const keep = createKeepClient({ baseUrl: '/keep' })
   * const { user } = await keep.login({ username, password }, { cookie: true })
   */
  (credentials: LoginCredentials, options: { cookie: true }): Promise<CookieLoginResult>
  (credentials: LoginCredentials, options?: LoginOptions): Promise<LoginResult | CookieLoginResult>
}
