import { createUniqueId, For } from 'solid-js'

import { PAGE_SIZES } from './view-params'
import type { PageSize } from './view-params'

interface PagerProps {
  readonly pageNumber: number
  readonly pageSize: PageSize
  readonly shown: number
  /** All matching sessions, when known (it is not known while searching). */
  readonly total: number | undefined
  readonly hasPrevious: boolean
  readonly hasNext: boolean
  readonly onPrevious: () => void
  readonly onNext: () => void
  readonly onPageSize: (size: PageSize) => void
}

const numberFormat = new Intl.NumberFormat()

/**
 * Rows per page, where the page sits in the list, and Previous/Next through the cursor. The
 * buttons stay focusable at either end so that keyboard focus is not dropped on the last page.
 */
export function Pager(props: PagerProps) {
  const sizeId = `kas-size-${createUniqueId()}`
  const first = () => (props.pageNumber - 1) * props.pageSize + 1
  const range = () => {
    if (props.shown === 0) return `Page ${String(props.pageNumber)}`

    const span = `${numberFormat.format(first())}–${numberFormat.format(first() + props.shown - 1)}`

    return props.total === undefined ? span : `${span} of ${numberFormat.format(props.total)}`
  }

  return (
    <nav class="kas-pager" aria-label="Pages">
      <div class="kas-field kas-field--inline">
        <label for={sizeId} class="kas-field__label">
          Rows per page
        </label>
        <select
          id={sizeId}
          class="kas-input kas-select"
          value={String(props.pageSize)}
          onChange={(event) => {
            const value = event.currentTarget.value
            const size = PAGE_SIZES.find((candidate) => String(candidate) === value)
            if (size) props.onPageSize(size)
          }}
        >
          <For each={PAGE_SIZES}>{(size) => <option value={String(size)}>{size}</option>}</For>
        </select>
      </div>
      <p class="kas-pager__range">{range()}</p>
      <div class="kas-pager__buttons">
        <button
          type="button"
          class="kas-button"
          aria-disabled={!props.hasPrevious ? 'true' : undefined}
          onClick={() => {
            if (props.hasPrevious) props.onPrevious()
          }}
        >
          Previous
        </button>
        <button
          type="button"
          class="kas-button"
          aria-disabled={!props.hasNext ? 'true' : undefined}
          onClick={() => {
            if (props.hasNext) props.onNext()
          }}
        >
          Next
        </button>
      </div>
    </nav>
  )
}
