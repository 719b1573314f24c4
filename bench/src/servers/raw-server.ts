import { createHash } from 'node:crypto'

import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createPool } from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2/promise'

import { readConfig, runChild, tell } from './child-runtime'
import type { RawServerConfig } from './protocol'

/*
 * The bounds Keep is measured between. The floor does one primary-key select through a raw
 * mysql2 pool and nothing else; the ceiling answers without any session check at all. The
 * lookup route is a diagnostic: Keep's own lookup statement (token hash, joined with users),
 * sent as Keep sends it (a prepared statement), hashed with node:crypto, without the framework,
 * the session rules or touches.
 */
const config = readConfig<RawServerConfig>('floor', 'ceiling', 'lookup')
const pool = createPool({ uri: config.databaseUrl, connectionLimit: config.poolSize })
const app = new Hono()
const BEARER_PREFIX = 'Bearer '
const FIXED_BODY = {
  user: { id: 'aaaaaaaaaaaaaaaaaaaaaaaaaa', username: 'ceiling', role: 'user' },
  session: { id: 'aaaaaaaaaaaaaaaaaaaaaaaaaa', type: 'rest' },
}

app.get('/floor', async (c) => {
  const id = c.req.header('Authorization')?.slice(BEARER_PREFIX.length) ?? ''
  const [rows] = await pool.query<RowDataPacket[]>('SELECT id FROM sessions WHERE id = ?', [id])

  return rows.length === 1 ? c.json({ id }) : c.json({ error: 'unauthenticated' }, 401)
})

app.get('/ceiling', (c) => c.json(FIXED_BODY))

const LOOKUP = `SELECT s.id, s.user_id, s.username, u.role, s.type, s.address, s.server_name,
  s.user_agent, s.created_at, s.last_active_at
  FROM sessions s INNER JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? LIMIT 1`

app.get('/lookup', async (c) => {
  const token = c.req.header('Authorization')?.slice(BEARER_PREFIX.length) ?? ''
  const hash = createHash('sha256').update(token).digest('hex')
  const [rows] = await pool.execute<RowDataPacket[]>(LOOKUP, [hash])
  const row = rows[0]

  if (!row) {
    return c.json({ error: 'unauthenticated' }, 401)
  }

  return c.json({
    user: {
      id: row['user_id'] as string,
      username: row['username'] as string,
      role: row['role'] as string,
    },
    session: { id: row['id'] as string, type: row['type'] as string },
  })
})

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  tell({ type: 'ready', port: info.port })
})

runChild({ server, close: () => pool.end() })
