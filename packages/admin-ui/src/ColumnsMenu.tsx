import { createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js'

import { COLUMN_IDS, COLUMN_LABELS } from './columns'
import type { ColumnId } from './columns'

interface ColumnsMenuProps {
  readonly visible: readonly ColumnId[]
  readonly onToggle: (id: ColumnId) => void
}

/** A disclosure with a checkbox per column; the last visible column cannot be hidden. */
export function ColumnsMenu(props: ColumnsMenuProps) {
  const panelId = `kas-columns-${createUniqueId()}`
  const [open, setOpen] = createSignal(false)
  let root: HTMLDivElement | undefined
  let button: HTMLButtonElement | undefined

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) button?.focus()
  }

  const onDocumentClick = (event: MouseEvent) => {
    if (open() && root && !root.contains(event.target as Node)) close(false)
  }

  document.addEventListener('click', onDocumentClick)
  onCleanup(() => document.removeEventListener('click', onDocumentClick))

  return (
    <div
      class="kas-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open()) close(true)
      }}
      onFocusOut={(event) => {
        if (root && !root.contains(event.relatedTarget as Node | null)) setOpen(false)
      }}
    >
      <button
        ref={button}
        type="button"
        class="kas-button"
        aria-expanded={open()}
        aria-controls={panelId}
        onClick={() => setOpen(!open())}
      >
        Show/Hide Columns
      </button>
      <Show when={open()}>
        <fieldset id={panelId} class="kas-menu__panel">
          <legend class="kas-menu__legend">Columns</legend>
          <For each={COLUMN_IDS}>
            {(id) => (
              <label class="kas-menu__item">
                <input
                  type="checkbox"
                  class="kas-checkbox"
                  checked={props.visible.includes(id)}
                  disabled={props.visible.length === 1 && props.visible.includes(id)}
                  onChange={() => props.onToggle(id)}
                />
                {COLUMN_LABELS[id]}
              </label>
            )}
          </For>
        </fieldset>
      </Show>
    </div>
  )
}
