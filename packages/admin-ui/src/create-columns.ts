import { createSignal } from 'solid-js'
import type { Accessor } from 'solid-js'

import { getLocalStorage, loadColumns, saveColumns } from './column-storage'
import type { ColumnStorage } from './column-storage'
import { toggleColumn } from './columns'
import type { ColumnId } from './columns'

export interface ColumnControls {
  readonly visible: Accessor<readonly ColumnId[]>
  readonly toggle: (id: ColumnId) => void
}

/** The columns shown, remembered in this browser. */
export function createColumns(
  storage: ColumnStorage | undefined = getLocalStorage()
): ColumnControls {
  const [visible, setVisible] = createSignal<readonly ColumnId[]>(loadColumns(storage))

  return {
    visible,
    toggle: (id) => {
      const next = toggleColumn(visible(), id)

      setVisible(next)
      saveColumns(storage, next)
    },
  }
}
