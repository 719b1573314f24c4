import { describe, expect, it } from 'vitest'

import type { ContractContext } from './contract-context'
import { MINUTE, POLICY, WINDOW, at } from './contract-context'

/** How active sessions are counted, deleted and purged. */
export function describeCountingAndDeletion(ctx: ContractContext) {
  describe('stats', () => {
    it('should count users once and sessions each, per type too', async () => {
      const alice = await ctx.addUser('alice')
      const bob = await ctx.addUser('bob')
      const carol = await ctx.addUser('carol')
      await ctx.addSession({ user: alice, type: 'rest', lastActiveAt: at(MINUTE) })
      await ctx.addSession({ user: alice, type: 'browser', lastActiveAt: at(MINUTE) })
      await ctx.addSession({ user: alice, type: 'browser', lastActiveAt: at(2 * MINUTE) })
      await ctx.addSession({ user: bob, type: 'other', lastActiveAt: at(MINUTE) })
      await ctx.addSession({ user: carol, type: 'rest', lastActiveAt: at(POLICY.idleTimeoutMs) })

      const stats = await ctx.sessions.stats(WINDOW)

      expect(stats).toEqual({
        activeUsers: 2,
        activeSessions: 4,
        byType: { rest: 1, browser: 2, other: 1 },
      })
    })

    it('should count nothing when there are no active sessions', async () => {
      expect(await ctx.sessions.stats(WINDOW)).toEqual({
        activeUsers: 0,
        activeSessions: 0,
        byType: { rest: 0, browser: 0, other: 0 },
      })
    })
  })

  describe('deletion', () => {
    it('should report which of the requested ids existed', async () => {
      const user = await ctx.addUser()
      const a = await ctx.addSession({ user })
      const b = await ctx.addSession({ user })
      const missing = 'c'.repeat(26)

      const deleted = await ctx.sessions.deleteByIds([a.session.id, missing, b.session.id])

      expect(deleted.sort()).toEqual([a.session.id, b.session.id].sort())
      expect(await ctx.sessions.findByTokenHash(a.session.tokenHash)).toBeNull()
    })

    it('should report nothing when deleting the same ids again', async () => {
      const user = await ctx.addUser()
      const a = await ctx.addSession({ user })
      await ctx.sessions.deleteByIds([a.session.id])

      expect(await ctx.sessions.deleteByIds([a.session.id])).toEqual([])
      expect(await ctx.sessions.deleteByIds([])).toEqual([])
    })

    it('should delete every session of one user and no other', async () => {
      const alice = await ctx.addUser('alice')
      const bob = await ctx.addUser('bob')
      await ctx.addSession({ user: alice })
      await ctx.addSession({ user: alice })
      const kept = await ctx.addSession({ user: bob })

      expect(await ctx.sessions.deleteByUser(alice.id)).toBe(2)
      expect(await ctx.sessions.findByTokenHash(kept.session.tokenHash)).not.toBeNull()
    })
  })

  describe('purge', () => {
    it('should purge expired sessions in batches and keep active ones', async () => {
      const user = await ctx.addUser()
      const active: string[] = []
      for (let i = 0; i < 3; i += 1) {
        active.push((await ctx.addSession({ user, lastActiveAt: at(MINUTE) })).session.id)
      }
      for (let i = 0; i < 5; i += 1) {
        await ctx.addSession({ user, lastActiveAt: at(POLICY.idleTimeoutMs + i) })
      }
      for (let i = 0; i < 2; i += 1) {
        await ctx.addSession({ user, createdAt: at(POLICY.maxAgeMs), lastActiveAt: at(MINUTE) })
      }

      const batches = []
      for (let i = 0; i < 4; i += 1) {
        batches.push(await ctx.sessions.purgeExpired({ window: WINDOW, batchSize: 3 }))
      }

      expect(batches).toEqual([3, 3, 1, 0])
      expect((await ctx.sessions.findByIds(active)).map((s) => s.id).sort()).toEqual(active.sort())
    })
  })
}
