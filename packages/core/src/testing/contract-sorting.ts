import { describe, expect, it } from 'vitest'

import { SORT_FIELDS } from '../list-query'
import type { SortField, SortOrder } from '../list-query'
import type { SessionType, SessionUser } from '../session'
import type { ContractContext } from './contract-context'
import { MINUTE, at } from './contract-context'
import type { SessionOverrides } from './fixtures'

const HOUR = 60 * MINUTE

/*
 * The values of each column in the order a list shows them, A to Z or oldest first. Text sorts
 * ignoring case, so each text column mixes cases where byte order would differ: 'Bob' sorts
 * between 'amy' and 'carl', not before both.
 */
const VALUES = {
  username: ['amy', 'Bob', 'carl'],
  type: ['browser', 'other', 'rest'] satisfies SessionType[],
  address: ['2001:db8::a', '2001:DB8::B', '2001:db8::c'],
  serverName: ['keep-a', 'Keep-B', 'keep-c'],
  createdAt: [at(3 * HOUR), at(2 * HOUR), at(HOUR)],
  lastActive: [at(3 * MINUTE), at(2 * MINUTE), at(MINUTE)],
} as const

/*
 * Which of the three values each of twelve sessions takes, four sessions a value so that ties
 * are broken by id; a different spread per column, so that sorting by the wrong one shows.
 */
const SPREAD: Readonly<Record<SortField, string>> = {
  username: '012012012012',
  type: '000011112222',
  address: '120201210012',
  serverName: '201120012201',
  createdAt: '021102201210',
  lastActive: '210210120021',
}

const SORT_CASES = SORT_FIELDS.flatMap((sort) =>
  (['asc', 'desc'] as const).map((order) => [sort, order] as const)
)

function rankOf(index: number, sort: SortField): number {
  return Number(SPREAD[sort][index])
}

function spreadSession(index: number, users: readonly SessionUser[]): SessionOverrides {
  const rank = (sort: SortField) => rankOf(index, sort)

  return {
    user: users[rank('username')] as SessionUser,
    type: VALUES.type[rank('type')],
    address: VALUES.address[rank('address')],
    serverName: VALUES.serverName[rank('serverName')],
    createdAt: VALUES.createdAt[rank('createdAt')],
    lastActiveAt: VALUES.lastActive[rank('lastActive')],
  }
}

/** The ids in list order, from the spread alone: by rank, then id byte by byte. */
function expectedOrder(ids: readonly string[], sort: SortField, order: SortOrder): string[] {
  const ascending = ids
    .map((id, index) => ({ id, rank: rankOf(index, sort) }))
    .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1))
    .map((entry) => entry.id)

  return order === 'asc' ? ascending : ascending.reverse()
}

/** Every order the list offers, both ways, text ignoring case, ties broken by id. */
export function describeSorting(ctx: ContractContext) {
  async function addSpread(): Promise<string[]> {
    const users: SessionUser[] = []
    const ids: string[] = []

    for (const username of VALUES.username) {
      users.push(await ctx.addUser(username))
    }

    for (let index = 0; index < SPREAD.username.length; index += 1) {
      const { session } = await ctx.addSession(spreadSession(index, users))
      ids.push(session.id)
    }

    return ids
  }

  describe('sorting', () => {
    it.each(SORT_CASES)('should sort by %s %s with ties broken by id', async (sort, order) => {
      const ids = await addSpread()

      const rows = await ctx.listAll({ sort, order, limit: '5' })

      expect(rows.map((s) => s.id)).toEqual(expectedOrder(ids, sort, order))
    })
  })
}
