import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createPool } from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2/promise'

import { readConfig, runChild, tell } from './child-runtime'
import type { RawServerConfig } from './protocol'

/*
 * The bounds Keep is measured between. The floor does one primary-key select through a raw
 * mysql2 pool and nothing else; the ceiling answers without any session check at all.
 */
const config = readConfig<RawServerConfig>('floor', 'ceiling')
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

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  tell({ type: 'ready', port: info.port })
})

runChild({ server, close: () => pool.end() })
