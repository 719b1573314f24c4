import { SESSION_TYPES } from './session'
import type { Session, SessionType } from './session'

export interface SessionStats {
  readonly activeUsers: number
  readonly activeSessions: number
  readonly byType: Readonly<Record<SessionType, number>>
}

export function createEmptyStats(): SessionStats {
  return { activeUsers: 0, activeSessions: 0, byType: countNothingByType() }
}

/** Users are counted once however many sessions they hold; sessions are counted each. */
export function countActiveSessions(activeSessions: Iterable<Session>): SessionStats {
  const users = new Set<string>()
  const byType = countNothingByType()
  let sessions = 0

  for (const session of activeSessions) {
    users.add(session.user.id)
    byType[session.type] += 1
    sessions += 1
  }

  return { activeUsers: users.size, activeSessions: sessions, byType }
}

function countNothingByType(): Record<SessionType, number> {
  return Object.fromEntries(SESSION_TYPES.map((type) => [type, 0])) as Record<SessionType, number>
}
