import { DEFAULT_SESSION_POLICY, generateSessionToken } from '@keep/core'
import { toSessionUser } from '@keep/core/testing'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { createHarness, signIn } from './testing-kit/harness'
import type { Harness, SendOptions } from './testing-kit/harness'
import { allStoreFactories } from './testing-kit/store-factories'
import type { StoreKit } from './testing-kit/store-factories'
import { countCalls, failing, unavailableStoreError } from './testing-kit/store-spies'

const UNAUTHENTICATED = { error: { code: 'unauthenticated', message: 'Log in to continue.' } }
const { idleTimeoutMs, maxAgeMs, touchIntervalMs } = DEFAULT_SESSION_POLICY
const MINUTE = 60_000

describe.each(allStoreFactories())('session validation on $name stores', (factory) => {
  let stores: StoreKit
  let h: Harness

  beforeEach(async () => {
    stores = await factory.open()
    h = createHarness({ stores })
  })

  afterAll(() => factory.close())

  async function expectUnauthenticated(options: SendOptions) {
    const response = await h.send('/me', options)

    expect(response.status).toBe(401)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer')
    expect(await response.json()).toEqual(UNAUTHENTICATED)
  }

  it('accepts a bearer token and the session cookie alike', async () => {
    const { token } = await signIn(h)

    expect((await h.send('/me', { token })).status).toBe(200)
    expect((await h.send('/me', { cookie: token })).status).toBe(200)
  })

  it('gives one and the same 401 for missing, unknown, expired, deleted and malformed tokens', async () => {
    const expired = await signIn(h)
    const deleted = await signIn(h)
    await h.stores.sessions.deleteByIds([deleted.session.id])
    h.clock.advance(idleTimeoutMs)
    const { token: live } = await signIn(h)

    await expectUnauthenticated({})
    await expectUnauthenticated({ token: generateSessionToken() })
    await expectUnauthenticated({ token: expired.token })
    await expectUnauthenticated({ token: deleted.token })
    await expectUnauthenticated({ token: `${live.slice(0, -1)}!` })
    await expectUnauthenticated({ token: live.slice(0, 20) })
    await expectUnauthenticated({ headers: { Authorization: `Basic ${live}` } })
    await expectUnauthenticated({ headers: { Authorization: `Bearer ${live} extra` } })
    await expectUnauthenticated({ headers: { Authorization: 'Bearer' } })
    await expectUnauthenticated({ cookie: 'not-a-token' })
  })

  it('prefers a malformed Authorization header over a valid cookie', async () => {
    const { token } = await signIn(h)

    await expectUnauthenticated({ cookie: token, headers: { Authorization: 'Token abc' } })
  })

  it('never looks a malformed token up', async () => {
    const spy = countCalls(stores.sessions)
    const spied = createHarness({ stores: { ...stores, sessions: spy.store } })
    const { token } = await signIn(spied)

    for (const authorization of [
      'Basic abc',
      `Bearer ${token}=`,
      'Bearer short',
      `Bearer ${'é'.repeat(43)}`,
    ]) {
      expect((await spied.send('/me', { headers: { Authorization: authorization } })).status).toBe(
        401
      )
    }
    expect((await spied.send('/me', { cookie: `${token}x` })).status).toBe(401)

    expect(spy.calls.get('findByTokenHash')).toBeUndefined()
  })

  it('ends a session idle for the idle timeout', async () => {
    const { token } = await signIn(h)

    h.clock.advance(idleTimeoutMs - 1)
    expect((await h.send('/me', { token })).status).toBe(200)

    h.clock.advance(idleTimeoutMs - 1)
    expect((await h.send('/me', { token })).status).toBe(200)

    h.clock.advance(idleTimeoutMs)
    await expectUnauthenticated({ token })
  })

  it('ends a busy session at its maximum age', async () => {
    const { token } = await signIn(h)

    for (let elapsed = 0; elapsed + 20 * MINUTE < maxAgeMs; elapsed += 20 * MINUTE) {
      h.clock.advance(20 * MINUTE)
      expect((await h.send('/me', { token })).status).toBe(200)
    }

    h.clock.advance(20 * MINUTE)
    await expectUnauthenticated({ token })
  })

  it('writes Last Active at most once per touch interval', async () => {
    const spy = countCalls(stores.sessions)
    const spied = createHarness({ stores: { ...stores, sessions: spy.store }, clock: h.clock })
    const { user } = await spied.createUser()
    const { token, session } = await spied.openSession({ user: toSessionUser(user) })
    const lastActive = async () => (await stores.sessions.findByIds([session.id]))[0]?.lastActiveAt

    await spied.send('/me', { token })
    spied.clock.advance(touchIntervalMs - 1000)
    await spied.send('/me', { token })
    await spied.send('/me', { token })

    expect(spy.calls.get('touch')).toBeUndefined()
    expect(await lastActive()).toEqual(session.lastActiveAt)

    spied.clock.advance(1000)
    await spied.send('/me', { token })
    await spied.send('/me', { token })
    spied.clock.advance(touchIntervalMs - 1000)
    await spied.send('/me', { token })

    expect(spy.calls.get('touch')).toBe(1)
    expect(await lastActive()).toEqual(new Date(session.lastActiveAt.getTime() + touchIntervalMs))
  })

  describe('when the store fails', () => {
    it('answers 503 without SQL or driver text, and logs the failure once without the token', async () => {
      const { token } = await signIn(h)
      const broken = createHarness({
        stores: {
          ...stores,
          sessions: failing(stores.sessions, {
            method: 'findByTokenHash',
            error: unavailableStoreError(),
          }),
        },
      })

      const response = await broken.send('/me', { token })
      const text = await response.text()

      expect(response.status).toBe(503)
      expect(JSON.parse(text)).toEqual({
        error: {
          code: 'service_unavailable',
          message: 'The service is unavailable; try again shortly.',
        },
      })
      expect(text).not.toMatch(/select|sessions|ECONNREFUSED|3306|at /i)
      expect(broken.logs).toHaveLength(1)
      expect(broken.logs[0]).toMatchObject({ level: 'error', event: 'request_failed' })
      expect(JSON.stringify(broken.logs)).not.toContain(token)
      expect(JSON.stringify(broken.logs)).not.toContain('params')
    })

    it('treats a bare connection error as unavailable too', async () => {
      const { token } = await signIn(h)
      const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
      const broken = createHarness({
        stores: {
          ...stores,
          sessions: failing(stores.sessions, { method: 'findByTokenHash', error: refused }),
        },
      })

      expect((await broken.send('/me', { token })).status).toBe(503)
    })

    it('answers 500 with a generic message to anything else', async () => {
      const { token } = await signIn(h)
      const failed = Object.assign(new Error('Duplicate entry for key'), {
        name: 'StoreError',
        kind: 'failed',
      })
      const broken = createHarness({
        stores: {
          ...stores,
          sessions: failing(stores.sessions, { method: 'findByTokenHash', error: failed }),
        },
      })

      const response = await broken.send('/me', { token })

      expect(response.status).toBe(500)
      expect(await response.json()).toEqual({
        error: { code: 'internal_error', message: 'Something went wrong on the server.' },
      })
      expect(broken.logs.filter((entry) => entry.level === 'error')).toHaveLength(1)
    })
  })
})
