import { createMemo, createSignal } from 'solid-js'
import type { Accessor } from 'solid-js'

import type { SessionItem } from '@keep/sdk'

import {
  getHeaderCheckState,
  keepShownSelection,
  toggleAllSelectable,
  toggleSelected,
} from './selection'
import type { HeaderCheckState } from './selection'

export interface SelectionControls {
  readonly isSelected: (id: string) => boolean
  readonly selectedItems: Accessor<readonly SessionItem[]>
  readonly header: Accessor<HeaderCheckState>
  readonly toggle: (item: SessionItem) => void
  readonly toggleAll: () => void
  readonly clear: () => void
}

/** The rows ticked on the page shown; rows that leave the page leave the selection. */
export function createSelection(items: Accessor<readonly SessionItem[]>): SelectionControls {
  const [ticked, setTicked] = createSignal<ReadonlySet<string>>(new Set())
  const selected = createMemo(() => keepShownSelection(items(), ticked()))

  return {
    isSelected: (id) => selected().has(id),
    selectedItems: () => items().filter((item) => selected().has(item.id)),
    header: () => getHeaderCheckState(items(), selected()),
    toggle: (item) => setTicked(toggleSelected(selected(), item)),
    toggleAll: () => setTicked(toggleAllSelectable(items(), selected())),
    clear: () => setTicked(new Set<string>()),
  }
}
