import {
  MemoryLoginFailureStore,
  MemorySessionStore,
  MemoryUserStore,
  createLoginLimits,
  createSessionPolicy,
} from '@keep/core'
import type { SessionStore } from '@keep/core'
import { createManualClock } from '@keep/core/testing'
import { describe, expect, it, vi } from 'vitest'

import { createAccount } from './accounts'
import { createScryptHasher } from './password'
import { createSessionService } from './session-service'

const passwords = createScryptHasher({ N: 1024, r: 8, p: 1 })
const policy = createSessionPolicy({
  idleTimeoutMs: 600_000,
  maxAgeMs: 3_600_000,
  touchIntervalMs: 60_000,
})

async function setUp(sessions: SessionStore = new MemorySessionStore()) {
  const clock = createManualClock()
  const users = new MemoryUserStore()
  const deps = {
    sessions,
    users,
    loginFailures: new MemoryLoginFailureStore(),
    passwords,
    clock,
    policy,
    loginLimits: createLoginLimits({ perAccount: 3, perAddress: 5 }),
    serverName: 'keep-test',
  }
  await createAccount(deps, { username: 'ann', password: 'correct horse', role: 'user' })

  return { clock, sessions, service: createSessionService(deps) }
}

const annLogin = {
  username: 'ann',
  password: 'correct horse',
  type: 'browser' as const,
  address: '192.0.2.4',
  userAgent: 'Mozilla/5.0',
}

describe('session service', () => {
  it('should open a new session of the channel type on every log-in', async () => {
    const { service } = await setUp()

    const first = await service.login(annLogin)
    const second = await service.login(annLogin)

    expect(first.ok && second.ok).toBe(true)
    if (!first.ok || !second.ok) return
    expect(first.value.session).toMatchObject({
      type: 'browser',
      address: '192.0.2.4',
      serverName: 'keep-test',
    })
    expect(first.value.token).not.toBe(second.value.token)
    expect(first.value.session.id).not.toBe(second.value.session.id)
  })

  it('should refuse a wrong password and an unknown user alike', async () => {
    const { service } = await setUp()

    expect(await service.login({ ...annLogin, password: 'wrong password' })).toEqual({
      ok: false,
      error: { code: 'invalid_credentials' },
    })
    expect(await service.login({ ...annLogin, username: 'nobody' })).toEqual({
      ok: false,
      error: { code: 'invalid_credentials' },
    })
  })

  it('should throttle an account after its failures, even with the right password', async () => {
    const { service } = await setUp()

    for (let i = 0; i < 3; i += 1) {
      await service.login({ ...annLogin, password: 'wrong password', address: `198.51.100.${i}` })
    }

    const result = await service.login(annLogin)

    expect(result).toEqual({
      ok: false,
      error: { code: 'too_many_attempts', retryAfterSeconds: 900 },
    })
  })

  it('should authenticate a live token and refuse it after log-out', async () => {
    const { service } = await setUp()
    const login = await service.login(annLogin)
    if (!login.ok) throw new Error('log-in failed')

    const authenticated = await service.authenticate(login.value.token)
    await service.logout(login.value.session.id)

    expect(authenticated?.user.username).toBe('ann')
    expect(await service.authenticate(login.value.token)).toBeNull()
  })

  it('should refuse a malformed token without asking the store', async () => {
    const sessions = new MemorySessionStore()
    const lookup = vi.spyOn(sessions, 'findByTokenHash')
    const { service } = await setUp(sessions)

    expect(await service.authenticate('short')).toBeNull()
    expect(await service.authenticate(undefined)).toBeNull()
    expect(await service.authenticate(`${'a'.repeat(42)}!`)).toBeNull()
    expect(lookup).not.toHaveBeenCalled()
  })

  it('should refuse a session idle past the timeout', async () => {
    const { service, clock } = await setUp()
    const login = await service.login(annLogin)
    if (!login.ok) throw new Error('log-in failed')

    clock.advance(policy.idleTimeoutMs)

    expect(await service.authenticate(login.value.token)).toBeNull()
  })

  it('should refuse a busy session past its maximum age', async () => {
    const { service, clock } = await setUp()
    const login = await service.login(annLogin)
    if (!login.ok) throw new Error('log-in failed')

    for (let elapsed = 0; elapsed < policy.maxAgeMs - 300_000; elapsed += 300_000) {
      clock.advance(300_000)
      expect(await service.authenticate(login.value.token)).not.toBeNull()
    }
    clock.advance(300_000)

    expect(await service.authenticate(login.value.token)).toBeNull()
  })

  it('should write Last Active at most once per touch interval', async () => {
    const sessions = new MemorySessionStore()
    const touch = vi.spyOn(sessions, 'touch')
    const { service, clock } = await setUp(sessions)
    const login = await service.login(annLogin)
    if (!login.ok) throw new Error('log-in failed')

    for (let i = 0; i < 120; i += 1) {
      clock.advance(1_000)
      await service.authenticate(login.value.token)
    }

    expect(touch).toHaveBeenCalledTimes(2)
  })
})
