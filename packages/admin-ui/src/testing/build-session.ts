import type { SessionItem } from '@keep/sdk'

/** The fixed "now" of the page under test. */
export const TEST_NOW = new Date('2025-06-02T10:00:00.000Z')

export const ADMIN = { id: 'u-admin', username: 'admin', role: 'admin' } as const

let sequence = 0

/** A session item as the API lists it, active a minute before TEST_NOW unless told otherwise. */
export function buildSession(overrides: Partial<SessionItem> & Pick<SessionItem, 'username'>) {
  sequence += 1
  const minutesAgo = overrides.own ? 0 : sequence

  return {
    id: `s-${String(sequence).padStart(4, '0')}`,
    userId: `u-${overrides.username}`,
    type: 'rest',
    address: `10.0.0.${String(sequence % 250)}`,
    serverName: 'keep-1',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    createdAt: new Date(TEST_NOW.getTime() - 3_600_000).toISOString(),
    lastActiveAt: new Date(TEST_NOW.getTime() - minutesAgo * 60_000).toISOString(),
    own: false,
    ...overrides,
  } satisfies SessionItem
}

/** The admin's own session (the one looking at the page). */
export function buildOwnSession(overrides: Partial<SessionItem> = {}): SessionItem {
  return buildSession({ username: ADMIN.username, userId: ADMIN.id, own: true, ...overrides })
}
