import type { SessionSort } from '@keep/sdk'

export const COLUMN_IDS = [
  'username',
  'type',
  'address',
  'lastActive',
  'createdAt',
  'serverName',
  'userAgent',
] as const

export type ColumnId = (typeof COLUMN_IDS)[number]

export const DEFAULT_COLUMNS: readonly ColumnId[] = ['username', 'type', 'address', 'lastActive']

export const COLUMN_LABELS: Readonly<Record<ColumnId, string>> = {
  username: 'Username',
  type: 'Session Type',
  address: 'Address',
  lastActive: 'Last Active',
  createdAt: 'Signed In',
  serverName: 'Server Name',
  userAgent: 'User Agent',
}

/** The list sort each column maps to; the API cannot sort by user agent. */
export const COLUMN_SORTS: Readonly<Record<ColumnId, SessionSort | null>> = {
  username: 'username',
  type: 'type',
  address: 'address',
  lastActive: 'lastActive',
  createdAt: 'createdAt',
  serverName: 'serverName',
  userAgent: null,
}

/** Puts the visible columns in table order, dropping unknown and repeated ids. */
export function normalizeColumns(ids: readonly unknown[]): ColumnId[] {
  return COLUMN_IDS.filter((id) => ids.includes(id))
}

/** Shows or hides one column; the last visible column cannot be hidden. */
export function toggleColumn(visible: readonly ColumnId[], id: ColumnId): ColumnId[] {
  if (!visible.includes(id)) {
    return normalizeColumns([...visible, id])
  }

  if (visible.length === 1) {
    return [...visible]
  }

  return visible.filter((column) => column !== id)
}
