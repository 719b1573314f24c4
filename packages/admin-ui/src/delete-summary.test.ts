import { describe, expect, it } from 'vitest'

import {
  describeBulkResult,
  describeConfirmation,
  describeSingleOutcome,
  getDeletionScope,
} from './delete-summary'

describe('getDeletionScope', () => {
  it('counts sessions and distinct users', () => {
    const scope = getDeletionScope([{ userId: 'u1' }, { userId: 'u2' }, { userId: 'u1' }])

    expect(scope).toEqual({ sessions: 3, users: 2 })
    expect(describeConfirmation(scope)).toBe('End 3 sessions of 2 users?')
  })

  it('speaks in the singular for one', () => {
    expect(describeConfirmation({ sessions: 1, users: 1 })).toBe('End 1 session of 1 user?')
  })
})

describe('describeBulkResult', () => {
  it('reports deleted, refused and already ended sessions', () => {
    const text = describeBulkResult({
      deleted: ['a', 'b'],
      refused: [{ id: 'c', reason: 'own_session' }],
      notFound: ['d'],
    })

    expect(text).toBe(
      'Ended 2 sessions. 1 session not ended: you cannot delete your own session. 1 session had already ended.'
    )
  })

  it('says only what happened', () => {
    expect(describeBulkResult({ deleted: ['a'], refused: [], notFound: [] })).toBe(
      'Ended 1 session.'
    )
  })
})

describe('describeSingleOutcome', () => {
  const item = { username: 'alice', address: '10.0.0.7' }

  it.each([
    ['deleted', 'Ended the session of alice from 10.0.0.7.'],
    ['not_found', 'The session of alice from 10.0.0.7 had already ended.'],
    [
      'own_session',
      'The session of alice from 10.0.0.7 was not ended: you cannot delete your own session.',
    ],
  ] as const)('describes %s', (outcome, text) => {
    expect(describeSingleOutcome(outcome, item)).toBe(text)
  })
})
