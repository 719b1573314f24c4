import { SESSION_TEXT_LIMITS } from '@keep/core'
import type { Role, SessionType } from '@keep/core'
import { bigint, datetime, index, mysqlTable } from 'drizzle-orm/mysql-core'
import type { MySqlColumn } from 'drizzle-orm/mysql-core'

import { asciiChar, asciiVarchar, caseInsensitiveVarchar, exactVarchar } from './columns'

const ID_LENGTH = 26
const USERNAME_LENGTH = SESSION_TEXT_LIMITS.username
// What someone typed as a name when a log-in failed, which need not be a valid username.
export const FAILED_USERNAME_LENGTH = 128

export const users = mysqlTable('users', {
  id: asciiVarchar('id', { length: ID_LENGTH }).primaryKey(),
  // The case-insensitive collation is what makes usernames unique regardless of case.
  username: caseInsensitiveVarchar('username', { length: USERNAME_LENGTH }).notNull().unique(),
  role: asciiVarchar('role', { length: 8 }).$type<Role>().notNull(),
  passwordHash: exactVarchar('password_hash', { length: 255 }).notNull(),
  createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
})

type OrderColumns = [MySqlColumn, ...MySqlColumn[]]

/** The secondary indexes of `sessions`, named so that queries can ask for them by name. */
export const SESSION_INDEXES = {
  userActivity: 'sessions_user_activity_idx',
  lastActive: 'sessions_last_active_idx',
  typeLastActive: 'sessions_type_last_active_idx',
  createdAt: 'sessions_created_at_idx',
  username: 'sessions_username_idx',
  address: 'sessions_address_idx',
  serverName: 'sessions_server_name_idx',
  type: 'sessions_type_idx',
} as const

/*
 * Every list order is an index starting with its column and id, so that a page is one ordered
 * index range however many sessions there are. Each also carries every column the list filters
 * on, so that finding a page never reads a row: a search or a type with few matches costs one
 * scan of a narrow index, never a million row lookups. The default order has a twin led by
 * type for the type filter. The stats read a narrow index in user order, which counts each
 * user once as its entries stream past, without sorting or de-duplicating a million ids.
 */
export const sessions = mysqlTable(
  'sessions',
  {
    id: asciiVarchar('id', { length: ID_LENGTH }).primaryKey(),
    tokenHash: asciiChar('token_hash', { length: 64 }).notNull().unique(),
    userId: asciiVarchar('user_id', { length: ID_LENGTH })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // A copy of the user's name, so that sorting and searching by it need no join.
    username: caseInsensitiveVarchar('username', { length: USERNAME_LENGTH }).notNull(),
    type: asciiVarchar('type', { length: 8 }).$type<SessionType>().notNull(),
    address: caseInsensitiveVarchar('address', { length: SESSION_TEXT_LIMITS.address }).notNull(),
    serverName: caseInsensitiveVarchar('server_name', {
      length: SESSION_TEXT_LIMITS.serverName,
    }).notNull(),
    userAgent: caseInsensitiveVarchar('user_agent', {
      length: SESSION_TEXT_LIMITS.userAgent,
    }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
    lastActiveAt: datetime('last_active_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (table) => {
    const filters = [table.lastActiveAt, table.createdAt, table.type, table.username, table.address]
    const listIndex = (name: string, order: OrderColumns, extra: MySqlColumn[] = []) => {
      const carried = filters.filter((column) => !order.includes(column))

      return index(name).on(...order, table.id, ...carried, ...extra)
    }

    return [
      index(SESSION_INDEXES.userActivity).on(
        table.userId,
        table.lastActiveAt,
        table.createdAt,
        table.type
      ),
      listIndex(SESSION_INDEXES.lastActive, [table.lastActiveAt]),
      listIndex(SESSION_INDEXES.typeLastActive, [table.type, table.lastActiveAt]),
      listIndex(SESSION_INDEXES.createdAt, [table.createdAt]),
      listIndex(SESSION_INDEXES.username, [table.username]),
      listIndex(SESSION_INDEXES.address, [table.address]),
      listIndex(SESSION_INDEXES.serverName, [table.serverName]),
      listIndex(SESSION_INDEXES.type, [table.type]),
    ]
  }
)

export type SessionRow = typeof sessions.$inferSelect
export type UserRow = typeof users.$inferSelect

/*
 * Failed log-ins, kept in the shared database so that every instance counts the same failures:
 * the per-account limit holds however many instances an attacker spreads attempts over.
 */
export const loginFailures = mysqlTable(
  'login_failures',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    username: caseInsensitiveVarchar('username', { length: FAILED_USERNAME_LENGTH }).notNull(),
    address: caseInsensitiveVarchar('address', { length: SESSION_TEXT_LIMITS.address }).notNull(),
    at: datetime('at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (table) => [
    index('login_failures_username_idx').on(table.username, table.at),
    index('login_failures_address_idx').on(table.address, table.at),
    index('login_failures_at_idx').on(table.at),
  ]
)
