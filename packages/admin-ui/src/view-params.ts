import { MAX_SEARCH_LENGTH, getDefaultOrder, isSessionType, isSortField } from '@keep/core'
import type {
  ListSessionsQuery,
  SessionSort,
  SessionStats,
  SessionType,
  SortOrder,
} from '@keep/sdk'

export const PAGE_SIZES = [25, 50, 100] as const

export type PageSize = (typeof PAGE_SIZES)[number]

/** What the table shows; everything here lives in the URL so a view can be shared. */
export interface SessionsView {
  readonly type: SessionType | null
  readonly q: string
  readonly sort: SessionSort
  readonly order: SortOrder
  readonly limit: PageSize
}

export const DEFAULT_VIEW: SessionsView = {
  type: null,
  q: '',
  sort: 'lastActive',
  order: 'desc',
  limit: 50,
}

/** The API accepts at most this many characters of search text. */
export const MAX_QUERY_LENGTH = MAX_SEARCH_LENGTH

type RawParams = Partial<Record<string, string | string[] | undefined>>

/** Reads the view from query parameters; anything unknown falls back to the default. */
export function readView(params: RawParams): SessionsView {
  const type = first(params['type'])
  const sort = first(params['sort'])
  const order = first(params['order'])
  const limit = Number(first(params['limit']))
  const parsedSort = sort && isSortField(sort) ? sort : DEFAULT_VIEW.sort

  return {
    type: type && isSessionType(type) ? type : null,
    q: first(params['q'])?.trim().slice(0, MAX_QUERY_LENGTH) ?? '',
    sort: parsedSort,
    order: order === 'asc' || order === 'desc' ? order : getInitialOrder(parsedSort),
    limit: isPageSize(limit) ? limit : DEFAULT_VIEW.limit,
  }
}

/** The query parameters of a view; defaults are left out to keep shared links short. */
export function toSearchParams(view: SessionsView): Record<string, string | undefined> {
  return {
    type: view.type ?? undefined,
    q: view.q.trim() || undefined,
    sort: view.sort === DEFAULT_VIEW.sort ? undefined : view.sort,
    order: view.order === getInitialOrder(view.sort) ? undefined : view.order,
    limit: view.limit === DEFAULT_VIEW.limit ? undefined : String(view.limit),
  }
}

/** A click on the sorted column flips it; another column starts with its natural order. */
export function getNextSort(
  view: Pick<SessionsView, 'sort' | 'order'>,
  sort: SessionSort
): Pick<SessionsView, 'sort' | 'order'> {
  if (view.sort === sort) {
    return { sort, order: view.order === 'asc' ? 'desc' : 'asc' }
  }

  return { sort, order: getInitialOrder(sort) }
}

/** The order a column starts in, the API's default for it: times newest first, text A to Z. */
export function getInitialOrder(sort: SessionSort): SortOrder {
  return getDefaultOrder(sort)
}

export function toListQuery(view: SessionsView, cursor: string | undefined): ListSessionsQuery {
  return {
    type: view.type ?? undefined,
    q: view.q || undefined,
    sort: view.sort,
    order: view.order,
    limit: view.limit,
    cursor,
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function isPageSize(value: number): value is PageSize {
  return (PAGE_SIZES as readonly number[]).includes(value)
}

/** A key that changes whenever the rows shown would change; paging restarts with it. */
export function getViewKey(view: SessionsView): string {
  return [view.type ?? '', view.q, view.sort, view.order, String(view.limit)].join('\n')
}

/** How many sessions the view matches, from the counts; unknown while searching. */
export function countMatching(
  stats: SessionStats | undefined,
  view: Pick<SessionsView, 'type' | 'q'>
): number | undefined {
  if (!stats || view.q) return undefined

  return view.type ? stats.byType[view.type] : stats.activeSessions
}
