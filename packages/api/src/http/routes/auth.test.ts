import { createLoginLimits } from '@keep/core'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { LoginResult, Me } from '../schemas'
import {
  CROSS_SITE,
  SAME_ORIGIN,
  TEST_PASSWORD,
  createHarness,
  signIn,
} from '../testing-kit/harness'
import type { Harness } from '../testing-kit/harness'
import { allStoreFactories } from '../testing-kit/store-factories'

describe.each(allStoreFactories())('auth routes on $name stores', (factory) => {
  let h: Harness

  beforeEach(async () => {
    h = createHarness({
      stores: await factory.open(),
      loginLimits: createLoginLimits({ perAccount: 3, windowMs: 15 * 60 * 1000 }),
    })
  })

  afterAll(() => factory.close())

  async function logIn(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    return h.send('/auth/login', { json: body, headers, peer: '198.51.100.20' })
  }

  describe('POST /auth/login', () => {
    it('opens a rest session and hands the token to the client', async () => {
      const { user } = await h.createUser({ username: 'ada' })

      const response = await logIn({ username: 'ada', password: TEST_PASSWORD })
      const body = LoginResult.parse(await response.json())

      expect(response.status).toBe(200)
      expect(response.headers.get('Cache-Control')).toBe('no-store')
      expect(body.user).toEqual({ id: user.id, username: 'ada', role: 'user' })
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)

      const me = await h.send('/me', { token: body.token ?? '' })
      const meBody = Me.parse(await me.json())

      expect(meBody.session.type).toBe('rest')
      expect(meBody.user.username).toBe('ada')
    })

    it('logs one login line with who, which session and where, never the secrets', async () => {
      await h.createUser({ username: 'ada' })

      const response = await logIn({ username: 'ada', password: TEST_PASSWORD })
      const { token } = LoginResult.parse(await response.json())
      const me = Me.parse(await (await h.send('/me', { token: token ?? '' })).json())

      expect(h.logs).toEqual([
        {
          level: 'info',
          event: 'login',
          fields: {
            username: 'ada',
            sessionId: me.session.id,
            type: 'rest',
            address: '198.51.100.20',
          },
        },
      ])
      expect(JSON.stringify(h.logs)).not.toContain(token)
      expect(JSON.stringify(h.logs)).not.toContain(TEST_PASSWORD)
    })

    it('with cookie: true sets an HttpOnly cookie and keeps the token out of the body', async () => {
      await h.createUser({ username: 'ada' })

      const response = await logIn(
        { username: 'ada', password: TEST_PASSWORD, cookie: true },
        SAME_ORIGIN
      )
      const body = LoginResult.parse(await response.json())
      const setCookie = response.headers.get('Set-Cookie') ?? ''
      const token = /^keep_session=([^;]+)/.exec(setCookie)?.[1]

      expect(response.status).toBe(200)
      expect(body.token).toBeUndefined()
      expect(setCookie).toMatch(/; HttpOnly/)
      expect(setCookie).toMatch(/; SameSite=Lax/)
      expect(setCookie).toMatch(/; Path=\/keep(;|$)/)
      expect(setCookie).not.toMatch(/Secure/)
      expect((await h.send('/me', { cookie: token ?? '' })).status).toBe(200)
    })

    it('marks the cookie Secure when the request came over https', async () => {
      await h.createUser({ username: 'ada' })

      const response = await h.send('/auth/login', {
        origin: 'https://keep.example',
        json: { username: 'ada', password: TEST_PASSWORD, cookie: true },
        headers: SAME_ORIGIN,
      })

      expect(response.headers.get('Set-Cookie')).toMatch(/; Secure/)
    })

    it('marks the cookie Secure behind a trusted proxy that ended TLS, and only then', async () => {
      const proxied = createHarness({ stores: h.stores, trustedProxies: ['10.0.0.1'] })
      await proxied.createUser({ username: 'ada' })
      const login = (peer: string) =>
        proxied.send('/auth/login', {
          peer,
          json: { username: 'ada', password: TEST_PASSWORD, cookie: true },
          headers: { ...SAME_ORIGIN, 'X-Forwarded-Proto': 'https' },
        })

      expect((await login('10.0.0.1')).headers.get('Set-Cookie')).toMatch(/; Secure/)
      expect((await login('192.0.2.50')).headers.get('Set-Cookie')).not.toMatch(/Secure/)
    })

    it('refuses a cookie log-in from another site', async () => {
      await h.createUser({ username: 'ada' })

      const response = await logIn(
        { username: 'ada', password: TEST_PASSWORD, cookie: true },
        CROSS_SITE
      )

      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ error: { code: 'csrf_rejected' } })
      expect(response.headers.get('Set-Cookie')).toBeNull()
    })

    it('gives the same answer for a wrong password and an unknown user', async () => {
      await h.createUser({ username: 'ada' })

      const wrongPassword = await logIn({ username: 'ada', password: 'not the password' })
      const unknownUser = await logIn({ username: 'nobody', password: TEST_PASSWORD })

      expect(wrongPassword.status).toBe(401)
      expect(unknownUser.status).toBe(401)
      expect(await wrongPassword.json()).toEqual(await unknownUser.json())
      expect(h.logs.map((entry) => entry.event)).toEqual(['login_refused', 'login_refused'])
      expect(h.logs.map((entry) => entry.fields)).toEqual([
        expect.objectContaining({ username: 'ada', type: 'rest', reason: 'invalid_credentials' }),
        expect.objectContaining({
          username: 'nobody',
          type: 'rest',
          reason: 'invalid_credentials',
        }),
      ])
      expect(JSON.stringify(h.logs)).not.toContain('not the password')
    })

    it('answers 429 with Retry-After once the account has used up its failures', async () => {
      await h.createUser({ username: 'ada' })

      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect((await logIn({ username: 'ada', password: 'wrong password' })).status).toBe(401)
      }

      const throttled = await logIn({ username: 'ada', password: TEST_PASSWORD })

      expect(throttled.status).toBe(429)
      expect(throttled.headers.get('Retry-After')).toBe('900')
      expect(await throttled.json()).toMatchObject({ error: { code: 'too_many_attempts' } })
    })

    it('names the missing field', async () => {
      const response = await logIn({ username: 'ada' })

      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({
        error: {
          code: 'invalid_request',
          message: expect.stringMatching(/^password: /) as unknown,
        },
      })
    })
  })

  describe('POST /auth/logout', () => {
    it('ends the bearer session: 204, logged, and the token is refused afterwards', async () => {
      const { token, session, user } = await signIn(h)

      const response = await h.send('/auth/logout', { method: 'POST', token })

      expect(response.status).toBe(204)
      expect((await h.send('/me', { token })).status).toBe(401)
      expect(h.logs).toEqual([
        {
          level: 'info',
          event: 'logout',
          fields: { username: user.username, sessionId: session.id, type: 'rest' },
        },
      ])
    })

    it('clears the cookie of a cookie session', async () => {
      const { token } = await signIn(h)

      const response = await h.send('/auth/logout', {
        method: 'POST',
        cookie: token,
        headers: { ...SAME_ORIGIN, 'Content-Type': 'application/json' },
      })

      expect(response.status).toBe(204)
      expect(response.headers.get('Set-Cookie')).toMatch(/^keep_session=; Max-Age=0;.*Path=\/keep/)
      expect((await h.send('/me', { cookie: token })).status).toBe(401)
    })

    it('refuses a cross-site log-out by cookie and leaves the session alone', async () => {
      const { token } = await signIn(h)

      const response = await h.send('/auth/logout', {
        method: 'POST',
        cookie: token,
        headers: { ...CROSS_SITE, 'Content-Type': 'application/json' },
      })

      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ error: { code: 'csrf_rejected' } })
      expect((await h.send('/me', { cookie: token })).status).toBe(200)
    })

    it('answers 401 to an anonymous caller', async () => {
      const response = await h.send('/auth/logout', { method: 'POST' })

      expect(response.status).toBe(401)
    })
  })

  describe('GET /me', () => {
    it('answers the caller and its session, not to be cached', async () => {
      const { token, session, user } = await signIn(h, 'admin')

      const response = await h.send('/me', { token })

      expect(response.status).toBe(200)
      expect(response.headers.get('Cache-Control')).toBe('no-store')
      expect(await response.json()).toEqual({
        user: { id: user.id, username: user.username, role: 'admin' },
        session: { id: session.id, type: 'rest' },
      })
    })
  })
})
