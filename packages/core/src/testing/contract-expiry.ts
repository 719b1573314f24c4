import { describe, expect, it } from 'vitest'

import type { ContractContext } from './contract-context'
import { MINUTE, POLICY, WINDOW, at } from './contract-context'

/*
 * A session stays active while idle for less than the idle timeout and younger than the
 * maximum age: one millisecond before either edge it is listed, counted and kept by the sweep;
 * at the edge itself it is none of these.
 */
export function describeExpiryEdges(ctx: ContractContext) {
  // Each session has a user of its own, so that the count of users shows the edges too.
  async function addAt(name: string, times: { createdAt?: Date; lastActiveAt: Date }) {
    const user = await ctx.addUser(name)
    const { session } = await ctx.addSession({ user, ...times })

    return session.id
  }

  async function addAtEachEdge() {
    const young = at(MINUTE)
    const kept = [
      await addAt('idle-kept', { lastActiveAt: at(POLICY.idleTimeoutMs - 1) }),
      await addAt('age-kept', { createdAt: at(POLICY.maxAgeMs - 1), lastActiveAt: young }),
    ]
    const gone = [
      await addAt('idle-gone', { lastActiveAt: at(POLICY.idleTimeoutMs) }),
      await addAt('age-gone', { createdAt: at(POLICY.maxAgeMs), lastActiveAt: young }),
    ]

    return { kept, gone }
  }

  describe('expiry at the edges', () => {
    it('should list a session up to one millisecond before either edge, none at it', async () => {
      const { kept } = await addAtEachEdge()

      const rows = await ctx.listAll({})

      expect(rows.map((s) => s.id).sort()).toEqual([...kept].sort())
    })

    it('should count a session up to one millisecond before either edge, none at it', async () => {
      await addAtEachEdge()

      const stats = await ctx.sessions.stats(WINDOW)

      expect(stats).toEqual({
        activeUsers: 2,
        activeSessions: 2,
        byType: { rest: 2, browser: 0, other: 0 },
      })
    })

    it('should purge a session at either edge, and keep it one millisecond before', async () => {
      const { kept, gone } = await addAtEachEdge()

      const purged = await ctx.sessions.purgeExpired({ window: WINDOW, batchSize: 10 })

      expect(purged).toBe(gone.length)
      expect((await ctx.sessions.findByIds([...kept, ...gone])).map((s) => s.id).sort()).toEqual(
        [...kept].sort()
      )
    })
  })
}
