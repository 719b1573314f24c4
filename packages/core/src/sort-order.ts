import type { CursorPosition, SortField, SortOrder } from './list-query'
import type { Session } from './session'

export function getSortValue(session: Session, sort: SortField): string | number {
  switch (sort) {
    case 'lastActive':
      return session.lastActiveAt.getTime()
    case 'createdAt':
      return session.createdAt.getTime()
    case 'username':
      return session.user.username
    case 'type':
      return session.type
    case 'address':
      return session.address
    case 'serverName':
      return session.serverName
  }
}

export function getCursorPosition(session: Session, sort: SortField): CursorPosition {
  return { value: getSortValue(session, sort), id: session.id }
}

/**
 * Orders rows as the MySQL store does: text case-insensitively (utf8mb4_general_ci weighs an
 * ASCII letter as its upper case), ids byte by byte to break ties, in the one direction.
 */
export function comparePositions(a: CursorPosition, b: CursorPosition, order: SortOrder): number {
  const byValue = compareValues(a.value, b.value)
  const result = byValue !== 0 ? byValue : compareText(a.id, b.id)

  return order === 'asc' ? result : -result
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b
  }

  return compareText(String(a).toUpperCase(), String(b).toUpperCase())
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0
  }

  return a < b ? -1 : 1
}
