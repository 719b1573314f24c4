import type { CursorPosition, SortField, SortOrder } from './list-query'
import { SESSION_TEXT_LIMITS, isSessionType } from './session'
import { isWellFormedId } from './token'

interface CursorScope {
  readonly sort: SortField
  readonly order: SortOrder
}

interface CursorPayload {
  readonly s: SortField
  readonly o: SortOrder
  readonly v: string | number
  readonly i: string
}

// Room for the longest value a row holds: 255 characters of server name, each 4 UTF-8 bytes.
const MAX_CURSOR_LENGTH = 2048

// The range of a MySQL DATETIME, which is where every session time is stored.
const EARLIEST_TIME = Date.UTC(1000, 0, 1)
const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** An opaque cursor, bound to the sort and order it was made for. */
export function encodeCursor(scope: CursorScope, position: CursorPosition): string {
  const payload: CursorPayload = {
    s: scope.sort,
    o: scope.order,
    v: position.value,
    i: position.id,
  }
  const bytes = new TextEncoder().encode(JSON.stringify(payload))

  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** The position a cursor stands for, or undefined when it is not one of ours for this scope. */
export function decodeCursor(cursor: string, scope: CursorScope): CursorPosition | undefined {
  const payload = cursor.length <= MAX_CURSOR_LENGTH ? parsePayload(cursor) : null

  if (payload?.s !== scope.sort || payload.o !== scope.order) {
    return undefined
  }

  return canHold(scope.sort, payload.v) ? { value: payload.v, id: payload.i } : undefined
}

/*
 * Whether a row could have the value in the sort column: a forged value the database cannot
 * hold would otherwise reach it, to fail there as a server error rather than as bad input.
 */
function canHold(sort: SortField, value: string | number): boolean {
  switch (sort) {
    case 'lastActive':
    case 'createdAt':
      return typeof value === 'number' && isStorableTime(value)
    case 'type':
      return typeof value === 'string' && isSessionType(value)
    case 'username':
    case 'address':
    case 'serverName':
      return typeof value === 'string' && countCharacters(value) <= SESSION_TEXT_LIMITS[sort]
  }
}

function isStorableTime(time: number): boolean {
  return Number.isInteger(time) && time >= EARLIEST_TIME && time <= LATEST_TIME
}

// MySQL counts characters, not the UTF-16 units of String.length.
function countCharacters(text: string): number {
  return [...text].length
}

function parsePayload(cursor: string): CursorPayload | null {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))
    const value: unknown = JSON.parse(json)

    return isPayload(value) ? value : null
  } catch {
    return null
  }
}

function isPayload(value: unknown): value is CursorPayload {
  if (typeof value !== 'object' || value === null) {
    return false
  }

  const candidate = value as Record<string, unknown>

  return (
    typeof candidate['s'] === 'string' &&
    typeof candidate['o'] === 'string' &&
    typeof candidate['i'] === 'string' &&
    isWellFormedId(candidate['i']) &&
    (typeof candidate['v'] === 'string' || typeof candidate['v'] === 'number')
  )
}
