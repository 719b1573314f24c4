import type { BulkDeleteResult, SessionItem } from '@keep/sdk'

/** How many sessions, and of how many distinct users, a deletion would end. */
export interface DeletionScope {
  readonly sessions: number
  readonly users: number
}

export function getDeletionScope(items: readonly Pick<SessionItem, 'userId'>[]): DeletionScope {
  return {
    sessions: items.length,
    users: new Set(items.map((item) => item.userId)).size,
  }
}

export function describeConfirmation(scope: DeletionScope): string {
  return `End ${count(scope.sessions, 'session')} of ${count(scope.users, 'user')}?`
}

/** What a single deletion did, in the words of the status message. */
export type SingleDeleteOutcome = 'deleted' | 'not_found' | 'own_session'

export function describeSingleOutcome(
  outcome: SingleDeleteOutcome,
  item: Pick<SessionItem, 'username' | 'address'>
): string {
  const whose = `${item.username} from ${item.address}`
  switch (outcome) {
    case 'deleted':
      return `Ended the session of ${whose}.`
    case 'not_found':
      return `The session of ${whose} had already ended.`
    case 'own_session':
      return `The session of ${whose} was not ended: you cannot delete your own session.`
  }
}

export function describeBulkResult(result: BulkDeleteResult): string {
  const parts = [`Ended ${count(result.deleted.length, 'session')}.`]
  if (result.refused.length > 0) {
    parts.push(
      `${count(result.refused.length, 'session')} not ended: you cannot delete your own session.`
    )
  }

  if (result.notFound.length > 0) {
    parts.push(`${count(result.notFound.length, 'session')} had already ended.`)
  }

  return parts.join(' ')
}

function count(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? '' : 's'}`
}
