import { isOwnSession } from '@keep/core'
import type { Session, SessionUser } from '@keep/core'

import type { SessionItem, User } from './schemas'

export function presentUser(user: SessionUser): User {
  return { id: user.id, username: user.username, role: user.role }
}

export function presentSession(session: Session, actor: SessionUser): SessionItem {
  return {
    id: session.id,
    userId: session.user.id,
    username: session.user.username,
    type: session.type,
    address: session.address,
    serverName: session.serverName,
    userAgent: session.userAgent,
    createdAt: session.createdAt.toISOString(),
    lastActiveAt: session.lastActiveAt.toISOString(),
    own: isOwnSession(actor, session),
  }
}
