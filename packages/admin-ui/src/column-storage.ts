import { DEFAULT_COLUMNS, normalizeColumns } from './columns'
import type { ColumnId } from './columns'

/** Bump the version when the stored shape changes; older entries are then ignored. */
export const COLUMNS_STORAGE_KEY = 'keep.admin.sessions.columns.v1'

export type ColumnStorage = Pick<Storage, 'getItem' | 'setItem'>

/** Reads the remembered columns, falling back to the defaults on anything unexpected. */
export function loadColumns(storage: ColumnStorage | undefined): ColumnId[] {
  const stored = readStored(storage)
  if (!isStoredColumns(stored)) {
    return [...DEFAULT_COLUMNS]
  }

  const visible = normalizeColumns(stored.visible)

  return visible.length > 0 ? visible : [...DEFAULT_COLUMNS]
}

/** Remembers the columns; a full or disabled storage only costs the memory, not the page. */
export function saveColumns(storage: ColumnStorage | undefined, visible: readonly ColumnId[]) {
  try {
    storage?.setItem(COLUMNS_STORAGE_KEY, JSON.stringify({ visible }))
  } catch {
    // Private modes and quotas may refuse the write; the choice still holds until reload.
  }
}

/** The browser's local storage, or undefined where reading it is refused. */
export function getLocalStorage(): ColumnStorage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

function readStored(storage: ColumnStorage | undefined): unknown {
  try {
    const raw = storage?.getItem(COLUMNS_STORAGE_KEY)

    return raw ? (JSON.parse(raw) as unknown) : undefined
  } catch {
    return undefined
  }
}

function isStoredColumns(value: unknown): value is { visible: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'visible' in value &&
    Array.isArray(value.visible)
  )
}
