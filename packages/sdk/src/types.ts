/** A user's role; only admins may call the admin methods. */
export type Role = 'user' | 'admin'

/** The channel a session was opened through: the REST API, the legacy browser UI, or JSON-RPC. */
export type SessionType = 'rest' | 'browser' | 'other'

/** The columns the session list can be sorted by. */
export type SessionSort =
  'lastActive' | 'username' | 'type' | 'address' | 'serverName' | 'createdAt'

export type SortOrder = 'asc' | 'desc'

export interface User {
  id: string
  username: string
  role: Role
}

/** Who the client is acting as, and through which session. */
export interface Me {
  user: User
  session: { id: string; type: SessionType }
}

/** One active session as the admin API lists it. Times are ISO-8601 UTC strings. */
export interface SessionItem {
  id: string
  userId: string
  username: string
  type: SessionType
  address: string
  serverName: string
  userAgent: string
  createdAt: string
  lastActiveAt: string
  /** True when the session belongs to the admin asking; such sessions cannot be deleted. */
  own: boolean
}

export interface SessionStats {
  /** Distinct users with at least one active session. */
  activeUsers: number
  activeSessions: number
  byType: { rest: number; browser: number; other: number }
}

export interface SessionPage {
  items: SessionItem[]
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null
}

/** What a bulk deletion did with each id it was given. */
export interface BulkDeleteResult {
  deleted: string[]
  /** Sessions the acting admin may not delete: their own. */
  refused: { id: string; reason: 'own_session' }[]
  /** Ids of sessions that had already ended or never existed. */
  notFound: string[]
}

export interface ListSessionsQuery {
  type?: SessionType | undefined
  /** Case-insensitive substring of the username or the address. */
  q?: string | undefined
  /** Defaults to `lastActive`. */
  sort?: SessionSort | undefined
  /** Defaults to `desc` for times and `asc` for text. */
  order?: SortOrder | undefined
  /** Items per page, 1 to 200; defaults to 50. */
  limit?: number | undefined
  /** The `nextCursor` of the previous page, with the same type, q, sort and order. */
  cursor?: string | undefined
}

export interface LoginCredentials {
  username: string
  password: string
}

export interface LoginOptions {
  /**
   * Ask the server to keep the session in an HttpOnly cookie instead of returning the token.
   * For browser apps served by Keep itself.
   */
  cookie?: boolean | undefined
}

/** A bearer login: the token to send on later requests, and who logged in. */
export interface LoginResult {
  token: string
  user: User
}

/** A cookie login: the browser holds the session cookie, so no token is returned. */
export interface CookieLoginResult {
  user: User
}

export interface NewUser {
  username: string
  password: string
  role: Role
}
