import { describe, expect, it } from 'vitest'

import { getTouchCutoff } from '../activity'
import type { ContractContext } from './contract-context'
import { MINUTE, NOW, POLICY, at } from './contract-context'

/** Finding sessions, and moving Last Active at most once per touch interval. */
export function describeLookupAndTouch(ctx: ContractContext) {
  describe('lookup', () => {
    it('should find a session by its token hash, with its user', async () => {
      const user = await ctx.addUser('alice')
      const { session } = await ctx.addSession({ user, lastActiveAt: at(MINUTE) })

      const found = await ctx.sessions.findByTokenHash(session.tokenHash)

      expect(found).toEqual({
        id: session.id,
        user,
        type: session.type,
        address: session.address,
        serverName: session.serverName,
        userAgent: session.userAgent,
        createdAt: session.createdAt,
        lastActiveAt: session.lastActiveAt,
      })
    })

    it('should find nothing for an unknown token hash', async () => {
      expect(await ctx.sessions.findByTokenHash('0'.repeat(64))).toBeNull()
    })

    it('should find sessions by id and skip ids that do not exist', async () => {
      const user = await ctx.addUser()
      const a = await ctx.addSession({ user })
      const b = await ctx.addSession({ user })

      const found = await ctx.sessions.findByIds([a.session.id, 'a'.repeat(26), b.session.id])

      expect(found.map((s) => s.id).sort()).toEqual([a.session.id, b.session.id].sort())
      expect(await ctx.sessions.findByIds([])).toEqual([])
    })

    it('should keep a user agent of 512 characters whole', async () => {
      const user = await ctx.addUser()
      const { session } = await ctx.addSession({ user, userAgent: 'x'.repeat(512) })

      const found = await ctx.sessions.findByTokenHash(session.tokenHash)

      expect(found?.userAgent).toHaveLength(512)
    })
  })

  describe('touch', () => {
    it('should write Last Active once the touch interval has passed', async () => {
      const user = await ctx.addUser()
      const { session } = await ctx.addSession({ user, lastActiveAt: at(POLICY.touchIntervalMs) })

      const written = await ctx.sessions.touch({
        id: session.id,
        at: NOW,
        ifLastActiveBefore: getTouchCutoff(POLICY, NOW),
      })

      expect(written).toBe(true)
      expect((await ctx.sessions.findByTokenHash(session.tokenHash))?.lastActiveAt).toEqual(NOW)
    })

    it('should not write Last Active within the touch interval', async () => {
      const user = await ctx.addUser()
      const lastActiveAt = at(POLICY.touchIntervalMs - 1)
      const { session } = await ctx.addSession({ user, lastActiveAt })

      const written = await ctx.sessions.touch({
        id: session.id,
        at: NOW,
        ifLastActiveBefore: getTouchCutoff(POLICY, NOW),
      })

      expect(written).toBe(false)
      expect((await ctx.sessions.findByTokenHash(session.tokenHash))?.lastActiveAt).toEqual(
        lastActiveAt
      )
    })

    it('should write only once when two instances touch the same session together', async () => {
      const user = await ctx.addUser()
      const { session } = await ctx.addSession({ user, lastActiveAt: at(5 * MINUTE) })
      const request = { id: session.id, at: NOW, ifLastActiveBefore: getTouchCutoff(POLICY, NOW) }

      const results = await Promise.all([ctx.sessions.touch(request), ctx.sessions.touch(request)])

      expect(results.filter(Boolean)).toHaveLength(1)
    })

    it('should answer false for a session that no longer exists', async () => {
      const written = await ctx.sessions.touch({
        id: 'b'.repeat(26),
        at: NOW,
        ifLastActiveBefore: NOW,
      })

      expect(written).toBe(false)
    })
  })
}
