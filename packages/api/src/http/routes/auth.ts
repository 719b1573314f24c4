import { Hono } from 'hono'
import type { Context } from 'hono'

import type { LoginError } from '../../auth/session-service'
import { requireSession } from '../authenticate'
import { clearSessionCookie, setSessionCookie } from '../cookie'
import { assertSameOrigin, rejectCrossSiteCookies } from '../csrf'
import type { KeepApiDeps } from '../deps'
import { ApiError } from '../errors'
import { OPERATIONS } from '../operations'
import { presentUser } from '../present'
import { requireJson, validate } from '../request-guards'
import type { KeepEnv } from '../types'

const { login, logout, me } = OPERATIONS

/** Log-in, log-out and the caller's own session. */
export function createAuthRoutes(deps: KeepApiDeps): Hono<KeepEnv> {
  const routes = new Hono<KeepEnv>()
  const authenticated = requireSession(deps.service)

  routes.post('/auth/login', requireJson, validate('json', login.body), async (c) => {
    const body = c.req.valid('json')

    // A cross-site page must not be able to log the browser in to an account of its choosing.
    if (body.cookie) {
      assertSameOrigin(c)
    }

    const result = await deps.service.login({
      username: body.username,
      password: body.password,
      type: 'rest',
      address: c.var.clientAddress,
      userAgent: c.var.userAgent,
    })

    if (!result.ok) {
      logRefusedLogin(deps, { c, username: body.username, error: result.error })
      throw toLoginError(result.error)
    }

    const { token, session } = result.value

    deps.logger.info('login', {
      username: session.user.username,
      sessionId: session.id,
      type: session.type,
      address: session.address,
    })

    c.header('Cache-Control', 'no-store')

    if (body.cookie) {
      setSessionCookie(c, token, c.var.secure)
      return c.json({ user: presentUser(session.user) }, login.success.status)
    }

    return c.json({ token, user: presentUser(session.user) }, login.success.status)
  })

  routes.post('/auth/logout', authenticated, rejectCrossSiteCookies, async (c) => {
    const { session, user } = c.var.auth

    await deps.service.logout(session.id)
    clearSessionCookie(c, c.var.secure)

    deps.logger.info('logout', {
      username: user.username,
      sessionId: session.id,
      type: session.type,
    })

    return c.body(null, logout.success.status)
  })

  routes.get('/me', authenticated, (c) => {
    const { session, user } = c.var.auth

    const body = { user: presentUser(user), session: { id: session.id, type: session.type } }

    return c.json(body, me.success.status)
  })

  return routes
}

function toLoginError(error: LoginError): ApiError {
  switch (error.code) {
    case 'invalid_credentials':
      return new ApiError('invalid_credentials')
    case 'too_many_attempts':
      return new ApiError('too_many_attempts', undefined, {
        headers: { 'Retry-After': String(error.retryAfterSeconds) },
      })
  }
}

function logRefusedLogin(
  deps: KeepApiDeps,
  refusal: { c: Context<KeepEnv>; username: string; error: LoginError }
) {
  deps.logger.warn('login_refused', {
    username: refusal.username,
    type: 'rest',
    reason: refusal.error.code,
    address: refusal.c.var.clientAddress,
  })
}
