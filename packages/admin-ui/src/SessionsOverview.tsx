import { Show } from 'solid-js'

import type { SessionStats } from '@keep/sdk'

import { ErrorNotice } from './ErrorNotice'
import { PageHeader } from './PageHeader'
import { StatTiles } from './StatTiles'

interface SessionsOverviewProps {
  readonly stats: SessionStats | undefined
  /** Why the counts are missing; shown only when the table did load, which says it otherwise. */
  readonly statsError: unknown
  readonly loading: boolean
  readonly autoRefresh: boolean
  readonly onAutoRefresh: (on: boolean) => void
  readonly onRefresh: () => void
}

/** The title, the refresh controls and the counts above the table. */
export function SessionsOverview(props: SessionsOverviewProps) {
  return (
    <>
      <PageHeader
        loading={props.loading}
        autoRefresh={props.autoRefresh}
        onAutoRefresh={(on) => props.onAutoRefresh(on)}
        onRefresh={() => props.onRefresh()}
      />
      <StatTiles stats={props.stats} />
      <Show when={props.statsError !== undefined}>
        <ErrorNotice
          title="The counts could not be loaded."
          error={props.statsError}
          onRetry={() => props.onRefresh()}
        />
      </Show>
    </>
  )
}
