import { createHmac, randomBytes } from 'node:crypto'

import type { Connection } from 'mysql2/promise'

import { insertRows } from './keep-sessions'

/** express-mysql-session's own table, as its schema.sql creates it. */
const PEER_TABLE = `CREATE TABLE IF NOT EXISTS sessions (
  session_id varchar(128) COLLATE utf8mb4_bin NOT NULL,
  expires int(11) unsigned NOT NULL,
  data mediumtext COLLATE utf8mb4_bin,
  PRIMARY KEY (session_id)
) ENGINE=InnoDB`

const DAY_MS = 86_400_000

export interface PeerSeedOptions {
  readonly sessions: number
  readonly secret: string
  readonly now: Date
}

export interface PeerSession {
  readonly id: string
  /** The whole Cookie header value a browser would send. */
  readonly cookie: string
}

export async function createPeerTable(connection: Connection): Promise<void> {
  await connection.query(PEER_TABLE)
}

/**
 * Sessions as express-session stores them (a 24-byte uid, JSON data with the cookie and the
 * user), and the signed `connect.sid` cookie that presents each one.
 */
export async function seedPeerSessions(
  connection: Connection,
  options: PeerSeedOptions
): Promise<PeerSession[]> {
  const expires = Math.round((options.now.getTime() + DAY_MS) / 1000)
  const sessions: PeerSession[] = []
  const rows: unknown[][] = []

  for (let index = 0; index < options.sessions; index += 1) {
    const id = randomBytes(24).toString('base64url')
    const user = { id: `peer-user-${index % 1000}`, username: `peer-${index % 1000}`, role: 'user' }
    const data = {
      cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/' },
      user,
    }

    sessions.push({ id, cookie: signedCookie(id, options.secret) })
    rows.push([id, expires, JSON.stringify(data)])
  }

  await insertRows(connection, { table: 'sessions (session_id, expires, data)', rows })

  return sessions
}

/*
 * What cookie-signature's sign() computes and express-session checks: HMAC-SHA256 of the id,
 * base64 without padding. Done here with node:crypto so the bench needs no extra dependency;
 * the peer answering 200 to these cookies is the proof that they match.
 */
export function signedCookie(id: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(id).digest('base64').replace(/=+$/, '')

  return `connect.sid=${encodeURIComponent(`s:${id}.${signature}`)}`
}
