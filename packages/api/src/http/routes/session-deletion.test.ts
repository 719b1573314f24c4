import { DEFAULT_SESSION_POLICY, MAX_BULK_DELETE, generateId } from '@keep/core'
import type { Session } from '@keep/core'
import { toSessionUser } from '@keep/core/testing'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { BulkDeleteResult } from '../schemas'
import { createHarness, signIn } from '../testing-kit/harness'
import type { Harness, SignedIn } from '../testing-kit/harness'
import { allStoreFactories } from '../testing-kit/store-factories'
import type { StoreKit } from '../testing-kit/store-factories'
import { interleave } from '../testing-kit/store-spies'

/** Ways another user's session ends by the clock, leaving its row for the sweeper. */
const EXPIRIES: [string, (h: Harness) => Promise<{ session: Session }>][] = [
  [
    'idling past the idle timeout',
    async (h) => {
      const victim = await signIn(h)

      h.clock.advance(DEFAULT_SESSION_POLICY.idleTimeoutMs)

      return victim
    },
  ],
  [
    'reaching the maximum age while in use',
    async (h) => {
      const { user } = await h.createUser()
      const now = h.clock.now()
      const createdAt = new Date(now.getTime() - DEFAULT_SESSION_POLICY.maxAgeMs)

      return h.openSession({ user: toSessionUser(user), createdAt, lastActiveAt: now })
    },
  ],
]

