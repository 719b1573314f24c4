import { expect } from 'vitest'

import { getActivityWindow } from '../activity'
import { parseListQuery } from '../list-query'
import type { ListQuery, RawListQuery } from '../list-query'
import { DEFAULT_SESSION_POLICY } from '../policy'
import type { Session, SessionUser } from '../session'
import type { SessionStore } from '../session-store'
import type { UserStore } from '../user-store'
import { buildSession, buildUser, toSessionUser } from './fixtures'
import type { BuiltSession, SessionOverrides } from './fixtures'

export interface StoreUnderTest {
  readonly sessions: SessionStore
  readonly users: UserStore
}

export const NOW = new Date('2026-01-15T09:00:00.000Z')
export const POLICY = DEFAULT_SESSION_POLICY
export const WINDOW = getActivityWindow(POLICY, NOW)
export const MINUTE = 60_000

export function at(msBeforeNow: number): Date {
  return new Date(NOW.getTime() - msBeforeNow)
}

export function query(raw: RawListQuery = {}): ListQuery {
  const parsed = parseListQuery(raw)

  if (!parsed.ok) {
    throw new Error(`test query is invalid: ${parsed.error.message}`)
  }

  return parsed.value
}

/** What each part of the contract works with: the stores of the running test and a few helpers. */
export interface ContractContext {
  readonly sessions: SessionStore
  readonly users: UserStore
  addUser(username?: string, role?: 'user' | 'admin'): Promise<SessionUser>
  addSession(overrides: SessionOverrides): Promise<BuiltSession>
  listAll(raw: RawListQuery): Promise<Session[]>
}

export function createContractContext(current: () => StoreUnderTest): ContractContext {
  const context: ContractContext = {
    get sessions() {
      return current().sessions
    },
    get users() {
      return current().users
    },
    async addUser(username, role = 'user') {
      const user = buildUser(username ? { username, role } : { role })
      const created = await current().users.create(user)

      expect(created.ok).toBe(true)

      return toSessionUser(user)
    },
    async addSession(overrides) {
      const built = await buildSession(overrides)

      await current().sessions.create(built.session)

      return built
    },
    listAll: (raw) => listAll(current().sessions, raw),
  }

  return context
}

// More pages than any contract test lists, so that a store whose list never ends fails at once.
const MOST_PAGES = 100

async function listAll(sessions: SessionStore, raw: RawListQuery): Promise<Session[]> {
  const rows: Session[] = []
  let page = await sessions.list(query(raw), WINDOW)

  rows.push(...page.items)
  for (let turn = 0; page.next && turn < MOST_PAGES; turn += 1) {
    page = await sessions.list({ ...query(raw), after: page.next }, WINDOW)
    rows.push(...page.items)
  }

  expect(page.next, 'the list should end').toBeNull()

  return rows
}
