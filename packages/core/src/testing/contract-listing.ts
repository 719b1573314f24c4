import { describe, expect, it } from 'vitest'

import type { Session, SessionUser } from '../session'
import type { ContractContext } from './contract-context'
import { MINUTE, WINDOW, at, query } from './contract-context'

/** Keyset paging, the type filter and search. */
export function describeListing(ctx: ContractContext) {
  describe('listing', () => {
    async function seedMany(count: number, user: SessionUser) {
      const ids: string[] = []

      for (let i = 0; i < count; i += 1) {
        const { session } = await ctx.addSession({ user, lastActiveAt: at((i % 5) * MINUTE) })
        ids.push(session.id)
      }

      return ids
    }

    it('should page through every row once, newest first, ties broken by id', async () => {
      const user = await ctx.addUser()
      const ids = await seedMany(23, user)

      const rows = await ctx.listAll({ limit: '5' })

      expect(rows.map((s) => s.id).sort()).toEqual([...ids].sort())
      for (let i = 1; i < rows.length; i += 1) {
        const previous = rows[i - 1] as Session
        const current = rows[i] as Session
        const newer = previous.lastActiveAt > current.lastActiveAt
        const tieByIdDesc =
          previous.lastActiveAt.getTime() === current.lastActiveAt.getTime() &&
          previous.id > current.id

        expect(newer || tieByIdDesc).toBe(true)
      }
    })

    it('should answer no next position on the last page', async () => {
      const user = await ctx.addUser()
      await seedMany(4, user)

      const exact = await ctx.sessions.list(query({ limit: '4' }), WINDOW)
      const empty = await ctx.sessions.list(query({ type: 'other' }), WINDOW)

      expect(exact.items).toHaveLength(4)
      expect(exact.next).toBeNull()
      expect(empty).toEqual({ items: [], next: null })
    })

    it('should filter by session type', async () => {
      const user = await ctx.addUser()
      const browser = await ctx.addSession({ user, type: 'browser', lastActiveAt: at(MINUTE) })
      await ctx.addSession({ user, type: 'rest', lastActiveAt: at(MINUTE) })

      const rows = await ctx.listAll({ type: 'browser' })

      expect(rows.map((s) => s.id)).toEqual([browser.session.id])
    })

    it('should search username or address, ignoring case, taking wildcards literally', async () => {
      const alice = await ctx.addUser('Alice_Admin')
      const bob = await ctx.addUser('bob')
      const byName = await ctx.addSession({ user: alice, address: '10.1.1.1', lastActiveAt: at(1) })
      const byAddress = await ctx.addSession({
        user: bob,
        address: '203.0.113.7',
        lastActiveAt: at(2),
      })
      await ctx.addSession({ user: bob, address: '10.9.9.9', lastActiveAt: at(3) })

      expect((await ctx.listAll({ q: 'alice' })).map((s) => s.id)).toEqual([byName.session.id])
      expect((await ctx.listAll({ q: '113.7' })).map((s) => s.id)).toEqual([byAddress.session.id])
      expect((await ctx.listAll({ q: 'e_a' })).map((s) => s.id)).toEqual([byName.session.id])
      expect(await ctx.listAll({ q: '%' })).toEqual([])
      expect(await ctx.listAll({ q: 'b_b' })).toEqual([])
    })
  })
}
