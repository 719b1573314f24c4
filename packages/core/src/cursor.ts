import type { CursorPosition, SortField, SortOrder } from './list-query'
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

const TIME_SORTS: readonly SortField[] = ['lastActive', 'createdAt']
const MAX_CURSOR_LENGTH = 1024

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

  const wantsNumber = TIME_SORTS.includes(scope.sort)
  const valueFits = wantsNumber
    ? typeof payload.v === 'number' && Number.isSafeInteger(payload.v)
    : typeof payload.v === 'string'

  return valueFits ? { value: payload.v, id: payload.i } : undefined
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
