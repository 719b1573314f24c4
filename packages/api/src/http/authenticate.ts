import { isAdmin } from '@keep/core'
import type { Context, MiddlewareHandler } from 'hono'

import type { SessionService } from '../auth/session-service'
import { readSessionCookie } from './cookie'
import { ApiError } from './errors'
import type { AuthedEnv, CredentialSource } from './types'

interface Credential {
  readonly via: CredentialSource
  readonly token: string | undefined
}

const BEARER = /^Bearer +(\S+) *$/i
const CHALLENGE = { 'WWW-Authenticate': 'Bearer' }

/**
 * Session validation for every protected route: one token, one lookup. Any token that does
 * not stand for a live session, malformed ones included, gets the same 401; a store failure
 * propagates to the error handler and becomes a 503.
 */
export function requireSession(service: SessionService): MiddlewareHandler<AuthedEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store')

    const credential = readCredential(c)
    const auth = await service.authenticate(credential.token)

    if (!auth) {
      throw new ApiError('unauthenticated', undefined, { headers: CHALLENGE })
    }

    c.set('auth', { ...auth, via: credential.via })

    await next()
  }
}

export const requireAdmin: MiddlewareHandler<AuthedEnv> = async (c, next) => {
  if (!isAdmin(c.var.auth.user)) {
    throw new ApiError('forbidden')
  }

  await next()
}

// An Authorization header, even a malformed one, is the credential; the cookie is the fallback.
function readCredential(c: Context): Credential {
  const header = c.req.header('Authorization')

  if (header !== undefined) {
    return { via: 'bearer', token: BEARER.exec(header)?.[1] }
  }

  return { via: 'cookie', token: readSessionCookie(c) }
}
