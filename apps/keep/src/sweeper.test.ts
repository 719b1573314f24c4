import { silentLogger } from '@keep/api'
import {
  DEFAULT_LOGIN_LIMITS,
  DEFAULT_SESSION_POLICY,
  MemoryLoginFailureStore,
  MemorySessionStore,
} from '@keep/core'
import { buildSession, buildUser, createManualClock, toSessionUser } from '@keep/core/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { loadConfig } from './env'
import { createSweeper } from './sweeper'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

async function setUp(counts: { active: number; expired: number }) {
  const clock = createManualClock()
  const sessions = new MemorySessionStore()
  const loginFailures = new MemoryLoginFailureStore()
  const user = toSessionUser(buildUser())
  const lines: { event: string; fields: unknown }[] = []
  const logger = {
    ...silentLogger,
    info: (event: string, fields?: unknown) => lines.push({ event, fields }),
  }
  const now = clock.now().getTime()

  for (let i = 0; i < counts.active; i += 1) {
    const built = await buildSession({ user, createdAt: new Date(now - MINUTE) })
    await sessions.create(built.session)
  }

  for (let i = 0; i < counts.expired; i += 1) {
    const lastActive = new Date(now - DEFAULT_SESSION_POLICY.idleTimeoutMs - i)
    const built = await buildSession({ user, createdAt: lastActive, lastActiveAt: lastActive })
    await sessions.create(built.session)
  }

  const deps = {
    sessions,
    loginFailures,
    clock,
    logger,
    policy: DEFAULT_SESSION_POLICY,
    loginLimits: DEFAULT_LOGIN_LIMITS,
  }

  return { deps, lines, clock }
}

describe('createSweeper', () => {
  it('should purge expired sessions batch after batch until a batch comes back short', async () => {
    const { deps, lines } = await setUp({ active: 3, expired: 12 })
    const sweeper = createSweeper(deps, { intervalMs: MINUTE, batchSize: 5, pauseMs: 0 })

    const result = await sweeper.sweepNow()

    expect(result.sessions).toBe(12)
    expect(
      await deps.sessions.stats({ lastActiveAfter: new Date(0), createdAfter: new Date(0) })
    ).toMatchObject({
      activeSessions: 3,
    })
    expect(lines).toEqual([{ event: 'sweep_purged', fields: { sessions: 12, login_failures: 0 } }])
  })

  it('should forget login failures older than the failure window', async () => {
    const { deps, clock } = await setUp({ active: 0, expired: 0 })
    await deps.loginFailures.record({ username: 'alice', address: '192.0.2.1', at: clock.now() })
    clock.advance(DEFAULT_LOGIN_LIMITS.windowMs + 1)
    await deps.loginFailures.record({ username: 'alice', address: '192.0.2.1', at: clock.now() })

    const result = await createSweeper(deps, { intervalMs: MINUTE, pauseMs: 0 }).sweepNow()

    expect(result).toEqual({ sessions: 0, loginFailures: 1 })
  })

  it('should log nothing when there was nothing to purge', async () => {
    const { deps, lines } = await setUp({ active: 2, expired: 0 })

    await createSweeper(deps, { intervalMs: MINUTE }).sweepNow()

    expect(lines).toEqual([])
  })

  it('should run one sweep at a time', async () => {
    const { deps } = await setUp({ active: 0, expired: 4 })
    const sweeper = createSweeper(deps, { intervalMs: MINUTE, batchSize: 2, pauseMs: 0 })

    const [first, second] = [sweeper.sweepNow(), sweeper.sweepNow()]

    expect(first).toBe(second)
    expect((await first).sessions).toBe(4)
  })

  it('should stop between batches when asked to stop', async () => {
    const { deps } = await setUp({ active: 0, expired: 10 })
    const sweeper = createSweeper(deps, { intervalMs: MINUTE, batchSize: 2, pauseMs: 60_000 })

    const sweep = sweeper.sweepNow()
    await sweeper.stop()

    expect((await sweep).sessions).toBeLessThan(10)
  })

  describe('schedule', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('should wait the longest interval Keep accepts before sweeping, jitter included', async () => {
      const { deps } = await setUp({ active: 0, expired: 1 })
      const purge = vi.spyOn(deps.sessions, 'purgeExpired')
      const longest = loadConfig({ KEEP_SWEEP_INTERVAL: '1d' })
      if (!longest.ok) throw new Error('1d refused')
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const sweeper = createSweeper(deps, {
        intervalMs: longest.value.sweepIntervalMs,
        random: () => 0,
        pauseMs: 0,
      })

      sweeper.start()
      await vi.advanceTimersByTimeAsync(0.75 * DAY - 1)
      expect(purge).not.toHaveBeenCalled()

      await vi.advanceTimersByTimeAsync(1)
      await sweeper.stop()
      expect(purge).toHaveBeenCalledTimes(1)
    })

    it('should refuse an interval longer than a timer can wait, rather than sweep non-stop', async () => {
      const { deps } = await setUp({ active: 0, expired: 0 })

      expect(() => createSweeper(deps, { intervalMs: 25 * DAY })).toThrow(RangeError)
    })
  })
})
