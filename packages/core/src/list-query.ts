import { decodeCursor } from './cursor'
import { err, ok } from './result'
import type { Result } from './result'
import { isSessionType } from './session'
import type { Session, SessionType } from './session'

export const SORT_FIELDS = [
  'lastActive',
  'username',
  'type',
  'address',
  'serverName',
  'createdAt',
] as const

export type SortField = (typeof SORT_FIELDS)[number]

export type SortOrder = 'asc' | 'desc'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200
export const MAX_SEARCH_LENGTH = 100

/** Where the previous page ended: the sort value of its last row and that row's id. */
export interface CursorPosition {
  readonly value: string | number
  readonly id: string
}

export interface ListQuery {
  readonly type: SessionType | null
  readonly search: string | null
  readonly sort: SortField
  readonly order: SortOrder
  readonly limit: number
  readonly after: CursorPosition | null
}

export interface SessionPage {
  readonly items: readonly Session[]
  readonly next: CursorPosition | null
}

/** The list query as it arrives from outside, every part optional and untrusted. */
export interface RawListQuery {
  readonly type?: string | undefined
  readonly q?: string | undefined
  readonly sort?: string | undefined
  readonly order?: string | undefined
  readonly limit?: string | number | undefined
  readonly cursor?: string | undefined
}

export interface ListQueryError {
  readonly field: keyof RawListQuery
  readonly message: string
}

export function isSortField(value: string): value is SortField {
  return (SORT_FIELDS as readonly string[]).includes(value)
}

/** Time columns read newest first by default; text columns read A to Z. */
export function getDefaultOrder(sort: SortField): SortOrder {
  return sort === 'lastActive' || sort === 'createdAt' ? 'desc' : 'asc'
}

export function parseListQuery(raw: RawListQuery): Result<ListQuery, ListQueryError> {
  const type = raw.type || null
  if (type !== null && !isSessionType(type)) {
    return err({ field: 'type', message: 'type must be one of rest, browser, other' })
  }

  const sort = raw.sort || 'lastActive'
  if (!isSortField(sort)) {
    return err({ field: 'sort', message: `sort must be one of ${SORT_FIELDS.join(', ')}` })
  }

  const order = raw.order || getDefaultOrder(sort)
  if (order !== 'asc' && order !== 'desc') {
    return err({ field: 'order', message: 'order must be asc or desc' })
  }

  const limit = parseLimit(raw.limit)
  if (limit === null) {
    return err({
      field: 'limit',
      message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
    })
  }

  const search = raw.q?.trim() || null
  if (search !== null && search.length > MAX_SEARCH_LENGTH) {
    return err({ field: 'q', message: `q must be at most ${MAX_SEARCH_LENGTH} characters` })
  }

  const after = raw.cursor ? decodeCursor(raw.cursor, { sort, order }) : null
  if (after === undefined) {
    return err({ field: 'cursor', message: 'cursor is not valid for this sort and order' })
  }

  return ok({ type, search, sort, order, limit, after })
}

function parseLimit(raw: string | number | undefined): number | null {
  if (raw === undefined || raw === '') {
    return DEFAULT_PAGE_SIZE
  }

  const limit = typeof raw === 'number' ? raw : /^\d{1,4}$/.test(raw) ? Number(raw) : NaN

  return Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE_SIZE ? limit : null
}
