import type { BulkDeleteResult, FetchLike, SessionItem, SessionStats } from '@keep/sdk'

/** The Keep root URL the fake answers under. */
export const FAKE_BASE_URL = 'http://keep.test/keep'

const API = '/keep/api/admin/sessions'

type Route = 'stats' | 'list' | 'delete' | 'bulk'

export interface FakeFailure {
  readonly status: number
  readonly code: string
  readonly message?: string
}

/** An in-memory Keep admin API answering per the HTTP contract, for the real SDK to talk to. */
export interface FakeKeep {
  readonly fetch: FetchLike
  /** The active sessions; tests may change it to act behind the page's back. */
  sessions: SessionItem[]
  /** Every request as "METHOD /path?query", in order. */
  readonly requests: string[]
  /** Answers the next request to a route with an error instead. */
  failNext(route: Route, failure: FakeFailure): void
  /** Holds every answer until the returned function is called. */
  hold(): () => void
}

export function createFakeKeep(sessions: SessionItem[]): FakeKeep {
  const failures = new Map<Route, FakeFailure>()
  let gate: Promise<void> = Promise.resolve()

  const fake: FakeKeep = {
    sessions,
    requests: [],
    failNext: (route, failure) => failures.set(route, failure),
    hold: () => {
      let release: (() => void) | undefined
      gate = new Promise((resolve) => (release = resolve))

      return () => release?.()
    },
    fetch: async (url, init) => {
      const { pathname, search, searchParams } = new URL(url)
      const method = init.method ?? 'GET'
      const route = findRoute(method, pathname)

      fake.requests.push(`${method} ${pathname}${search}`)
      await gate

      const failure = route && failures.get(route)
      if (route && failure) {
        failures.delete(route)

        return errorResponse(failure.status, failure.code, failure.message)
      }

      switch (route) {
        case 'stats':
          return json(200, countSessions(fake.sessions))
        case 'list':
          return listSessions(fake.sessions, searchParams)
        case 'delete':
          return deleteOne(fake, decodeURIComponent(pathname.slice(API.length + 1)))
        case 'bulk':
          return deleteMany(fake, readIds(init.body))
        case undefined:
          return errorResponse(404, 'not_found', 'No such route')
      }
    },
  }

  return fake
}

function findRoute(method: string, pathname: string): Route | undefined {
  if (method === 'GET' && pathname === `${API}/stats`) return 'stats'
  if (method === 'GET' && pathname === API) return 'list'
  if (method === 'POST' && pathname === `${API}/delete`) return 'bulk'
  if (method === 'DELETE' && pathname.startsWith(`${API}/`)) return 'delete'

  return undefined
}

function countSessions(sessions: readonly SessionItem[]): SessionStats {
  const count = (type: SessionItem['type']) => sessions.filter((s) => s.type === type).length

  return {
    activeUsers: new Set(sessions.map((s) => s.userId)).size,
    activeSessions: sessions.length,
    byType: { rest: count('rest'), browser: count('browser'), other: count('other') },
  }
}

const SORT_KEYS = {
  lastActive: 'lastActiveAt',
  createdAt: 'createdAt',
  username: 'username',
  type: 'type',
  address: 'address',
  serverName: 'serverName',
} as const

function listSessions(sessions: readonly SessionItem[], params: URLSearchParams): Response {
  const sort = (params.get('sort') ?? 'lastActive') as keyof typeof SORT_KEYS
  const key = SORT_KEYS[sort] as (typeof SORT_KEYS)[keyof typeof SORT_KEYS] | undefined
  const limit = Number(params.get('limit') ?? '50')
  if (!key || !Number.isInteger(limit) || limit < 1 || limit > 200) {
    return errorResponse(400, 'invalid_request', 'sort or limit is not valid')
  }

  const order =
    params.get('order') ?? (sort === 'lastActive' || sort === 'createdAt' ? 'desc' : 'asc')
  const compare = (a: SessionItem, b: SessionItem) => {
    const byValue = a[key].toLowerCase().localeCompare(b[key].toLowerCase())
    const result = byValue !== 0 ? byValue : a.id.localeCompare(b.id)

    return order === 'asc' ? result : -result
  }
  const rows = sessions.filter((s) => matches(s, params)).sort(compare)
  const after = params.get('cursor')
  const start = after ? rows.findIndex((row) => compare(row, decodeCursor(after)) > 0) : 0
  const items = start < 0 ? [] : rows.slice(start, start + limit)
  const last = items.at(-1)
  const more = start >= 0 && start + limit < rows.length

  return json(200, { items, nextCursor: more && last ? encodeCursor(last) : null })
}

function matches(session: SessionItem, params: URLSearchParams): boolean {
  const type = params.get('type')
  const q = params.get('q')?.toLowerCase()
  if (type && session.type !== type) return false

  return !q || session.username.toLowerCase().includes(q) || session.address.includes(q)
}

function encodeCursor(row: SessionItem): string {
  return btoa(JSON.stringify(row))
}

function decodeCursor(cursor: string): SessionItem {
  return JSON.parse(atob(cursor)) as SessionItem
}

function deleteOne(fake: FakeKeep, id: string): Response {
  const session = fake.sessions.find((s) => s.id === id)
  if (!session) return errorResponse(404, 'not_found', 'Session not found')
  if (session.own) return errorResponse(403, 'own_session', 'You cannot delete your own session')

  fake.sessions = fake.sessions.filter((s) => s.id !== id)

  return new Response(null, { status: 204 })
}

function deleteMany(fake: FakeKeep, ids: readonly string[]): Response {
  const result: BulkDeleteResult = { deleted: [], refused: [], notFound: [] }
  for (const id of ids) {
    const session = fake.sessions.find((s) => s.id === id)
    if (!session) result.notFound.push(id)
    else if (session.own) result.refused.push({ id, reason: 'own_session' })
    else result.deleted.push(id)
  }

  fake.sessions = fake.sessions.filter((s) => !result.deleted.includes(s.id))

  return json(200, result)
}

function readIds(body: unknown): string[] {
  const parsed = JSON.parse(typeof body === 'string' ? body : '{}') as { ids?: string[] }

  return parsed.ids ?? []
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

function errorResponse(status: number, code: string, message = code): Response {
  return json(status, { error: { code, message } })
}
