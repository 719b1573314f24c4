import { createEffect } from 'solid-js'
import type { Accessor } from 'solid-js'

import type { KeepClient } from '@keep/sdk'

import { createClock } from './create-clock'
import type { ClockControls } from './create-clock'
import { createPaging } from './create-paging'
import type { PagingControls } from './create-paging'
import { createSelection } from './create-selection'
import type { SelectionControls } from './create-selection'
import { createSessionsData } from './create-sessions-data'
import type { SessionsData } from './create-sessions-data'
import { createSessionsView } from './create-sessions-view'
import { countMatching, getViewKey, toListQuery } from './view-params'
import type { SessionsView } from './view-params'

export interface SessionsPageState {
  readonly view: Accessor<SessionsView>
  readonly paging: PagingControls
  readonly data: SessionsData
  readonly selection: SelectionControls
  readonly clock: ClockControls
  /** All sessions that match the view, when the counts tell (they do not while searching). */
  readonly total: Accessor<number | undefined>
  readonly refresh: () => void
  readonly changeView: (change: Partial<SessionsView>, options?: { replace?: boolean }) => void
  readonly previousPage: () => void
  readonly nextPage: () => void
}

interface PageOptions {
  readonly client: Accessor<KeepClient>
  readonly now: () => Date
}

/** The view in the URL, the page of it shown, what is ticked on it, and keeping it all fresh. */
export function createSessionsPage(options: PageOptions): SessionsPageState {
  const { view, update } = createSessionsView()
  const paging = createPaging(() => getViewKey(view()))
  const data = createSessionsData({
    client: options.client,
    query: () => toListQuery(view(), paging.cursor()),
  })
  const selection = createSelection(data.items)
  const clock = createClock(options.now)

  // A deletion can empty the last page; show the one before rather than an empty table.
  createEffect(() => {
    if (data.isSettled() && data.items().length === 0 && paging.hasPrevious()) paging.previous()
  })

  return {
    view,
    paging,
    data,
    selection,
    clock,
    total: () => countMatching(data.stats(), view()),
    refresh: () => {
      clock.tick()
      data.refresh()
    },
    changeView: (change, changeOptions) => {
      selection.clear()
      update(change, changeOptions)
    },
    previousPage: () => {
      selection.clear()
      paging.previous()
    },
    nextPage: () => {
      const cursor = data.nextCursor()

      selection.clear()
      if (cursor) paging.next(cursor)
    },
  }
}
