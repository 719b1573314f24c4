import { describe, expect, it } from 'vitest'

import { decideDeletion, planBulkDeletion } from './deletion'
import type { Session, SessionUser } from './session'

const admin: SessionUser = { id: 'admin', username: 'admin', role: 'admin' }
const ann: SessionUser = { id: 'ann', username: 'ann', role: 'user' }

function sessionOf(user: SessionUser, id: string): Session {
  const at = new Date('2026-01-01T00:00:00.000Z')

  return {
    id,
    user,
    type: 'rest',
    address: '',
    serverName: '',
    userAgent: '',
    createdAt: at,
    lastActiveAt: at,
  }
}

describe('decideDeletion', () => {
  it('should let an admin delete the session of another user', () => {
    expect(decideDeletion(admin, sessionOf(ann, 's1'))).toEqual({ allowed: true })
  })

  it('should refuse an admin their own session', () => {
    expect(decideDeletion(admin, sessionOf(admin, 's1'))).toEqual({
      allowed: false,
      reason: 'own_session',
    })
  })

  it('should refuse anyone who is not an admin', () => {
    expect(decideDeletion(ann, sessionOf(admin, 's1'))).toEqual({
      allowed: false,
      reason: 'not_admin',
    })
  })
})

describe('planBulkDeletion', () => {
  it('should split ids into deletable, refused and missing', () => {
    const found = [sessionOf(ann, 'a'), sessionOf(admin, 'b')]

    const plan = planBulkDeletion(admin, ['a', 'b', 'c'], found)

    expect(plan).toEqual({
      deletable: ['a'],
      refused: [{ id: 'b', reason: 'own_session' }],
      missing: ['c'],
    })
  })

  it('should count a repeated id once', () => {
    const plan = planBulkDeletion(admin, ['a', 'a', 'x', 'x'], [sessionOf(ann, 'a')])

    expect(plan).toEqual({ deletable: ['a'], refused: [], missing: ['x'] })
  })
})
