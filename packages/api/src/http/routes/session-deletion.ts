import { decideDeletion, isSessionActive, planBulkDeletion } from '@keep/core'
import type { Session, SessionUser } from '@keep/core'
import { Hono } from 'hono'

import type { KeepApiDeps } from '../deps'
import { ApiError } from '../errors'
import { OPERATIONS } from '../operations'
import { requireJson, validate } from '../request-guards'
import type { BulkDeleteResult } from '../schemas'
import type { AuthedEnv } from '../types'

const { deleteSession, deleteSessions } = OPERATIONS

/** Ending other people's sessions, one or many; mounted behind the admin check. */
export function createSessionDeletionRoutes(deps: KeepApiDeps): Hono<AuthedEnv> {
  const routes = new Hono<AuthedEnv>()

  routes.delete('/sessions/:id', validate('param', deleteSession.params), async (c) => {
    const actor = c.var.auth.user
    const { id } = c.req.valid('param')
    const [session] = await findActiveSessions(deps, [id])

    if (!session) {
      throw new ApiError('not_found', 'No such session; it may have ended already.')
    }

    assertMayDelete(actor, session)

    const [deleted] = await deps.sessions.deleteByIds([id])

    if (!deleted) {
      throw new ApiError('not_found', 'No such session; it may have ended already.')
    }

    logDeletion(deps, { actor, session })

    return c.body(null, deleteSession.success.status)
  })

  routes.post('/sessions/delete', requireJson, validate('json', deleteSessions.body), async (c) => {
    const actor = c.var.auth.user
    const { ids } = c.req.valid('json')
    const found = await findActiveSessions(deps, [...new Set(ids)])
    const plan = planBulkDeletion(actor, ids, found)
    const deleted = plan.deletable.length > 0 ? await deps.sessions.deleteByIds(plan.deletable) : []

    // Whatever was planned but is gone now ended in between: report it, do not claim it.
    const deletedIds = new Set(deleted)
    const vanished = plan.deletable.filter((id) => !deletedIds.has(id))
    const byId = new Map(found.map((session) => [session.id, session]))

    for (const session of deleted.map((id) => byId.get(id))) {
      if (session) logDeletion(deps, { actor, session })
    }

    const body: BulkDeleteResult = {
      deleted: plan.deletable.filter((id) => deletedIds.has(id)),
      refused: [...plan.refused],
      notFound: [...plan.missing, ...vanished],
    }

    return c.json(body, deleteSessions.success.status)
  })

  return routes
}

/** An expired session is gone, whether or not the sweeper has purged it yet. */
async function findActiveSessions(deps: KeepApiDeps, ids: readonly string[]): Promise<Session[]> {
  const found = await deps.sessions.findByIds(ids)
  const now = deps.clock.now()

  return found.filter((session) => isSessionActive(session, deps.policy, now))
}

function assertMayDelete(actor: SessionUser, session: Session): void {
  const decision = decideDeletion(actor, session)

  if (decision.allowed) {
    return
  }

  switch (decision.reason) {
    case 'own_session':
      throw new ApiError('own_session')
    case 'not_admin':
      throw new ApiError('forbidden')
  }
}

function logDeletion(deps: KeepApiDeps, deletion: { actor: SessionUser; session: Session }) {
  const { actor, session } = deletion

  deps.logger.info('session_deleted', {
    actorId: actor.id,
    actorUsername: actor.username,
    sessionId: session.id,
    ownerId: session.user.id,
    ownerUsername: session.user.username,
    type: session.type,
  })
}
