import type { ListSessionsQuery } from './types.js'

const QUERY_KEYS = ['type', 'q', 'sort', 'order', 'limit', 'cursor'] as const

/** The list query as URL parameters, leaving out the parts not given so the server defaults apply. */
export function toSearchParams(query: ListSessionsQuery): URLSearchParams {
  const params = new URLSearchParams()

  for (const key of QUERY_KEYS) {
    const value = query[key]

    if (value !== undefined && value !== '') {
      params.set(key, String(value))
    }
  }

  return params
}
