import { describe, expect, it } from 'vitest'

import { getRowLabels } from './row-labels'

const NOW = new Date('2025-06-02T10:00:00.000Z')

function row(id: string, overrides: { username?: string; lastActiveAt?: string } = {}) {
  return {
    id,
    username: 'alice',
    type: 'rest',
    address: '10.0.0.1',
    lastActiveAt: '2025-06-02T09:58:00.000Z',
    ...overrides,
  } as const
}

describe('getRowLabels', () => {
  it('names the user, the channel, the address and the last activity', () => {
    expect(getRowLabels([row('a')], NOW).get('a')).toBe(
      'alice (REST API, 10.0.0.1, active 2 min ago)'
    )
  })

  it('numbers only the rows that would read the same, and per user', () => {
    const labels = getRowLabels(
      [row('a'), row('b', { username: 'bob' }), row('c'), row('d', { lastActiveAt: 'soon' })],
      NOW
    )

    expect([...labels.values()]).toEqual([
      'alice (REST API, 10.0.0.1, active 2 min ago, 1 of 2)',
      'bob (REST API, 10.0.0.1, active 2 min ago)',
      'alice (REST API, 10.0.0.1, active 2 min ago, 2 of 2)',
      'alice (REST API, 10.0.0.1, activity unknown)',
    ])
  })
})
