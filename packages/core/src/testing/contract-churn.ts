import { describe, expect, it } from 'vitest'

import type { SortOrder } from '../list-query'
import type { Session, SessionUser } from '../session'
import type { ContractContext } from './contract-context'
import { MINUTE, WINDOW, at, query } from './contract-context'

type TimeSort = 'lastActive' | 'createdAt'

interface Position {
  readonly ms: number
  readonly id: string
}

interface ChurnCase {
  readonly user: SessionUser
  readonly sort: TimeSort
  readonly order: SortOrder
  readonly initial: readonly Position[]
}

const HOUR = 60 * MINUTE
const SEEDED = 20
const PAGE_SIZE = 5
// Far more pages than the rows need, so that a store that never ends its list fails, not hangs.
const MOST_PAGES = 40

const CHURN_CASES = [
  ['lastActive', 'desc'],
  ['lastActive', 'asc'],
  ['createdAt', 'asc'],
  ['createdAt', 'desc'],
] as const

function positionOf(session: Session, sort: TimeSort): Position {
  const time = sort === 'lastActive' ? session.lastActiveAt : session.createdAt

  return { ms: time.getTime(), id: session.id }
}

function compareInList(a: Position, b: Position, order: SortOrder): number {
  const ascending = a.ms - b.ms || (a.id === b.id ? 0 : a.id < b.id ? -1 : 1)

  return order === 'asc' ? ascending : -ascending
}

/** The times of a session whose sort column holds `ms`, every session inside the window. */
function timesAt(sort: TimeSort, ms: number) {
  return sort === 'lastActive'
    ? { createdAt: at(HOUR), lastActiveAt: new Date(ms) }
    : { createdAt: new Date(ms), lastActiveAt: at(MINUTE) }
}

// Two sessions a minute, so that ties fall across pages too.
function seededMs(sort: TimeSort, index: number): number {
  const base = sort === 'lastActive' ? MINUTE : HOUR

  return at(base + Math.floor(index / 2) * MINUTE).getTime()
}

/** Keyset paging while sessions are deleted and created between pages, by each time order. */
export function describeChurn(ctx: ContractContext) {
  async function seed(user: SessionUser, sort: TimeSort): Promise<Position[]> {
    const positions: Position[] = []

    for (let index = 0; index < SEEDED; index += 1) {
      const ms = seededMs(sort, index)
      const { session } = await ctx.addSession({ user, ...timesAt(sort, ms) })
      positions.push({ ms, id: session.id })
    }

    return positions
  }

  async function pageThrough(
    raw: { sort: TimeSort; order: SortOrder },
    between: (cursor: Session, seen: readonly Session[]) => Promise<void>
  ): Promise<Session[]> {
    const listQuery = query({ ...raw, limit: PAGE_SIZE })
    const seen: Session[] = []
    let page = await ctx.sessions.list(listQuery, WINDOW)

    seen.push(...page.items)
    for (let turn = 0; page.next && turn < MOST_PAGES; turn += 1) {
      await between(seen.at(-1) as Session, seen)
      page = await ctx.sessions.list({ ...listQuery, after: page.next }, WINDOW)
      seen.push(...page.items)
    }

    expect(page.next).toBeNull()

    return seen
  }

  /*
   * Between two pages: deletes the cursor's own row, a row already shown and one not shown yet,
   * then adds rows just before the cursor, at its very value and just beyond it. Rows beyond
   * must show once each; rows before it, and rows deleted before they showed, never.
   */
  function createChurn({ user, sort, order, initial }: ChurnCase) {
    const beyond = new Set<string>()
    const hidden = new Set<string>()
    const deleted = new Set<string>()

    async function remove(cursor: Session, seen: readonly Session[]) {
      const shown = seen.find((s) => s.id !== cursor.id && !deleted.has(s.id))
      // The last one, so that the row right after the cursor, a tie of it, stays to be shown.
      const unseen = initial
        .filter(({ id }) => !deleted.has(id) && !seen.some((s) => s.id === id))
        .sort((a, b) => compareInList(a, b, order))
        .at(-1)?.id
      const victims = [cursor.id, shown?.id, unseen].filter((id) => id !== undefined)

      await ctx.sessions.deleteByIds(victims)

      victims.forEach((id) => deleted.add(id))
      if (unseen) {
        hidden.add(unseen)
      }
    }

    async function insertAround(cursor: Session) {
      const position = positionOf(cursor, sort)

      for (const offset of [-1, 0, 1]) {
        const ms = position.ms + offset
        const { session } = await ctx.addSession({ user, ...timesAt(sort, ms) })
        const shows = compareInList({ ms, id: session.id }, position, order) > 0 ? beyond : hidden

        shows.add(session.id)
      }
    }

    return {
      beyond,
      hidden,
      between: async (cursor: Session, seen: readonly Session[]) => {
        await remove(cursor, seen)
        await insertAround(cursor)
      },
    }
  }

  describe('paging under churn', () => {
    it.each(CHURN_CASES)(
      'should show rows beyond the cursor once and skip none by %s %s',
      async (sort, order) => {
        const user = await ctx.addUser()
        const initial = await seed(user, sort)
        const churn = createChurn({ user, sort, order, initial })

        const seen = await pageThrough({ sort, order }, churn.between)
        const ids = seen.map((s) => s.id)
        const throughout = initial.map(({ id }) => id).filter((id) => !churn.hidden.has(id))
        const inOrder = [...seen].sort((a, b) =>
          compareInList(positionOf(a, sort), positionOf(b, sort), order)
        )

        expect(new Set(ids).size).toBe(ids.length)
        expect(ids.filter((id) => churn.beyond.has(id)).sort()).toEqual([...churn.beyond].sort())
        expect(ids.filter((id) => churn.hidden.has(id))).toEqual([])
        expect(throughout.filter((id) => !ids.includes(id))).toEqual([])
        expect(seen).toEqual(inOrder)
      }
    )
  })
}
