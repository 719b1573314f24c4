import { createSignal, Show } from 'solid-js'

import './styles/index.css'
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog'
import { createAutoRefresh } from './create-auto-refresh'
import { createColumns } from './create-columns'
import { createDeletionFeedback } from './create-deletion-feedback'
import { createSessionsPage } from './create-sessions-page'
import type { ActiveSessionsPageProps } from './page-props'
import { Pager } from './Pager'
import { SessionsOverview } from './SessionsOverview'
import { SessionsTable } from './SessionsTable'
import { SessionsToolbar } from './SessionsToolbar'
import { StatusBanner } from './StatusBanner'
import { getNextSort } from './view-params'

/** Reports & Info → Sessions: who is signed in, and ending their sessions. */
export function ActiveSessionsPage(props: ActiveSessionsPageProps) {
  const page = createSessionsPage({
    client: () => props.client,
    now: () => props.now?.() ?? new Date(),
  })
  const { view, data, selection } = page
  const columns = createColumns()
  const feedback = createDeletionFeedback({
    client: () => props.client,
    onDone: () => {
      selection.clear()
      page.refresh()
    },
  })
  const { deletion } = feedback
  const [autoRefresh, setAutoRefresh] = createSignal(false)

  createAutoRefresh({ active: () => autoRefresh() && !deletion.pending(), onTick: page.refresh })

  return (
    <div class="kas-page">
      <div class="kas-page__content" inert={deletion.pending() !== null}>
        <SessionsOverview
          stats={data.stats()}
          statsError={data.listError() === undefined ? data.statsError() : undefined}
          loading={data.isLoading()}
          autoRefresh={autoRefresh()}
          onAutoRefresh={setAutoRefresh}
          onRefresh={page.refresh}
        />
        <SessionsToolbar
          type={view().type}
          query={view().q}
          columns={columns.visible()}
          selectedCount={selection.selectedItems().length}
          onType={(type) => page.changeView({ type })}
          onSearch={(q) => page.changeView({ q }, { replace: true })}
          onToggleColumn={(id) => columns.toggle(id)}
          onDeleteSelected={(opener) => deletion.request(selection.selectedItems(), opener)}
        />
        <StatusBanner
          ref={feedback.setStatusElement}
          status={feedback.status()}
          onDismiss={feedback.dismiss}
        />
        <SessionsTable
          items={data.items()}
          columns={columns.visible()}
          sort={view().sort}
          order={view().order}
          now={page.clock.now()}
          selection={selection}
          isLoading={data.isLoading()}
          error={data.listError()}
          filtered={view().type !== null || view().q !== ''}
          onSort={(sort) => page.changeView(getNextSort(view(), sort))}
          onDelete={(item, opener) => deletion.request([item], opener)}
          onRetry={page.refresh}
          regionRef={feedback.setTableElement}
        />
        <Pager
          pageNumber={page.paging.pageNumber()}
          pageSize={view().limit}
          shown={data.items().length}
          total={page.total()}
          hasPrevious={page.paging.hasPrevious()}
          hasNext={data.nextCursor() !== null}
          onPrevious={page.previousPage}
          onNext={page.nextPage}
          onPageSize={(limit) => page.changeView({ limit })}
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
