import { describe, expect, it } from 'vitest'

import { loadConfig } from './env'
import type { Environment, KeepConfig } from './env'

function load(env: Environment): KeepConfig {
  const result = loadConfig(env)

  if (!result.ok) {
    throw new Error(result.error.join('; '))
  }

  return result.value
}

function refusal(env: Environment): string {
  const result = loadConfig(env)

  if (result.ok) {
    throw new Error('expected the configuration to be refused')
  }

  return result.error.join('\n')
}

describe('loadConfig', () => {
  it('should start with the documented defaults from an empty environment', () => {
    const config = load({})

    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: null,
      adminPassword: null,
      trustedProxies: [],
      logFormat: 'pretty',
      sweepIntervalMs: 5 * 60_000,
      policy: { idleTimeoutMs: 30 * 60_000, maxAgeMs: 12 * 3_600_000, touchIntervalMs: 60_000 },
      loginLimits: { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 },
    })
    expect(config.serverName.length).toBeGreaterThan(0)
  })

  it('should read every variable it knows', () => {
    const config = load({
      KEEP_PORT: '8080',
      KEEP_HOST: '127.0.0.1',
      KEEP_DATABASE_URL: 'mysql://keep:secret@db.internal:3306/keep',
      KEEP_SERVER_NAME: 'keep-eu-1',
      KEEP_ADMIN_PASSWORD: 'correct horse battery',
      KEEP_SESSION_IDLE_TIMEOUT: '15m',
      KEEP_SESSION_MAX_AGE: '8h',
      KEEP_SESSION_TOUCH_INTERVAL: '30',
      KEEP_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1',
      KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
      KEEP_LOGIN_MAX_FAILURES_PER_ADDRESS: '20',
      KEEP_LOGIN_FAILURE_WINDOW: '10m',
      KEEP_LOG_FORMAT: 'json',
      KEEP_SWEEP_INTERVAL: '1m',
    })

    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'mysql://keep:secret@db.internal:3306/keep',
      serverName: 'keep-eu-1',
      adminPassword: 'correct horse battery',
      policy: { idleTimeoutMs: 15 * 60_000, maxAgeMs: 8 * 3_600_000, touchIntervalMs: 30_000 },
      loginLimits: { perAccount: 5, perAddress: 20, windowMs: 10 * 60_000 },
      trustedProxies: ['10.0.0.0/8', '192.0.2.1'],
      logFormat: 'json',
      sweepIntervalMs: 60_000,
    })
  })

  it('should treat empty variables as unset', () => {
    expect(load({ KEEP_PORT: '', KEEP_DATABASE_URL: '', KEEP_ADMIN_PASSWORD: '' })).toMatchObject({
      port: 3000,
      databaseUrl: null,
      adminPassword: null,
    })
  })

  it('should log JSON lines by default in production', () => {
    expect(load({ NODE_ENV: 'production' }).logFormat).toBe('json')
    expect(load({ NODE_ENV: 'production', KEEP_LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty')
  })

  it.each([
    ['KEEP_PORT', 'eighty'],
    ['KEEP_PORT', '70000'],
    ['KEEP_PORT', '-1'],
    ['KEEP_DATABASE_URL', 'postgres://db/keep'],
    ['KEEP_DATABASE_URL', 'mysql://db-without-database'],
    ['KEEP_ADMIN_PASSWORD', 'short'],
    ['KEEP_SESSION_IDLE_TIMEOUT', 'half an hour'],
    ['KEEP_SESSION_MAX_AGE', '0'],
    ['KEEP_SESSION_TOUCH_INTERVAL', '1.5m'],
    ['KEEP_TRUSTED_PROXIES', '10.0.0.0/33'],
    ['KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT', '0'],
    ['KEEP_LOGIN_MAX_FAILURES_PER_ADDRESS', 'many'],
    ['KEEP_LOGIN_FAILURE_WINDOW', '-5m'],
    ['KEEP_LOG_FORMAT', 'xml'],
    ['KEEP_SWEEP_INTERVAL', 'soon'],
    ['KEEP_SERVER_NAME', 'x'.repeat(256)],
  ])('should refuse %s=%s, naming the variable', (name, value) => {
    expect(refusal({ [name]: value })).toContain(name)
  })

  it.each([
    ['KEEP_SESSION_IDLE_TIMEOUT', '31d', '30d'],
    ['KEEP_SESSION_MAX_AGE', '999999999d', '365d'],
    ['KEEP_SESSION_TOUCH_INTERVAL', '2h', '1h'],
    ['KEEP_LOGIN_FAILURE_WINDOW', '2h', '1h'],
    ['KEEP_SWEEP_INTERVAL', '2147484', '1d'],
    ['KEEP_SWEEP_INTERVAL', '25d', '1d'],
  ])('should refuse %s=%s as longer than its most, %s', (name, value, most) => {
    expect(refusal({ [name]: value })).toBe(`${name} must be at most ${most}`)
  })

  it('should accept every duration at its most', () => {
    const config = load({
      KEEP_SESSION_IDLE_TIMEOUT: '30d',
      KEEP_SESSION_MAX_AGE: '365d',
      KEEP_SESSION_TOUCH_INTERVAL: '1h',
      KEEP_LOGIN_FAILURE_WINDOW: '1h',
      KEEP_SWEEP_INTERVAL: '1d',
    })

    expect(config.policy.maxAgeMs).toBe(365 * 86_400_000)
    expect(config.sweepIntervalMs).toBe(86_400_000)
  })

  it.each(['0.0.0.0', '::', '::1', '127.0.0.1', 'localhost', 'keep-1.internal'])(
    'should listen on KEEP_HOST=%s',
    (host) => {
      expect(load({ KEEP_HOST: host }).host).toBe(host)
    }
  )

  it.each([
    'not a host',
    'http://keep.internal',
    '[::1]',
    '999.1.1.1',
    'a..b',
    '-keep',
    'x'.repeat(64),
  ])('should refuse KEEP_HOST=%s, naming the variable', (host) => {
    expect(refusal({ KEEP_HOST: host })).toBe(
      'KEEP_HOST must be an IP address or a host name, such as 0.0.0.0, ::1 or keep.internal'
    )
  })

  it('should name every bad variable at once', () => {
    const message = refusal({ KEEP_PORT: 'x', KEEP_LOG_FORMAT: 'xml' })

    expect(message).toContain('KEEP_PORT')
    expect(message).toContain('KEEP_LOG_FORMAT')
  })

  it('should refuse a touch interval that is not shorter than the idle timeout', () => {
    const message = refusal({ KEEP_SESSION_IDLE_TIMEOUT: '1m', KEEP_SESSION_TOUCH_INTERVAL: '2m' })

    expect(message).toContain('KEEP_SESSION_TOUCH_INTERVAL')
    expect(message).toContain('KEEP_SESSION_IDLE_TIMEOUT')
  })

  it('should refuse login limits that allow more than 100 failures an hour per account', () => {
    const message = refusal({
      KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT: '50',
      KEEP_LOGIN_FAILURE_WINDOW: '15m',
    })

    expect(message).toContain('KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT')
    expect(message).toContain('100')
  })

  it('should refuse a window whose worst hour passes 100 failures, though its average does not', () => {
    const message = refusal({
      KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT: '98',
      KEEP_LOGIN_FAILURE_WINDOW: '59m',
    })

    expect(message).toBe(
      'KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT and KEEP_LOGIN_FAILURE_WINDOW: Login limits allow up to 196 failures an hour per account; at most 100 are allowed'
    )
  })

  it('should never repeat the admin password in a refusal', () => {
    expect(refusal({ KEEP_ADMIN_PASSWORD: 'hunter' })).not.toContain('hunter')
  })
})
