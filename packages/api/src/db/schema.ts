import type { Role, SessionType } from '@keep/core'
import { datetime, index, mysqlTable } from 'drizzle-orm/mysql-core'

import { asciiChar, asciiVarchar, caseInsensitiveVarchar, exactVarchar } from './columns'

const ID_LENGTH = 26
const USERNAME_LENGTH = 64

export const users = mysqlTable('users', {
  id: asciiVarchar('id', { length: ID_LENGTH }).primaryKey(),
  // The case-insensitive collation is what makes usernames unique regardless of case.
  username: caseInsensitiveVarchar('username', { length: USERNAME_LENGTH }).notNull().unique(),
  role: asciiVarchar('role', { length: 8 }).$type<Role>().notNull(),
  passwordHash: exactVarchar('password_hash', { length: 255 }).notNull(),
  createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
})

/** The secondary indexes of `sessions`, named so that queries can ask for them by name. */
export const SESSION_INDEXES = {
  user: 'sessions_user_idx',
  lastActive: 'sessions_last_active_idx',
  createdAt: 'sessions_created_at_idx',
  username: 'sessions_username_idx',
  address: 'sessions_address_idx',
  serverName: 'sessions_server_name_idx',
  type: 'sessions_type_idx',
  typeLastActive: 'sessions_type_last_active_idx',
  typeCreatedAt: 'sessions_type_created_at_idx',
  typeUsername: 'sessions_type_username_idx',
  typeAddress: 'sessions_type_address_idx',
  typeServerName: 'sessions_type_server_name_idx',
} as const

/*
 * Every list order is an index ending in id, so that a page is one ordered index range however
 * many sessions there are. The type-prefixed twins keep a filtered list just as short when the
 * chosen type is rare. The last-active index also carries what the stats count, so counting
 * never reads the rows themselves.
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
    address: caseInsensitiveVarchar('address', { length: 64 }).notNull(),
    serverName: caseInsensitiveVarchar('server_name', { length: 255 }).notNull(),
    userAgent: caseInsensitiveVarchar('user_agent', { length: 512 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
    lastActiveAt: datetime('last_active_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (table) => [
    index(SESSION_INDEXES.user).on(table.userId),
    index(SESSION_INDEXES.lastActive).on(
      table.lastActiveAt,
      table.id,
      table.createdAt,
      table.type,
      table.userId
    ),
    index(SESSION_INDEXES.createdAt).on(table.createdAt, table.id),
    index(SESSION_INDEXES.username).on(table.username, table.id),
    index(SESSION_INDEXES.address).on(table.address, table.id),
    index(SESSION_INDEXES.serverName).on(table.serverName, table.id),
    index(SESSION_INDEXES.type).on(table.type, table.id),
    index(SESSION_INDEXES.typeLastActive).on(table.type, table.lastActiveAt, table.id),
    index(SESSION_INDEXES.typeCreatedAt).on(table.type, table.createdAt, table.id),
    index(SESSION_INDEXES.typeUsername).on(table.type, table.username, table.id),
    index(SESSION_INDEXES.typeAddress).on(table.type, table.address, table.id),
    index(SESSION_INDEXES.typeServerName).on(table.type, table.serverName, table.id),
  ]
)

export type SessionRow = typeof sessions.$inferSelect
export type UserRow = typeof users.$inferSelect
