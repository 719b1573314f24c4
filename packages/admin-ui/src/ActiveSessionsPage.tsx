import { createEffect, createSignal, Show } from 'solid-js'

import './active-sessions.css'
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog'
import { createAutoRefresh } from './create-auto-refresh'
import { createClock } from './create-clock'
import { createColumns } from './create-columns'
import { createDeleteFlow } from './create-delete-flow'
import { createPaging } from './create-paging'
import { createSelection } from './create-selection'
import { createSessionsData } from './create-sessions-data'
import { createSessionsView } from './create-sessions-view'
import type { StatusMessage } from './delete-sessions'
import { ErrorNotice } from './ErrorNotice'
import type { ActiveSessionsPageProps } from './page-props'
import { PageHeader } from './PageHeader'
import { Pager } from './Pager'
import { SessionsTable } from './SessionsTable'
import { SessionsToolbar } from './SessionsToolbar'
import { StatTiles } from './StatTiles'
import { StatusBanner } from './StatusBanner'
import { getViewKey, getNextSort, toListQuery } from './view-params'
import type { SessionsView } from './view-params'

/** Reports & Info → Sessions: who is signed in, and ending their sessions. */
export function ActiveSessionsPage(props: ActiveSessionsPageProps) {
  const { view, update } = createSessionsView()
  const paging = createPaging(() => getViewKey(view()))
  const data = createSessionsData({
    client: () => props.client,
    query: () => toListQuery(view(), paging.cursor()),
  })
  const selection = createSelection(data.items)
  const columns = createColumns()
  const clock = createClock(() => props.now?.() ?? new Date())
  const [status, setStatus] = createSignal<StatusMessage | null>(null)
  const [autoRefresh, setAutoRefresh] = createSignal(false)
  let statusElement: HTMLDivElement | undefined
  let tableRegion: HTMLDivElement | undefined

  const refresh = () => {
    clock.tick()
    data.refresh()
  }

  const changeView = (change: Partial<SessionsView>, options?: { replace?: boolean }) => {
    selection.clear()
    update(change, options)
  }

  const deletion = createDeleteFlow({
    client: () => props.client,
    onDone: (result) => {
      selection.clear()
      setStatus(result)
      refresh()
      statusElement?.focus()
    },
  })

  createAutoRefresh({ active: () => autoRefresh() && deletion.pending() === null, onTick: refresh })

  // A deletion can empty the last page; show the one before rather than an empty table.
  createEffect(() => {
    if (data.isSettled() && data.items().length === 0 && paging.hasPrevious()) paging.previous()
  })

  const total = () => {
    const stats = data.stats()
    if (!stats || view().q) return undefined

    const type = view().type

    return type ? stats.byType[type] : stats.activeSessions
  }

  return (
    <div class="kas-page">
      <div class="kas-page__content" inert={deletion.pending() !== null}>
        <PageHeader
          loading={data.isLoading()}
          autoRefresh={autoRefresh()}
          onAutoRefresh={setAutoRefresh}
          onRefresh={refresh}
        />
        <StatTiles stats={data.stats()} />
        <Show when={data.statsError() !== undefined && data.listError() === undefined}>
          <ErrorNotice
            title="The counts could not be loaded."
            error={data.statsError()}
            onRetry={refresh}
          />
        </Show>
        <SessionsToolbar
          type={view().type}
          query={view().q}
          columns={columns.visible()}
          selectedCount={selection.selectedItems().length}
          onType={(type) => changeView({ type })}
          onSearch={(q) => changeView({ q }, { replace: true })}
          onToggleColumn={(id) => columns.toggle(id)}
          onDeleteSelected={(opener) => deletion.request(selection.selectedItems(), opener)}
        />
        <StatusBanner
          ref={(element) => (statusElement = element)}
          status={status()}
          onDismiss={() => {
            setStatus(null)
            // The Dismiss button goes with the message; the table is where the admin goes on.
            tableRegion?.focus()
          }}
        />
        <SessionsTable
          items={data.items()}
          columns={columns.visible()}
          sort={view().sort}
          order={view().order}
          now={clock.now()}
          selection={selection}
          isLoading={data.isLoading()}
          error={data.listError()}
          filtered={view().type !== null || view().q !== ''}
          onSort={(sort) => changeView(getNextSort(view(), sort))}
          onDelete={(item, opener) => deletion.request([item], opener)}
          onRetry={refresh}
          regionRef={(element) => (tableRegion = element)}
        />
        <Pager
          pageNumber={paging.pageNumber()}
          pageSize={view().limit}
          shown={data.items().length}
          total={total()}
          hasPrevious={paging.hasPrevious()}
          hasNext={data.nextCursor() !== null}
          onPrevious={() => {
            selection.clear()
            paging.previous()
          }}
          onNext={() => {
            const cursor = data.nextCursor()
            selection.clear()
            if (cursor) paging.next(cursor)
          }}
          onPageSize={(limit) => changeView({ limit })}
        />
      </div>
      <Show when={deletion.pending()}>
        {(items) => (
          <ConfirmDeleteDialog
            items={items()}
            busy={deletion.busy()}
            onConfirm={() => void deletion.confirm()}
            onCancel={() => deletion.cancel()}
          />
        )}
      </Show>
    </div>
  )
}
