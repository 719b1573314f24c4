import { randomBytes } from 'node:crypto'

import { SESSION_TYPES, generateId } from '@keep/core'
import type { ActivityWindow, SessionType } from '@keep/core'

import type { KeepDb } from '../db/database'
import { sessions, users } from '../db/schema'

/** How many users and sessions to seed, and where in time they lie. */
export interface SeedOptions {
  readonly sessions: number
  readonly users: number
  /** Every session lies inside this window unless it is one of the expired share. */
  readonly window: ActivityWindow
  readonly now: Date
  /** The share of sessions seeded outside the window, from 0 to 1; none unless set. */
  readonly expiredShare?: number
}

/** The ids of what was seeded. */
export interface SeedResult {
  readonly userIds: readonly string[]
  readonly sessionIds: readonly string[]
}

const ROWS_PER_INSERT = 1_000
// Logins come mostly through the web UI and REST integrations, a few through the others.
const TYPE_WEIGHTS: readonly SessionType[] = [
  ...Array<SessionType>(14).fill('rest'),
  'browser',
  'other',
]
const SERVER_NAMES = ['keep-1', 'keep-2', 'keep-3']
const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/121.0 Safari/537.36',
  'keep-sync/2.3 (+integration)',
]

/**
 * Writes many users and sessions in multi-row inserts, with the spread of a busy archive:
 * for query plans and benchmarks, where thousands of rows must exist in seconds.
 */
export async function seedSessions(db: KeepDb, options: SeedOptions): Promise<SeedResult> {
  const userRows = Array.from({ length: options.users }, (_, index) => buildUserRow(index))

  for (const chunk of chunked(userRows)) {
    await db.insert(users).values(chunk)
  }

  const sessionRows = Array.from({ length: options.sessions }, (_, index) =>
    buildSessionRow(userRows[index % userRows.length] ?? buildUserRow(0), index, options)
  )

  for (const chunk of chunked(sessionRows)) {
    await db.insert(sessions).values(chunk)
  }

  return { userIds: userRows.map((row) => row.id), sessionIds: sessionRows.map((row) => row.id) }
}

function buildUserRow(index: number): typeof users.$inferInsert {
  return {
    id: generateId(),
    username: `seed-user-${index}`,
    role: index === 0 ? 'admin' : 'user',
    passwordHash: 'not-a-real-hash',
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
  }
}

function buildSessionRow(
  user: typeof users.$inferInsert,
  index: number,
  options: SeedOptions
): typeof sessions.$inferInsert {
  const { createdAt, lastActiveAt } = pickTimes(index, options)

  return {
    id: generateId(),
    tokenHash: randomBytes(32).toString('hex'),
    userId: user.id,
    username: user.username,
    type: TYPE_WEIGHTS[index % TYPE_WEIGHTS.length] ?? SESSION_TYPES[0],
    address: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    serverName: SERVER_NAMES[index % SERVER_NAMES.length] ?? 'keep-1',
    userAgent: USER_AGENTS[index % USER_AGENTS.length] ?? '',
    createdAt,
    lastActiveAt,
  }
}

function pickTimes(index: number, options: SeedOptions) {
  const now = options.now.getTime()
  const { lastActiveAfter, createdAfter } = options.window
  const idleSpan = now - lastActiveAfter.getTime()
  const lastActive = isExpired(index, options.expiredShare)
    ? lastActiveAfter.getTime() - randomInt(idleSpan)
    : now - randomInt(idleSpan)
  const createdAt = lastActive - randomInt(lastActive - createdAfter.getTime())

  return { createdAt: new Date(createdAt), lastActiveAt: new Date(lastActive) }
}

function isExpired(index: number, share = 0): boolean {
  return share > 0 && index % Math.round(1 / share) === 0
}

function randomInt(below: number): number {
  return Math.floor(Math.random() * Math.max(below, 1))
}

function chunked<TRow>(rows: readonly TRow[]): TRow[][] {
  const chunks: TRow[][] = []

  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    chunks.push(rows.slice(start, start + ROWS_PER_INSERT))
  }

  return chunks
}
