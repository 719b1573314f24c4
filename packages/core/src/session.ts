export const SESSION_TYPES = ['rest', 'browser', 'other'] as const

export type SessionType = (typeof SESSION_TYPES)[number]

export const SESSION_TYPE_LABELS: Readonly<Record<SessionType, string>> = {
  rest: 'REST API',
  browser: 'Browser',
  other: 'Other',
}

export const ROLES = ['user', 'admin'] as const

export type Role = (typeof ROLES)[number]

export interface SessionUser {
  readonly id: string
  readonly username: string
  readonly role: Role
}

export interface Session {
  readonly id: string
  readonly user: SessionUser
  readonly type: SessionType
  readonly address: string
  readonly serverName: string
  readonly userAgent: string
  readonly createdAt: Date
  readonly lastActiveAt: Date
}

/** What a store needs to persist a new session; the token itself is never stored. */
export interface NewSession extends Session {
  readonly tokenHash: string
}

/**
 * The longest text, in characters, each text a session holds: the storage columns, the cursor
 * check and the settings are all sized from these.
 */
export const SESSION_TEXT_LIMITS = {
  username: 64,
  address: 64,
  serverName: 255,
  userAgent: 512,
} as const

export function isSessionType(value: string): value is SessionType {
  return (SESSION_TYPES as readonly string[]).includes(value)
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
