import { isRole, isSessionType } from '@keep/core'
import type { Session } from '@keep/core'
import { fillPlaceholders } from 'drizzle-orm'
import type { RowDataPacket } from 'mysql2/promise'

import type { KeepDb } from './database'
import { buildFindByTokenHashQuery } from './session-queries'

interface LookupRow extends RowDataPacket {
  readonly id: string
  readonly user_id: string
  readonly username: string
  readonly role: string
  readonly type: string
  readonly address: string
  readonly server_name: string
  readonly user_agent: string
  readonly created_at: Date
  readonly last_active_at: Date
}

/** Finds the session a token hash stands for, or null. */
export type TokenLookup = (tokenHash: string) => Promise<Session | null>

/**
 * The lookup behind every authenticated request, as a server-side prepared statement: the
 * server parses it once per pooled connection rather than on every request, and the binary
 * protocol hands over the times without text conversion. The statement is the one Drizzle
 * builds from the schema, so the two cannot drift apart.
 */
export function createTokenLookup(db: KeepDb): TokenLookup {
  const { sql, params } = buildFindByTokenHashQuery(db).toSQL()

  return async (tokenHash) => {
    const values = fillPlaceholders(params, { tokenHash }).map(toStatementValue)
    const [rows] = await db.$client.execute<LookupRow[]>(sql, values)
    const row = rows[0]

    return row ? toSession(row) : null
  }
}

function toStatementValue(value: unknown): string | number {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new TypeError('The token lookup binds only text and numbers')
  }

  return value
}

function toSession(row: LookupRow): Session {
  if (!isRole(row.role) || !isSessionType(row.type)) {
    throw new Error('A session row holds a role or type Keep does not know')
  }

  return {
    id: row.id,
    user: { id: row.user_id, username: row.username, role: row.role },
    type: row.type,
    address: row.address,
    serverName: row.server_name,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at,
  }
}
