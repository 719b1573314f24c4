import { Show } from 'solid-js'

import type { SessionSort, SortOrder } from '@keep/sdk'

interface SortHeaderProps {
  readonly label: string
  /** The sort this column maps to; null for a column the API cannot sort by. */
  readonly sort: SessionSort | null
  readonly activeSort: SessionSort
  readonly order: SortOrder
  readonly onSort: (sort: SessionSort) => void
}

/** A column header; sortable ones are buttons, and the sorted one announces its direction. */
export function SortHeader(props: SortHeaderProps) {
  const active = () => props.sort !== null && props.sort === props.activeSort
  const ariaSort = () => {
    if (!active()) return undefined

    return props.order === 'asc' ? 'ascending' : 'descending'
  }

  return (
    <th scope="col" aria-sort={ariaSort()} class="kas-th">
      <Show when={props.sort} fallback={<span class="kas-th__text">{props.label}</span>}>
        {(sort) => (
          <button type="button" class="kas-sort" onClick={() => props.onSort(sort())}>
            {props.label}
            <span
              class="kas-sort__icon"
              classList={{ 'kas-sort__icon--active': active() }}
              aria-hidden="true"
            >
              {active() && props.order === 'asc' ? '▲' : '▼'}
            </span>
          </button>
        )}
      </Show>
    </th>
  )
}
