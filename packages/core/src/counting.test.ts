import { describe, expect, it } from 'vitest'

import { countActiveSessions } from './counting'
import type { Session, SessionType } from './session'

function session(userId: string, type: SessionType): Session {
  const at = new Date('2026-01-01T00:00:00.000Z')

  return {
    id: `${userId}-${type}-${Math.random()}`,
    user: { id: userId, username: userId, role: 'user' },
    type,
    address: '192.0.2.1',
    serverName: 'keep-1',
    userAgent: '',
    createdAt: at,
    lastActiveAt: at,
  }
}

describe('countActiveSessions', () => {
  it('should count one user on a laptop and a phone as one user and two sessions', () => {
    const stats = countActiveSessions([session('ann', 'rest'), session('ann', 'browser')])

    expect(stats).toEqual({
      activeUsers: 1,
      activeSessions: 2,
      byType: { rest: 1, browser: 1, other: 0 },
    })
  })

  it('should count distinct users across types', () => {
    const stats = countActiveSessions([
      session('ann', 'other'),
      session('ben', 'other'),
      session('ben', 'other'),
      session('cy', 'rest'),
    ])

    expect(stats).toEqual({
      activeUsers: 3,
      activeSessions: 4,
      byType: { rest: 1, browser: 0, other: 3 },
    })
  })

  it('should count nothing in an empty list', () => {
    expect(countActiveSessions([])).toEqual({
      activeUsers: 0,
      activeSessions: 0,
      byType: { rest: 0, browser: 0, other: 0 },
    })
  })
})
