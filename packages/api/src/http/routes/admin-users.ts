import { Hono } from 'hono'

import { createAccount } from '../../auth/accounts'
import type { KeepApiDeps } from '../deps'
import { ApiError } from '../errors'
import { OPERATIONS } from '../operations'
import { presentUser } from '../present'
import { requireJson, validate } from '../request-guards'
import type { AuthedEnv } from '../types'

const { createUser } = OPERATIONS

/** User administration; mounted behind the admin check. */
export function createUserRoutes(deps: KeepApiDeps): Hono<AuthedEnv> {
  const routes = new Hono<AuthedEnv>()

  routes.post('/users', requireJson, validate('json', createUser.body), async (c) => {
    const actor = c.var.auth.user
    const result = await createAccount(deps, c.req.valid('json'))

    if (!result.ok) {
      throw new ApiError('username_taken')
    }

    const user = result.value

    deps.logger.info('user_created', {
      actorId: actor.id,
      actorUsername: actor.username,
      userId: user.id,
      username: user.username,
      role: user.role,
    })

    return c.json(presentUser(user), createUser.success.status)
  })

  return routes
}