describe.each(allStoreFactories())('session deletion on $name stores', (factory) => {
  let stores: StoreKit
  let h: Harness
  let admin: SignedIn

  beforeEach(async () => {
    stores = await factory.open()
    h = createHarness({ stores })
    admin = await signIn(h, 'admin')
  })

  afterAll(() => factory.close())

  function deleteOne(id: string) {
    return h.send(`/admin/sessions/${id}`, { method: 'DELETE', token: admin.token })
  }

  /** A session of another user that has just expired, and a fresh one for the admin. */
  async function openExpiredSession(expire: (h: Harness) => Promise<{ session: Session }>) {
    const victim = await expire(h)

    admin = await signIn(h, 'admin')

    return victim
  }

  async function deleteMany(ids: unknown) {
    const response = await h.send('/admin/sessions/delete', { token: admin.token, json: { ids } })

    return { status: response.status, body: await response.json() }
  }

  describe('DELETE /admin/sessions/:id', () => {
    it('deletes another user’s session, which is refused on its very next request', async () => {
      const victim = await signIn(h)

      const response = await deleteOne(victim.session.id)

      expect(response.status).toBe(204)
      expect((await h.send('/me', { token: victim.token })).status).toBe(401)
    })

    it('logs the deletion for operators: who, which session, whose; never a token', async () => {
      const victim = await signIn(h)

      await deleteOne(victim.session.id)

      expect(h.logs).toEqual([
        {
          level: 'info',
          event: 'session_deleted',
          fields: {
            actorId: admin.user.id,
            actorUsername: admin.user.username,
            sessionId: victim.session.id,
            ownerId: victim.user.id,
            ownerUsername: victim.user.username,
            type: 'rest',
          },
        },
      ])
      expect(JSON.stringify(h.logs)).not.toContain(victim.token)
      expect(JSON.stringify(h.logs)).not.toContain(admin.token)
    })

    it('answers 404 the second time', async () => {
      const victim = await signIn(h)

      expect((await deleteOne(victim.session.id)).status).toBe(204)

      const again = await deleteOne(victim.session.id)

      expect(again.status).toBe(404)
      expect(await again.json()).toMatchObject({ error: { code: 'not_found' } })
    })

    it('refuses the admin’s own sessions, the current one and any other', async () => {
      const other = await h.openSession({ user: toSessionUser(admin.user), type: 'browser' })

      for (const id of [admin.session.id, other.session.id]) {
        const response = await deleteOne(id)

        expect(response.status).toBe(403)
        expect(await response.json()).toMatchObject({ error: { code: 'own_session' } })
      }

      expect((await h.send('/me', { token: other.token })).status).toBe(200)
      expect(h.logs).toEqual([])
    })

    it.each(['not-an-id', 'A'.repeat(26), '1'.repeat(26), 'a'.repeat(27)])(
      'answers 400 naming the id for %s',
      async (id) => {
        const response = await deleteOne(id)

        expect(response.status).toBe(400)
        expect(await response.json()).toMatchObject({
          error: { code: 'invalid_request', message: expect.stringMatching(/^id: /) as unknown },
        })
      }
    )

    it('answers 404 for a well-formed id that names nothing', async () => {
      expect((await deleteOne(generateId())).status).toBe(404)
    })

    it.each(EXPIRIES)(
      'answers 404 for a session expired by %s and not yet purged',
      async (_, expire) => {
        const victim = await openExpiredSession(expire)

        const response = await deleteOne(victim.session.id)

        expect(response.status).toBe(404)
        expect(await response.json()).toMatchObject({ error: { code: 'not_found' } })
        expect(h.logs).toEqual([])
        expect(await stores.sessions.findByIds([victim.session.id])).toHaveLength(1)
      }
    )
  })

  describe('POST /admin/sessions/delete', () => {
    it('deletes what it may, refuses own sessions and reports ids that are gone', async () => {
      const first = await signIn(h)
      const second = await signIn(h)
      const unknown = generateId()

      const { status, body } = await deleteMany([
        first.session.id,
        admin.session.id,
        unknown,
        second.session.id,
      ])

      expect(status).toBe(200)
      expect(BulkDeleteResult.parse(body)).toEqual({
        deleted: [first.session.id, second.session.id],
        refused: [{ id: admin.session.id, reason: 'own_session' }],
        notFound: [unknown],
      })
      expect((await h.send('/me', { token: first.token })).status).toBe(401)
      expect((await h.send('/me', { token: admin.token })).status).toBe(200)
      expect(h.logs.map((entry) => entry.fields['sessionId'])).toEqual([
        first.session.id,
        second.session.id,
      ])
    })

    it('counts a repeated id once', async () => {
      const victim = await signIn(h)
      const ids = [victim.session.id, victim.session.id, admin.session.id, admin.session.id]

      const { body } = await deleteMany(ids)

      expect(body).toEqual({
        deleted: [victim.session.id],
        refused: [{ id: admin.session.id, reason: 'own_session' }],
        notFound: [],
      })
    })

    it('reports a session that ended between the look-up and the deletion as not found', async () => {
      const staying = await signIn(h)
      const vanishing = await signIn(h)
      const racing = createHarness({
        stores: {
          ...stores,
          sessions: interleave(stores.sessions, {
            method: 'deleteByIds',
            before: async () => {
              await stores.sessions.deleteByIds([vanishing.session.id])
            },
          }),
        },
        clock: h.clock,
      })

      const response = await racing.send('/admin/sessions/delete', {
        token: admin.token,
        json: { ids: [staying.session.id, vanishing.session.id] },
      })

      expect(await response.json()).toEqual({
        deleted: [staying.session.id],
        refused: [],
        notFound: [vanishing.session.id],
      })
      expect(racing.logs.map((entry) => entry.fields['sessionId'])).toEqual([staying.session.id])
    })

    it.each(EXPIRIES)('reports a session expired by %s as not found', async (_, expire) => {
      const expired = await openExpiredSession(expire)
      const live = await signIn(h)

      const { body } = await deleteMany([expired.session.id, live.session.id])

      expect(body).toEqual({
        deleted: [live.session.id],
        refused: [],
        notFound: [expired.session.id],
      })
      expect(h.logs.map((entry) => entry.fields['sessionId'])).toEqual([live.session.id])
    })

    it('answers all not found when the same ids are deleted again', async () => {
      const first = await signIn(h)
      const second = await signIn(h)
      const ids = [first.session.id, second.session.id]

      expect((await deleteMany(ids)).body).toMatchObject({ deleted: ids })

      const again = await deleteMany(ids)

      expect(again.status).toBe(200)
      expect(again.body).toEqual({ deleted: [], refused: [], notFound: ids })
      expect(h.logs).toHaveLength(2)
    })

    it('takes the most ids allowed at once', async () => {
      const ids = manyIds(MAX_BULK_DELETE)

      const { status, body } = await deleteMany(ids)

      expect(status).toBe(200)
      expect(BulkDeleteResult.parse(body).notFound).toHaveLength(MAX_BULK_DELETE)
    })

    it.each([
      ['no ids', () => [], /^ids: must name at least one/],
      [
        'one id too many',
        (id: string) => [id, ...manyIds(MAX_BULK_DELETE)],
        /^ids: must name at most/,
      ],
      [
        'a malformed id',
        (id: string) => [id, generateId(), 'nope'],
        /^ids\[2\]: must be a session id/,
      ],
      ['an id that is not a string', (id: string) => [id, 42], /^ids\[1\]: /],
      ['no list at all', () => 'everything', /^ids: /],
    ])('refuses %s with 400 and deletes nothing', async (_label, buildIds, message) => {
      const victim = await signIn(h)

      const { status, body } = await deleteMany(buildIds(victim.session.id))

      expect(status).toBe(400)
      expect(body).toMatchObject({
        error: { code: 'invalid_request', message: expect.stringMatching(message) as unknown },
      })
      expect((await h.send('/me', { token: victim.token })).status).toBe(200)
    })
  })
})

function manyIds(count: number): string[] {
  return Array.from({ length: count }, () => generateId())
}
