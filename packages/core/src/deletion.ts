import type { Session, SessionUser } from './session'

export type DeletionRefusal = 'not_admin' | 'own_session'

export type DeletionDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: DeletionRefusal }

export interface BulkDeletionPlan {
  readonly deletable: readonly string[]
  readonly refused: readonly { readonly id: string; readonly reason: 'own_session' }[]
  readonly missing: readonly string[]
}

export const MAX_BULK_DELETE = 1000

export function isAdmin(user: SessionUser): boolean {
  return user.role === 'admin'
}

export function isOwnSession(actor: SessionUser, session: Session): boolean {
  return session.user.id === actor.id
}

export function decideDeletion(actor: SessionUser, session: Session): DeletionDecision {
  if (!isAdmin(actor)) {
    return { allowed: false, reason: 'not_admin' }
  }

  if (isOwnSession(actor, session)) {
    return { allowed: false, reason: 'own_session' }
  }

  return { allowed: true }
}

/**
 * Splits the requested ids of an admin's bulk deletion: those it may delete, those it may
 * not (its own), and those no longer there. Repeated ids count once, in first-seen order.
 */
export function planBulkDeletion(
  actor: SessionUser,
  requestedIds: readonly string[],
  found: readonly Session[]
): BulkDeletionPlan {
  const byId = new Map(found.map((session) => [session.id, session]))
  const plan = {
    deletable: [] as string[],
    refused: [] as BulkDeletionPlan['refused'][number][],
    missing: [] as string[],
  }

  for (const id of new Set(requestedIds)) {
    const session = byId.get(id)

    if (!session) {
      plan.missing.push(id)
    } else if (isOwnSession(actor, session)) {
      plan.refused.push({ id, reason: 'own_session' })
    } else {
      plan.deletable.push(id)
    }
  }

  return plan
}
