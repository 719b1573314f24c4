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
import type { PasswordHasher } from './password'
import { createSessionService } from './session-service'

const passwords = createScryptHasher({ N: 1024, r: 8, p: 1 })
const policy = createSessionPolicy({
  idleTimeoutMs: 600_000,
  maxAgeMs: 3_600_000,
  touchIntervalMs: 60_000,
})

interface SetUpOptions {
  readonly sessions?: SessionStore
  readonly passwords?: PasswordHasher
}

async function setUp(options: SetUpOptions = {}) {
  const sessions = options.sessions ?? new MemorySessionStore()
  const clock = createManualClock()
  const users = new MemoryUserStore()
  const deps = {
    sessions,
    users,
    loginFailures: new MemoryLoginFailureStore(),
    passwords: options.passwords ?? passwords,
    clock,
    policy,
    loginLimits: createLoginLimits({ perAccount: 3, perAddress: 5 }),
    serverName: 'keep-test',
  }
  await createAccount(deps, { username: 'ann', password: 'correct horse', role: 'user' })

  return { clock, sessions, service: createSessionService(deps) }
}

/** A hasher whose checks wait until `open`, to hold log-ins in flight at the slow step. */
function createGatedHasher() {
  const opening: (() => void)[] = []
  const gate = new Promise<void>((resolve) => opening.push(resolve))
  const arrivals: (() => void)[] = []
  let waiting = 0

  const hasher: PasswordHasher = {
    hash: (password) => passwords.hash(password),
    verify: async (password, stored) => {
      waiting += 1
      arrivals.splice(0).forEach((arrive) => arrive())
      await gate

      return passwords.verify(password, stored)
    },
  }

  const untilWaiting = async (count: number) => {
    while (waiting < count) {
      await new Promise<void>((arrive) => arrivals.push(arrive))
    }
  }

  return { hasher, open: () => opening.forEach((open) => open()), untilWaiting }
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

  it('should count log-ins still checking their password, so a burst cannot pass the limit', async () => {
    const gated = createGatedHasher()
    const { service } = await setUp({ passwords: gated.hasher })
    const wrong = { ...annLogin, password: 'wrong password' }
    const first = [service.login(wrong), service.login(wrong), service.login(wrong)]
    await gated.untilWaiting(3)

    const burst = Array.from({ length: 17 }, () => service.login(wrong))
    gated.open()
    const [checked, refused] = [await Promise.all(first), await Promise.all(burst)]

    expect(refused.map((result) => !result.ok && result.error.code)).toEqual(
      Array<string>(17).fill('too_many_attempts')
    )
    expect(checked.map((result) => !result.ok && result.error.code)).toEqual(
      Array<string>(3).fill('invalid_credentials')
    )
    expect((await service.login(annLogin)).ok).toBe(false)
  })

  it('should not count a log-in that succeeded against the limit', async () => {
    const { service } = await setUp()

    await service.login({ ...annLogin, password: 'wrong password' })
    await service.login({ ...annLogin, password: 'wrong password' })
    const results = [
      await service.login(annLogin),
      await service.login(annLogin),
      await service.login(annLogin),
    ]

    expect(results.map((result) => result.ok)).toEqual([true, true, true])
  })

  it('should not lengthen the wait with the log-ins it refused', async () => {
    const { service, clock } = await setUp()

    for (let i = 0; i < 3; i += 1) {
      await service.login({ ...annLogin, password: 'wrong password' })
    }
    clock.advance(10 * 60_000)
    for (let i = 0; i < 5; i += 1) {
      expect((await service.login(annLogin)).ok).toBe(false)
    }
    clock.advance(5 * 60_000 + 1)

    expect((await service.login(annLogin)).ok).toBe(true)
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
    const { service } = await setUp({ sessions })

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
    const { service, clock } = await setUp({ sessions })
    const login = await service.login(annLogin)
    if (!login.ok) throw new Error('log-in failed')

    for (let i = 0; i < 120; i += 1) {
      clock.advance(1_000)
      await service.authenticate(login.value.token)
    }

    expect(touch).toHaveBeenCalledTimes(2)
  })
})
