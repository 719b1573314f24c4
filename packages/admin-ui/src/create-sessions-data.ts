import { createResource } from 'solid-js'
import type { Accessor, Resource, Signal } from 'solid-js'
import { createStore, reconcile, unwrap } from 'solid-js/store'

import type { KeepClient, ListSessionsQuery, SessionItem, SessionStats } from '@keep/sdk'

export interface SessionsData {
  readonly stats: Accessor<SessionStats | undefined>
  readonly statsError: Accessor<unknown>
  readonly items: Accessor<readonly SessionItem[]>
  readonly nextCursor: Accessor<string | null>
  readonly isLoading: Accessor<boolean>
  /** True once the current list request has come back, successfully or not. */
  readonly isSettled: Accessor<boolean>
  readonly listError: Accessor<unknown>
  readonly refresh: () => void
}

interface DataOptions {
  readonly client: Accessor<KeepClient>
  readonly query: Accessor<ListSessionsQuery>
}

/**
 * The tiles' counts and the current page of sessions, fetched through the SDK.
 *
 * Resources rather than the router's query and createAsync: the page shows its own loading and
 * error states and must not suspend or throw into boundaries the host may have, which needs the
 * resource's state; and the router's query cache is shared by the whole app and keyed by the
 * serialised arguments, in which every client reads the same, so a page could be served another
 * client's answer from the last few seconds.
 */
export function createSessionsData(options: DataOptions): SessionsData {
  const [stats, statsControls] = createResource(options.client, (client) =>
    client.getSessionStats()
  )
  const [page, pageControls] = createResource(
    () => ({ client: options.client(), query: options.query() }),
    (source) => source.client.listSessions(source.query),
    { storage: createReconciledSignal }
  )

  return {
    stats: () => readSettled(stats),
    statsError: () => (stats.state === 'errored' ? (stats.error as unknown) : undefined),
    items: () => readSettled(page)?.items ?? [],
    nextCursor: () => readSettled(page)?.nextCursor ?? null,
    isLoading: () => page.loading,
    isSettled: () => page.state === 'ready' || page.state === 'errored',
    listError: () => (page.state === 'errored' ? (page.error as unknown) : undefined),
    refresh: () => {
      void statsControls.refetch()
      void pageControls.refetch()
    },
  }
}

/**
 * Keeps a row's objects, and so its DOM and focus, when a refresh brings the same session back:
 * rows are matched by id instead of being rebuilt on every load.
 */
function createReconciledSignal<T>(initial: T | undefined): Signal<T | undefined> {
  type Update = T | undefined | ((previous: T | undefined) => T | undefined)
  const [store, setStore] = createStore({ value: initial })
  const read = () => store.value
  const write = (next: Update) => {
    const value = isUpdater(next) ? next(unwrap(store.value)) : next
    setStore('value', reconcile(value, { key: 'id' }))

    return store.value
  }

  return [read, write] as Signal<T | undefined>
}

function isUpdater<T>(value: T | ((previous: T) => T)): value is (previous: T) => T {
  return typeof value === 'function'
}

/**
 * The last value a resource resolved with, read without throwing its error and without
 * suspending a Suspense boundary the host may have put around the page.
 */
function readSettled<T>(resource: Resource<T>): T | undefined {
  const state = resource.state

  return state === 'ready' || state === 'refreshing' ? resource.latest : undefined
}
