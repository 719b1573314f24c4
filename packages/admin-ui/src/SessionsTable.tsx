import { createEffect, createMemo, createUniqueId, For, Show } from 'solid-js'

import type { SessionItem, SessionSort, SortOrder } from '@keep/sdk'

import { COLUMN_LABELS, COLUMN_SORTS } from './columns'
import type { ColumnId } from './columns'
import type { SelectionControls } from './create-selection'
import { getRowLabels } from './row-labels'
import { SessionRow, OWN_SESSION_HINT } from './SessionRow'
import { SortHeader } from './SortHeader'
import { TableStates } from './TableStates'

export interface SessionsTableProps {
  readonly items: readonly SessionItem[]
  readonly columns: readonly ColumnId[]
  readonly sort: SessionSort
  readonly order: SortOrder
  readonly now: Date
  readonly selection: SelectionControls
  readonly isLoading: boolean
  readonly error: unknown
  readonly filtered: boolean
  readonly onSort: (sort: SessionSort) => void
  readonly onDelete: (item: SessionItem, opener: HTMLElement) => void
  readonly onRetry: () => void
  /** The scrolling region around the table; it can take focus when a control above it goes. */
  readonly regionRef?: (element: HTMLDivElement) => void
}

/** The sessions table with its header checkbox, sortable headers and row actions. */
export function SessionsTable(props: SessionsTableProps) {
  const ownHintId = `kas-own-hint-${createUniqueId()}`
  const columnCount = () => props.columns.length + 2
  const labels = createMemo(() => getRowLabels(props.items, props.now))

  return (
    <div
      ref={(element) => props.regionRef?.(element)}
      class="kas-table-scroll"
      role="region"
      aria-label="Sessions"
      tabIndex={-1}
    >
      <span id={ownHintId} class="kas-visually-hidden">
        {OWN_SESSION_HINT}
      </span>
      <table class="kas-table" aria-busy={props.isLoading}>
        <thead>
          <tr>
            <th scope="col" class="kas-th kas-th--check">
              <HeaderCheckbox selection={props.selection} />
            </th>
            <For each={props.columns}>
              {(column) => (
                <SortHeader
                  label={COLUMN_LABELS[column]}
                  sort={COLUMN_SORTS[column]}
                  activeSort={props.sort}
                  order={props.order}
                  onSort={(sort) => props.onSort(sort)}
                />
              )}
            </For>
            <th scope="col" class="kas-th kas-th--actions">
              <span class="kas-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <Show when={!props.error}>
            <For each={props.items}>
              {(item) => (
                <SessionRow
                  item={item}
                  columns={props.columns}
                  now={props.now}
                  label={labels().get(item.id) ?? item.username}
                  selected={props.selection.isSelected(item.id)}
                  ownHintId={ownHintId}
                  onToggle={(row) => props.selection.toggle(row)}
                  onDelete={(row, opener) => props.onDelete(row, opener)}
                />
              )}
            </For>
          </Show>
          <TableStates
            columnCount={columnCount()}
            isLoading={props.isLoading}
            error={props.error}
            empty={props.items.length === 0}
            filtered={props.filtered}
            onRetry={() => props.onRetry()}
          />
        </tbody>
      </table>
    </div>
  )
}

function HeaderCheckbox(props: { readonly selection: SelectionControls }) {
  let input: HTMLInputElement | undefined

  createEffect(() => {
    if (input) input.indeterminate = props.selection.header().indeterminate
  })

  return (
    <label class="kas-check">
      <input
        ref={input}
        type="checkbox"
        class="kas-checkbox"
        aria-label="Select all sessions shown"
        checked={props.selection.header().checked}
        disabled={props.selection.header().disabled}
        onChange={() => props.selection.toggleAll()}
      />
    </label>
  )
}
