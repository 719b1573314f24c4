import { createMemo, createSignal } from 'solid-js'
import type { Accessor } from 'solid-js'

import { FIRST_PAGE, getPageNumber, goToNextPage, goToPreviousPage } from './cursor-stack'
import type { CursorStack } from './cursor-stack'

export interface PagingControls {
  readonly cursor: Accessor<string | undefined>
  readonly pageNumber: Accessor<number>
  readonly hasPrevious: Accessor<boolean>
  readonly next: (cursor: string) => void
  readonly previous: () => void
}

/**
 * Cursor paging that starts over on the first page whenever the view key changes, so a cursor
 * is never sent with a sort or filter it was not made for.
 */
export function createPaging(viewKey: Accessor<string>): PagingControls {
  const [state, setState] = createSignal({ key: viewKey(), stack: FIRST_PAGE })
  const stack = createMemo<CursorStack>(() =>
    state().key === viewKey() ? state().stack : FIRST_PAGE
  )

  return {
    cursor: () => stack().cursor,
    pageNumber: () => getPageNumber(stack()),
    hasPrevious: () => stack().before.length > 0,
    next: (cursor) => setState({ key: viewKey(), stack: goToNextPage(stack(), cursor) }),
    previous: () => setState({ key: viewKey(), stack: goToPreviousPage(stack()) }),
  }
}
