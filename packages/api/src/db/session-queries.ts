import { SESSION_TYPES } from '@keep/core'
import type {
  ActivityWindow,
  CursorPosition,
  ListQuery,
  Session,
  SessionType,
  SortField,
} from '@keep/core'
import { and, asc, count, desc, eq, gt, like, lt, lte, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'

import type { KeepDb } from './database'
import { SESSION_INDEXES, sessions, users } from './schema'

const SORT_COLUMNS = {
  lastActive: sessions.lastActiveAt,
  createdAt: sessions.createdAt,
  username: sessions.username,
  type: sessions.type,
  address: sessions.address,
  serverName: sessions.serverName,
} satisfies Record<SortField, unknown>

/*
 * The index each list reads, named rather than left to the optimizer: at a million rows it
 * picked, for some filters, an index that serves the filter but not the order, or the primary
 * key, either of which reads ever more rows as the matches get rarer.
 */
const LIST_INDEXES: Readonly<Record<SortField, string>> = {
  lastActive: SESSION_INDEXES.lastActive,
  createdAt: SESSION_INDEXES.createdAt,
  username: SESSION_INDEXES.username,
  type: SESSION_INDEXES.type,
  address: SESSION_INDEXES.address,
  serverName: SESSION_INDEXES.serverName,
}

const sessionFields = {
  id: sessions.id,
  userId: sessions.userId,
  username: sessions.username,
  role: users.role,
  type: sessions.type,
  address: sessions.address,
  serverName: sessions.serverName,
  userAgent: sessions.userAgent,
  createdAt: sessions.createdAt,
  lastActiveAt: sessions.lastActiveAt,
}

export type SessionRecord = Awaited<ReturnType<typeof selectSessions>>[number]

export function toSession(record: SessionRecord): Session {
  const { userId, username, role, ...session } = record

  return { ...session, user: { id: userId, username, role } }
}

/** Sessions with their user's role; the caller adds what narrows them down. */
export function selectSessions(db: KeepDb) {
  return db
    .select(sessionFields)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .$dynamic()
}

/** The lookup behind every authenticated request, with the token hash as a placeholder. */
export function buildFindByTokenHashQuery(db: KeepDb) {
  return selectSessions(db)
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
}

/**
 * Where one page of the active sessions lies: the id and sort value of each row, plus one row
 * more, which tells whether a next page exists. It reads one index alone, in order.
 */
export function buildListQuery(db: KeepDb, query: ListQuery, window: ActivityWindow) {
  const column = SORT_COLUMNS[query.sort]
  const direction = query.order === 'asc' ? asc : desc

  return db
    .select({ id: sessions.id, value: column })
    .from(sessions, { forceIndex: getListIndex(query) })
    .where(
      and(
        isWithinWindow(window),
        query.type ? eq(sessions.type, query.type) : undefined,
        query.search ? matchesSearch(query.search) : undefined,
        query.after ? isAfter(query, query.after) : undefined
      )
    )
    .orderBy(direction(column), direction(sessions.id))
    .limit(query.limit + 1)
}

export type ListPosition = Awaited<ReturnType<typeof buildListQuery>>[number]

/** Where a list row stands, in the form cursors carry: times as epoch milliseconds. */
export function toCursorPosition(position: ListPosition): CursorPosition {
  const { id, value } = position

  return { id, value: value instanceof Date ? value.getTime() : value }
}

/*
 * COUNT(DISTINCT user_id) de-duplicates through a sorted tree on MariaDB; grouping a narrow
 * index that is already in user order counts each user as its entries stream past instead.
 */
export function buildStatsQuery(db: KeepDb, window: ActivityWindow) {
  const perUser = db
    .select({
      sessions: sql<number>`count(*)`.as('sessions'),
      ...countTypes(),
    })
    .from(sessions, { forceIndex: SESSION_INDEXES.userActivity })
    .where(isWithinWindow(window))
    .groupBy(sessions.userId)
    .as('per_user')

  return db
    .select({
      activeUsers: count(),
      activeSessions: sumOf(perUser.sessions),
      rest: sumOf(perUser.rest),
      browser: sumOf(perUser.browser),
      other: sumOf(perUser.other),
    })
    .from(perUser)
}

/** Ids of sessions idle past the window. */
export function buildIdleSessionsQuery(db: KeepDb, window: ActivityWindow, limit: number) {
  return db
    .select({ id: sessions.id })
    .from(sessions)
    .where(lte(sessions.lastActiveAt, window.lastActiveAfter))
    .limit(limit)
}

/** Ids of sessions older than the window allows, however recently used. */
export function buildAgedSessionsQuery(db: KeepDb, window: ActivityWindow, limit: number) {
  return db
    .select({ id: sessions.id })
    .from(sessions)
    .where(lte(sessions.createdAt, window.createdAfter))
    .limit(limit)
}

function isWithinWindow(window: ActivityWindow): SQL | undefined {
  return and(
    gt(sessions.lastActiveAt, window.lastActiveAfter),
    gt(sessions.createdAt, window.createdAfter)
  )
}

export function isOutsideWindow(window: ActivityWindow): SQL | undefined {
  return or(
    lte(sessions.lastActiveAt, window.lastActiveAfter),
    lte(sessions.createdAt, window.createdAfter)
  )
}

/** LIKE treats % and _ as wildcards and \ as their escape; the search means them literally. */
function toContainsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

function getListIndex(query: ListQuery): string {
  return query.sort === 'lastActive' && query.type
    ? SESSION_INDEXES.typeLastActive
    : LIST_INDEXES[query.sort]
}

function matchesSearch(search: string): SQL | undefined {
  const pattern = toContainsPattern(search)

  return or(like(sessions.username, pattern), like(sessions.address, pattern))
}

/*
 * Rows beyond the cursor: (value, id) past (cursor value, cursor id) in the list's direction,
 * written as two ranges of the (value, id) index, so that the seek lands on the cursor itself
 * even where thousands of rows share its value (a type, a server name).
 */
function isAfter(query: ListQuery, after: CursorPosition): SQL | undefined {
  const column = SORT_COLUMNS[query.sort]
  const value = typeof after.value === 'number' ? new Date(after.value) : after.value
  const beyond = query.order === 'asc' ? gt : lt

  return or(beyond(column, value), and(eq(column, value), beyond(sessions.id, after.id)))
}

function countTypes(): Record<SessionType, SQL.Aliased<number>> {
  const entries = SESSION_TYPES.map((type) => [
    type,
    sql<number>`sum(${sessions.type} = ${type})`.as(type),
  ])

  return Object.fromEntries(entries) as Record<SessionType, SQL.Aliased<number>>
}

function sumOf(column: SQL.Aliased<number>): SQL<number> {
  return sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number)
}
