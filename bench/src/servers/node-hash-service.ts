import { createHash } from 'node:crypto'

import { getTouchCutoff, isSessionActive, isWellFormedToken, needsTouch } from '@keep/core'
import type { Clock, SessionPolicy, SessionStore } from '@keep/core'

import type { SessionService } from '@keep/api'

/*
 * A prototype of one proposed change, for measurement only: the session service's
 * authenticate with the token hashed by node:crypto's createHash instead of crypto.subtle,
 * every other step as it is. The result is the same lowercase hex SHA-256.
 */
export function withNodeHash(
  service: SessionService,
  deps: { readonly sessions: SessionStore; readonly clock: Clock; readonly policy: SessionPolicy }
): SessionService {
  return {
    ...service,
    authenticate: async (token) => {
      if (token === undefined || !isWellFormedToken(token)) {
        return null
      }

      const hash = createHash('sha256').update(token).digest('hex')
      const session = await deps.sessions.findByTokenHash(hash)
      const now = deps.clock.now()

      if (!session || !isSessionActive(session, deps.policy, now)) {
        return null
      }

      if (!needsTouch(session, deps.policy, now)) {
        return { session, user: session.user }
      }

      const cutoff = getTouchCutoff(deps.policy, now)

      await deps.sessions.touch({ id: session.id, at: now, ifLastActiveBefore: cutoff })

      return { session: { ...session, lastActiveAt: now }, user: session.user }
    },
  }
}
