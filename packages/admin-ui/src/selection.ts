import type { SessionItem } from '@keep/sdk'

type Selectable = Pick<SessionItem, 'id' | 'own'>

/** What the header checkbox shows for the rows on screen. */
export interface HeaderCheckState {
  readonly checked: boolean
  readonly indeterminate: boolean
  readonly disabled: boolean
}

/** The server refuses to end the acting admin's own sessions, so the UI offers only the others. */
export function isSelectable(item: Pick<SessionItem, 'own'>): boolean {
  return !item.own
}

export function getSelectableIds(items: readonly Selectable[]): string[] {
  return items.filter(isSelectable).map((item) => item.id)
}

export function getHeaderCheckState(
  items: readonly Selectable[],
  selected: ReadonlySet<string>
): HeaderCheckState {
  const selectable = getSelectableIds(items)
  const count = selectable.filter((id) => selected.has(id)).length

  return {
    checked: count > 0 && count === selectable.length,
    indeterminate: count > 0 && count < selectable.length,
    disabled: selectable.length === 0,
  }
}

/** Selects every selectable row shown, or clears them all when they already are selected. */
export function toggleAllSelectable(
  items: readonly Selectable[],
  selected: ReadonlySet<string>
): Set<string> {
  const selectable = getSelectableIds(items)
  const allSelected = selectable.length > 0 && selectable.every((id) => selected.has(id))

  return allSelected ? new Set() : new Set(selectable)
}

export function toggleSelected(selected: ReadonlySet<string>, item: Selectable): Set<string> {
  const next = new Set(selected)
  if (next.has(item.id)) {
    next.delete(item.id)
  } else if (isSelectable(item)) {
    next.add(item.id)
  }

  return next
}

/** Drops ids that are no longer shown or no longer selectable, e.g. after a refresh. */
export function keepShownSelection(
  items: readonly Selectable[],
  selected: ReadonlySet<string>
): Set<string> {
  return new Set(getSelectableIds(items).filter((id) => selected.has(id)))
}
