import { hostname } from 'node:os'

import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  SESSION_TEXT_LIMITS,
  createLoginLimits,
  createSessionPolicy,
  err,
  ok,
} from '@keep/core'
import type { LoginLimits, Result, SessionPolicy } from '@keep/core'
import { z } from 'zod'

import {
  databaseUrl,
  duration,
  listenHost,
  optionalText,
  trustedProxies,
  wholeNumber,
} from './env-fields'

export type LogFormat = 'json' | 'pretty'

export interface KeepConfig {
  readonly port: number
  readonly host: string
  /** A mysql:// URL, or null for the in-process memory store. */
  readonly databaseUrl: string | null
  readonly serverName: string
  /** The built-in admin's password for its first start; null to generate one. */
  readonly adminPassword: string | null
  readonly policy: SessionPolicy
  readonly loginLimits: LoginLimits
  readonly trustedProxies: readonly string[]
  readonly logFormat: LogFormat
  readonly sweepIntervalMs: number
}

export type Environment = Readonly<Record<string, string | undefined>>

const MAX_SERVER_NAME_LENGTH = SESSION_TEXT_LIMITS.serverName

function schemaFor(env: Environment) {
  return z.object({
    KEEP_PORT: wholeNumber({ fallback: 3000, min: 0, max: 65535 }),
    KEEP_HOST: listenHost,
    KEEP_DATABASE_URL: databaseUrl,
    KEEP_SERVER_NAME: optionalText.pipe(
      z
        .string()
        .max(MAX_SERVER_NAME_LENGTH, `must be at most ${MAX_SERVER_NAME_LENGTH} characters`)
        .optional()
    ),
    KEEP_ADMIN_PASSWORD: z
      .string()
      .optional()
      .transform((raw) => raw || undefined)
      .pipe(
        z
          .string()
          .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
          .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`)
          .optional()
      ),
    KEEP_SESSION_IDLE_TIMEOUT: duration({ fallback: '30m', max: '30d' }),
    KEEP_SESSION_MAX_AGE: duration({ fallback: '12h', max: '365d' }),
    KEEP_SESSION_TOUCH_INTERVAL: duration({ fallback: '60s', max: '1h' }),
    KEEP_TRUSTED_PROXIES: trustedProxies,
    KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT: wholeNumber({ fallback: 10, min: 1, max: 1_000_000 }),
    KEEP_LOGIN_MAX_FAILURES_PER_ADDRESS: wholeNumber({ fallback: 50, min: 1, max: 1_000_000 }),
    KEEP_LOGIN_FAILURE_WINDOW: duration({ fallback: '15m', max: '1h' }),
    KEEP_LOG_FORMAT: optionalText
      .pipe(z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).optional())
      .transform((raw) => raw ?? (env['NODE_ENV'] === 'production' ? 'json' : 'pretty')),
    // Timers cannot wait longer than about 24.8 days; a day, plus jitter, stays well inside.
    KEEP_SWEEP_INTERVAL: duration({ fallback: '5m', min: '1s', max: '1d' }),
  })
}

type ParsedEnvironment = z.output<ReturnType<typeof schemaFor>>

/**
 * Keep's configuration from an environment, or one message per bad variable, each naming it.
 * Pure: reads only what it is given.
 */
export function loadConfig(env: Environment): Result<KeepConfig, readonly string[]> {
  const parsed = schemaFor(env).safeParse(env)

  if (!parsed.success) {
    return err(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`))
  }

  return buildConfig(parsed.data)
}

function buildConfig(vars: ParsedEnvironment): Result<KeepConfig, readonly string[]> {
  const policy = tryBuild(() =>
    createSessionPolicy({
      idleTimeoutMs: vars.KEEP_SESSION_IDLE_TIMEOUT,
      maxAgeMs: vars.KEEP_SESSION_MAX_AGE,
      touchIntervalMs: vars.KEEP_SESSION_TOUCH_INTERVAL,
    })
  )
  const loginLimits = tryBuild(() =>
    createLoginLimits({
      perAccount: vars.KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perAddress: vars.KEEP_LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMs: vars.KEEP_LOGIN_FAILURE_WINDOW,
    })
  )

  if (!policy.ok || !loginLimits.ok) {
    return err([policy, loginLimits].flatMap((result) => (result.ok ? [] : [result.error])))
  }

  return ok({
    port: vars.KEEP_PORT,
    host: vars.KEEP_HOST,
    databaseUrl: vars.KEEP_DATABASE_URL,
    serverName: vars.KEEP_SERVER_NAME ?? hostname(),
    adminPassword: vars.KEEP_ADMIN_PASSWORD ?? null,
    policy: policy.value,
    loginLimits: loginLimits.value,
    trustedProxies: vars.KEEP_TRUSTED_PROXIES,
    logFormat: vars.KEEP_LOG_FORMAT,
    sweepIntervalMs: vars.KEEP_SWEEP_INTERVAL,
  })
}

// The core rules speak of their own field names; operators know the variables.
const VARIABLE_NAMES: Readonly<Record<string, string>> = {
  idleTimeoutMs: 'KEEP_SESSION_IDLE_TIMEOUT',
  maxAgeMs: 'KEEP_SESSION_MAX_AGE',
  touchIntervalMs: 'KEEP_SESSION_TOUCH_INTERVAL',
  perAccount: 'KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT',
  perAddress: 'KEEP_LOGIN_MAX_FAILURES_PER_ADDRESS',
  windowMs: 'KEEP_LOGIN_FAILURE_WINDOW',
}

function tryBuild<TValue>(build: () => TValue): Result<TValue, string> {
  try {
    return ok(build())
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error
    }

    return err(renameFields(error.message))
  }
}

function renameFields(message: string): string {
  const renamed = message.replace(
    /\b(\w+Ms|perAccount|perAddress)\b/g,
    (name) => VARIABLE_NAMES[name] ?? name
  )

  return renamed.startsWith('Login limits allow')
    ? `KEEP_LOGIN_MAX_FAILURES_PER_ACCOUNT and KEEP_LOGIN_FAILURE_WINDOW: ${renamed}`
    : renamed
}

/** Keep's configuration from this process's environment: the one place that reads it. */
export function loadConfigFromProcess(): Result<KeepConfig, readonly string[]> {
  return loadConfig(process.env)
}
