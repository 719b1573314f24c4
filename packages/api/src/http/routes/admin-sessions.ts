import { encodeCursor, getActivityWindow, parseListQuery } from '@keep/core'
import type { RawListQuery } from '@keep/core'
import { Hono } from 'hono'
import type { Context } from 'hono'

import type { KeepApiDeps } from '../deps'
import { ApiError } from '../errors'
import { OPERATIONS } from '../operations'
import { presentSession } from '../present'
import { validateQuery } from '../request-guards'
import type { SessionPage } from '../schemas'
import type { AuthedEnv } from '../types'

const { sessionStats, listSessions } = OPERATIONS

/** The Active Sessions tiles and table; mounted behind the admin check. */
export function createSessionListRoutes(deps: KeepApiDeps): Hono<AuthedEnv> {
  const routes = new Hono<AuthedEnv>()

  routes.get('/sessions/stats', async (c) => {
    const window = getActivityWindow(deps.policy, deps.clock.now())

    return c.json(await deps.sessions.stats(window), sessionStats.success.status)
  })

  routes.get('/sessions', validateQuery(listSessions.query), async (c) => {
    // The schema has checked every field's shape; core has the last word, cursor included.
    const parsed = parseListQuery(readRawQuery(c))

    if (!parsed.ok) {
      throw new ApiError('invalid_request', parsed.error.message)
    }

    const query = parsed.value
    const window = getActivityWindow(deps.policy, deps.clock.now())
    const page = await deps.sessions.list(query, window)
    const actor = c.var.auth.user

    const body: SessionPage = {
      items: page.items.map((session) => presentSession(session, actor)),
      nextCursor: page.next ? encodeCursor(query, page.next) : null,
    }

    return c.json(body, listSessions.success.status)
  })

  return routes
}

function readRawQuery(c: Context): RawListQuery {
  return {
    type: c.req.query('type'),
    q: c.req.query('q'),
    sort: c.req.query('sort'),
    order: c.req.query('order'),
    limit: c.req.query('limit'),
    cursor: c.req.query('cursor'),
  }
}
