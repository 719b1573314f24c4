import { DEFAULT_SESSION_POLICY } from '@keep/core'
import type { Connection } from 'mysql2/promise'

import { withDeferredIndexes } from './deferred-indexes'
import { insertRows } from './keep-sessions'

export interface BulkSeedOptions {
  readonly sessions: number
  readonly now: Date
  /** The share of sessions, 0 to 1, seeded already expired (idle too long, or too old). */
  readonly expiredShare: number
}

export interface BulkSeed {
  readonly users: number
  readonly sessions: number
  readonly expired: number
}

const MAX_SESSIONS_PER_USER = 20
// Enough for a million sessions in one statement, so the primary key is written in order.
const USERS_PER_STATEMENT = 200_000
const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
  'keep-sync/2.3 (+integration)',
]

/*
 * Hex digests spelled in the id alphabet [a-z2-7]: 0, 1, 8 and 9 become w, x, y and z. The
 * rows are generated inside the server from a sequence table, so a million of them take
 * seconds rather than minutes; every value derives from a hash of the row's number, so
 * reseeding gives the same spread.
 */
const idOf = (seed: string) =>
  `LEFT(REPLACE(REPLACE(REPLACE(REPLACE(MD5(${seed}), '0', 'w'), '1', 'x'), '8', 'y'), '9', 'z'), 26)`
const KEY = "CONCAT(p.n, '-', k.seq)"
const unit = (salt: string) => `(CRC32(CONCAT('${salt}', ${KEY})) / 4294967296)`

/** Sessions spread like a busy archive's: 1 to 20 per user, all three types, Last Active skewed recent. */
export async function seedBulkSessions(
  connection: Connection,
  options: BulkSeedOptions
): Promise<BulkSeed> {
  const plan = planUsers(options.sessions)

  await connection.query(
    'CREATE TABLE bench_plan (n INT UNSIGNED PRIMARY KEY, sessions TINYINT UNSIGNED NOT NULL)'
  )
  await insertRows(connection, {
    table: 'bench_plan (n, sessions)',
    rows: plan.map((count, index) => [index + 1, count]),
  })
  await connection.query(
    `INSERT INTO users (id, username, role, password_hash, created_at)
     SELECT ${idOf("CONCAT('u', n)")}, CONCAT('user-', n), 'user', 'no-login', ? FROM bench_plan`,
    [options.now]
  )

  await withDeferredIndexes(connection, {
    table: 'sessions',
    load: async () => {
      for (let first = 1; first <= plan.length; first += USERS_PER_STATEMENT) {
        await connection.query(insertSessionsSql(), [
          options.now,
          options.now,
          options.expiredShare,
          options.expiredShare,
          first,
          first + USERS_PER_STATEMENT - 1,
        ])
      }
    },
  })

  await connection.query('DROP TABLE bench_plan')
  await connection.query('ANALYZE TABLE users, sessions')

  return {
    users: plan.length,
    sessions: options.sessions,
    expired: await countExpired(connection, options),
  }
}

function planUsers(sessions: number): number[] {
  const plan: number[] = []
  let left = sessions

  while (left > 0) {
    const count = Math.min(left, 1 + Math.floor(Math.random() * MAX_SESSIONS_PER_USER))

    plan.push(count)
    left -= count
  }

  return plan
}

function insertSessionsSql(): string {
  const { idleTimeoutMs: idle, maxAgeMs: maxAge } = DEFAULT_SESSION_POLICY
  const margin = 60_000
  const agents = USER_AGENTS.map((agent) => `'${agent}'`).join(', ')

  // Live: idle for u² of the window (most activity is recent), created within the max age.
  // Expired: four in five idle past the window, one in five older than the max age.
  return `INSERT INTO sessions
      (id, token_hash, user_id, username, type, address, server_name, user_agent, created_at, last_active_at)
    SELECT id, token_hash, user_id, username, type, address, server_name, user_agent,
      TIMESTAMPADD(MICROSECOND, -1000 * (CASE WHEN aged THEN ${maxAge + 1_000} + FLOOR(u_c * 7200000)
        ELSE idle_ago + FLOOR(u_c * GREATEST(0, ${maxAge - margin} - idle_ago)) END), ?),
      TIMESTAMPADD(MICROSECOND, -1000 * idle_ago, ?)
    FROM (
      SELECT g.*,
        ${idOf("CONCAT('s', row_key)")} AS id,
        SHA2(CONCAT('t', row_key), 256) AS token_hash,
        ${idOf("CONCAT('u', n)")} AS user_id,
        CONCAT('user-', n) AS username,
        CASE WHEN u_y < 0.7 THEN 'rest' WHEN u_y < 0.9 THEN 'browser' ELSE 'other' END AS type,
        CONCAT('10.', (n >> 16) & 255, '.', (n >> 8) & 255, '.', n & 255) AS address,
        ELT(1 + seq % 3, 'keep-1', 'keep-2', 'keep-3') AS server_name,
        ELT(1 + FLOOR(u_b * 3), ${agents}) AS user_agent,
        CASE WHEN u_e >= ? THEN FLOOR(POW(u_a, 2) * ${idle - margin})
          WHEN u_h < 0.8 THEN ${idle + 1_000} + FLOOR(u_a * ${6 * 3_600_000})
          ELSE FLOOR(u_a * ${idle - margin}) END AS idle_ago,
        (u_e < ? AND u_h >= 0.8) AS aged
      FROM (
        SELECT p.n, k.seq, CONCAT(p.n, '-', k.seq) AS row_key,
          ${unit('a')} AS u_a, ${unit('b')} AS u_b, ${unit('c')} AS u_c,
          ${unit('e')} AS u_e, ${unit('h')} AS u_h, ${unit('y')} AS u_y
        FROM bench_plan p JOIN seq_0_to_19 k ON k.seq < p.sessions
        WHERE p.n BETWEEN ? AND ?
      ) AS g
    ) AS r
    ORDER BY id`
}

async function countExpired(connection: Connection, options: BulkSeedOptions): Promise<number> {
  const { idleTimeoutMs, maxAgeMs } = DEFAULT_SESSION_POLICY
  const [rows] = await connection.query(
    'SELECT COUNT(*) AS expired FROM sessions WHERE last_active_at <= ? OR created_at <= ?',
    [new Date(options.now.getTime() - idleTimeoutMs), new Date(options.now.getTime() - maxAgeMs)]
  )

  return Number((rows as { expired: number }[])[0]?.expired ?? 0)
}
