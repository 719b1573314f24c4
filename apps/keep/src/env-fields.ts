import { isIP } from 'node:net'

import { err, isValidProxyEntry, ok } from '@keep/core'
import type { Result } from '@keep/core'
import { z } from 'zod'

import { parseDuration } from './duration'

// How each kind of KEEP_* value is read; `env.ts` names which variable is which.

/** Unset and empty are the same: compose files often pass `KEEP_X=` for "not set". */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)

export interface DurationRule {
  readonly fallback: string
  /** The longest value that still makes sense, such as `30d`. */
  readonly max: string
  /** The shortest; `1s` unless set. */
  readonly min?: string
}

export function duration(rule: DurationRule) {
  return optionalText.transform((raw, ctx) => {
    const checked = checkDuration(raw ?? rule.fallback, rule)

    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.error })
      return z.NEVER
    }

    return checked.value
  })
}

function checkDuration(text: string, rule: DurationRule): Result<number, string> {
  const ms = parseDuration(text)
  const min = rule.min ?? '1s'

  if (ms === null || ms === 0) {
    return err('must be seconds (90) or a duration (45s, 30m, 12h, 1d)')
  }

  if (ms < (parseDuration(min) ?? 0)) {
    return err(`must be at least ${min}`)
  }

  return ms > (parseDuration(rule.max) ?? 0) ? err(`must be at most ${rule.max}`) : ok(ms)
}

export function wholeNumber(options: { fallback: number; min: number; max: number }) {
  return optionalText.transform((raw, ctx) => {
    const value = raw === undefined ? options.fallback : Number(raw)

    if (
      !Number.isInteger(value) ||
      value < options.min ||
      value > options.max ||
      !/^\d*$/.test(raw ?? '')
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a whole number from ${options.min} to ${options.max}`,
      })
      return z.NEVER
    }

    return value
  })
}

export const databaseUrl = optionalText.transform((raw, ctx) => {
  if (raw === undefined) {
    return null
  }

  const url = URL.canParse(raw) ? new URL(raw) : null

  if (
    !url ||
    !['mysql:', 'mariadb:'].includes(url.protocol) ||
    !url.hostname ||
    url.pathname.length < 2
  ) {
    ctx.addIssue({
      code: 'custom',
      message: 'must look like mysql://user:password@host:3306/database',
    })
    return z.NEVER
  }

  return raw
})

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i

function isHostName(text: string): boolean {
  const labels = text.split('.')

  // A name whose last label is all digits would be read as a mistyped address.
  return (
    text.length <= 253 &&
    labels.every((label) => HOST_LABEL.test(label)) &&
    !/^\d+$/.test(labels.at(-1) ?? '')
  )
}

export const listenHost = optionalText.transform((raw, ctx) => {
  const host = raw ?? '0.0.0.0'

  if (isIP(host) === 0 && !isHostName(host)) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an IP address or a host name, such as 0.0.0.0, ::1 or keep.internal',
    })
    return z.NEVER
  }

  return host
})

export const trustedProxies = optionalText.transform((raw, ctx) => {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const invalid = entries.filter((entry) => !isValidProxyEntry(entry))

  if (invalid.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `has entries that are neither an address nor an IPv4 CIDR range: ${invalid.join(', ')}`,
    })
    return z.NEVER
  }

  return entries
})
