import { cleanup, screen, waitFor, within } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { buildSession, TEST_NOW } from './testing/build-session'
import { createFakeKeep } from './testing/fake-keep'
import { getRows } from './testing/queries'
import { renderSessionsPage } from './testing/render-page'

beforeEach(() => localStorage.clear())

afterEach(cleanup)

const minutesAgo = (minutes: number) =>
  new Date(TEST_NOW.getTime() - minutes * 60_000).toISOString()

function controlNames(role: 'checkbox' | 'button', prefix: string): string[] {
  return getRows()
    .map((row) => within(row).getByRole(role, { name: new RegExp(`^${prefix}`) }))
    .map((control) => control.getAttribute('aria-label') ?? '')
}

describe('the names of the row controls', () => {
  it('tell apart two sessions of one user from one address', async () => {
    const fake = createFakeKeep([
      buildSession({ username: 'alice', address: '10.0.0.1', lastActiveAt: minutesAgo(2) }),
      buildSession({ username: 'alice', address: '10.0.0.1', lastActiveAt: minutesAgo(20) }),
      buildSession({
        username: 'alice',
        address: '10.0.0.1',
        type: 'browser',
        lastActiveAt: minutesAgo(3),
      }),
    ])

    renderSessionsPage(fake, '?sort=lastActive')
    await waitFor(() => expect(getRows()).toHaveLength(3))

    expect(controlNames('checkbox', 'Select')).toEqual([
      'Select session of alice (REST API, 10.0.0.1, active 2 min ago)',
      'Select session of alice (Browser, 10.0.0.1, active 3 min ago)',
      'Select session of alice (REST API, 10.0.0.1, active 20 min ago)',
    ])
    expect(controlNames('button', 'Delete')).toEqual([
      'Delete session of alice (REST API, 10.0.0.1, active 2 min ago)',
      'Delete session of alice (Browser, 10.0.0.1, active 3 min ago)',
      'Delete session of alice (REST API, 10.0.0.1, active 20 min ago)',
    ])
  })

  it('number the sessions that would still read the same', async () => {
    const fake = createFakeKeep([
      buildSession({ username: 'alice', address: '10.0.0.1', lastActiveAt: minutesAgo(5) }),
      buildSession({ username: 'alice', address: '10.0.0.1', lastActiveAt: minutesAgo(5) }),
      buildSession({ username: 'bob', address: '10.0.0.1', lastActiveAt: minutesAgo(5) }),
    ])

    renderSessionsPage(fake, '?sort=username')
    await waitFor(() => expect(getRows()).toHaveLength(3))

    const names = controlNames('button', 'Delete')
    expect(new Set(names).size).toBe(3)
    expect(names).toEqual([
      'Delete session of alice (REST API, 10.0.0.1, active 5 min ago, 1 of 2)',
      'Delete session of alice (REST API, 10.0.0.1, active 5 min ago, 2 of 2)',
      'Delete session of bob (REST API, 10.0.0.1, active 5 min ago)',
    ])
    expect(screen.getAllByRole('checkbox', { name: /^Select session of alice/ })).toHaveLength(2)
  })
})
