import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { CROSS_SITE, SAME_ORIGIN, createHarness, signIn } from './testing-kit/harness'
import type { Harness, SignedIn } from './testing-kit/harness'
import { allStoreFactories } from './testing-kit/store-factories'

describe.each(allStoreFactories())(
  'cookie sessions against cross-site requests on $name stores',
  (factory) => {
    let h: Harness
    let admin: SignedIn

    beforeEach(async () => {
      h = createHarness({ stores: await factory.open() })
      admin = await signIn(h, 'admin')
    })

    afterAll(() => factory.close())

    function deleteOne(
      id: string,
      options: { cookie?: string; token?: string; headers?: Record<string, string> }
    ) {
      return h.send(`/admin/sessions/${id}`, { method: 'DELETE', ...options })
    }

    it('refuses a cross-site delete by cookie and deletes nothing', async () => {
      const victim = await signIn(h)

      const response = await deleteOne(victim.session.id, {
        cookie: admin.token,
        headers: CROSS_SITE,
      })

      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ error: { code: 'csrf_rejected' } })
      expect((await h.send('/me', { token: victim.token })).status).toBe(200)
    })

    it('accepts a same-origin delete by cookie', async () => {
      const victim = await signIn(h)

      const response = await deleteOne(victim.session.id, {
        cookie: admin.token,
        headers: SAME_ORIGIN,
      })

      expect(response.status).toBe(204)
    })

    it('falls back to the Origin header when Sec-Fetch-Site is absent', async () => {
      const victims = [await signIn(h), await signIn(h), await signIn(h)]
      const statuses = []

      for (const [index, origin] of [
        'http://localhost',
        'https://evil.example',
        undefined,
      ].entries()) {
        const headers: Record<string, string> = origin ? { Origin: origin } : {}
        const id = victims[index]?.session.id ?? ''

        statuses.push((await deleteOne(id, { cookie: admin.token, headers })).status)
      }

      expect(statuses).toEqual([204, 403, 403])
    })

    it('refuses a same-origin bulk delete by cookie that is not JSON', async () => {
      const victim = await signIn(h)

      const response = await h.send('/admin/sessions/delete', {
        method: 'POST',
        cookie: admin.token,
        headers: { ...SAME_ORIGIN, 'Content-Type': 'text/plain' },
        json: { ids: [victim.session.id] },
      })

      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ error: { code: 'csrf_rejected' } })
    })

    it('accepts a same-origin JSON bulk delete by cookie', async () => {
      const victim = await signIn(h)

      const response = await h.send('/admin/sessions/delete', {
        cookie: admin.token,
        headers: SAME_ORIGIN,
        json: { ids: [victim.session.id] },
      })

      expect(response.status).toBe(200)
    })

    it('leaves bearer requests alone whatever the site', async () => {
      const victim = await signIn(h)

      const response = await deleteOne(victim.session.id, {
        token: admin.token,
        headers: CROSS_SITE,
      })

      expect(response.status).toBe(204)
    })

    it('accepts a same-origin JSON user creation by cookie, refuses it cross-site', async () => {
      const body = { username: 'grace', password: 'a fresh password', role: 'user' }
      const send = (headers: Record<string, string>) =>
        h.send('/admin/users', { cookie: admin.token, headers, json: body })

      expect((await send(CROSS_SITE)).status).toBe(403)
      expect((await send(SAME_ORIGIN)).status).toBe(201)
    })

    it('takes Sec-Fetch-Site none, a request the user typed or bookmarked', async () => {
      const victim = await signIn(h)

      const response = await deleteOne(victim.session.id, {
        cookie: admin.token,
        headers: { 'Sec-Fetch-Site': 'none' },
      })

      expect(response.status).toBe(204)
    })

    it('trusts Sec-Fetch-Site over a matching Origin', async () => {
      const victim = await signIn(h)

      const response = await deleteOne(victim.session.id, {
        cookie: admin.token,
        headers: { 'Sec-Fetch-Site': 'same-site', Origin: 'http://localhost' },
      })

      expect(response.status).toBe(403)
    })
  }
)
