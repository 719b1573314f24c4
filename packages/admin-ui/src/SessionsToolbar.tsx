import { createUniqueId, For, Show } from 'solid-js'

import { SESSION_TYPES, SESSION_TYPE_LABELS, isSessionType } from '@keep/core'
import type { SessionType } from '@keep/sdk'

import { ColumnsMenu } from './ColumnsMenu'
import type { ColumnId } from './columns'
import { SearchBox } from './SearchBox'

interface SessionsToolbarProps {
  readonly type: SessionType | null
  readonly query: string
  readonly columns: readonly ColumnId[]
  readonly selectedCount: number
  readonly onType: (type: SessionType | null) => void
  readonly onSearch: (text: string) => void
  readonly onToggleColumn: (id: ColumnId) => void
  readonly onDeleteSelected: (opener: HTMLElement) => void
}

/** Filter, search, columns and the bulk action above the table. */
export function SessionsToolbar(props: SessionsToolbarProps) {
  const typeId = `kas-type-${createUniqueId()}`

  return (
    <div class="kas-toolbar">
      <div class="kas-toolbar__filters">
        <div class="kas-field">
          <label for={typeId} class="kas-field__label">
            Session type
          </label>
          <select
            id={typeId}
            class="kas-input kas-select"
            value={props.type ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value
              props.onType(isSessionType(value) ? value : null)
            }}
          >
            <option value="">All</option>
            <For each={SESSION_TYPES}>
              {(type) => <option value={type}>{SESSION_TYPE_LABELS[type]} only</option>}
            </For>
          </select>
        </div>
        <SearchBox value={props.query} onSearch={(text) => props.onSearch(text)} />
      </div>
      <div class="kas-toolbar__actions">
        <ColumnsMenu visible={props.columns} onToggle={(id) => props.onToggleColumn(id)} />
        <button
          type="button"
          class="kas-button kas-button--danger"
          disabled={props.selectedCount === 0}
          onClick={(event) => props.onDeleteSelected(event.currentTarget)}
        >
          Delete Selected
          <Show when={props.selectedCount > 0}>
            <span class="kas-count"> ({props.selectedCount})</span>
          </Show>
        </button>
      </div>
    </div>
  )
}
