import { generateId, generateSessionToken, hashSessionToken } from '@keep/core'
import type { Role, SessionType } from '@keep/core'
import type { Connection } from 'mysql2/promise'

/** One seeded session and the bearer token that stands for it. */
export interface SeededSession {
  readonly id: string
  readonly token: string
  readonly userId: string
}

export interface SeededUser {
  readonly id: string
  readonly username: string
  readonly role: Role
}

export interface KeepSeedOptions {
  readonly sessions: number
  readonly now: Date
  /** Last Active lies this far back at most: sessions older than a touch interval get touched. */
  readonly lastActiveSpreadMs: number
  /** Distinguishes the users of several seeds in one database. */
  readonly label: string
  readonly role?: Role
}

export interface KeepSeed {
  readonly users: readonly SeededUser[]
  readonly sessions: readonly SeededSession[]
}

const ROWS_PER_INSERT = 5_000
const SESSIONS_PER_USER = 10
const TYPES: readonly SessionType[] = ['rest', 'rest', 'rest', 'rest', 'browser', 'other']

/**
 * Users and live sessions with known tokens, written straight into Keep's tables in multi-row
 * inserts; only the SHA-256 of each token is stored, as Keep stores it.
 */
export async function seedKeepSessions(
  connection: Connection,
  options: KeepSeedOptions
): Promise<KeepSeed> {
  const userCount = Math.max(1, Math.ceil(options.sessions / SESSIONS_PER_USER))
  const users = Array.from({ length: userCount }, (_, index) => ({
    id: generateId(),
    username: `${options.label}-${index}`,
    role: options.role ?? ('user' as const),
  }))

  await insertRows(connection, {
    table: 'users (id, username, role, password_hash, created_at)',
    rows: users.map((user) => [user.id, user.username, user.role, 'no-login', options.now]),
  })

  const seeded = await buildSessions(users, options)

  await insertRows(connection, {
    table:
      'sessions (id, token_hash, user_id, username, type, address, server_name, user_agent, created_at, last_active_at)',
    rows: seeded.rows,
  })

  return { users, sessions: seeded.sessions }
}

async function buildSessions(users: readonly SeededUser[], options: KeepSeedOptions) {
  const sessions: SeededSession[] = []
  const rows: unknown[][] = []
  const now = options.now.getTime()

  for (let index = 0; index < options.sessions; index += 1) {
    const user = users[index % users.length]

    if (!user) {
      throw new Error('A seed needs at least one user')
    }

    const token = generateSessionToken()
    const id = generateId()
    const lastActive = now - Math.floor(Math.random() * options.lastActiveSpreadMs)

    sessions.push({ id, token, userId: user.id })
    rows.push([
      id,
      await hashSessionToken(token),
      user.id,
      user.username,
      TYPES[index % TYPES.length],
      `10.1.${(index >> 8) & 255}.${index & 255}`,
      'bench-seed',
      'autocannon/9',
      new Date(lastActive - 3_600_000),
      new Date(lastActive),
    ])
  }

  return { sessions, rows }
}

export async function insertRows(
  connection: Connection,
  insert: { readonly table: string; readonly rows: readonly unknown[][] }
): Promise<void> {
  for (let start = 0; start < insert.rows.length; start += ROWS_PER_INSERT) {
    const chunk = insert.rows.slice(start, start + ROWS_PER_INSERT)

    await connection.query(`INSERT INTO ${insert.table} VALUES ?`, [chunk])
  }
}
