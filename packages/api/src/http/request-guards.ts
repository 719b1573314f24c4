import { zValidator } from '@hono/zod-validator'
import type { MiddlewareHandler, ValidationTargets } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import * as z from 'zod'

import { ApiError } from './errors'

/** Far above the largest legitimate body: a bulk deletion of 1000 ids is about 30 KiB. */
export const MAX_BODY_BYTES = 64 * 1024

const limitAnyBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError('payload_too_large')
  },
})

const BODILESS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses oversize bodies. GET and HEAD are let through untouched: reading their (absent) body
 * makes the Node adapter build a full Request on the hottest path for nothing.
 */
export const limitBody: MiddlewareHandler = async (c, next) => {
  if (BODILESS_METHODS.has(c.req.method)) {
    await next()
    return
  }

  return limitAnyBody(c, next)
}

export function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase()

  return mediaType === 'application/json'
}

export const requireJson: MiddlewareHandler = async (c, next) => {
  if (!isJsonContentType(c.req.header('Content-Type'))) {
    throw new ApiError('unsupported_media_type')
  }

  await next()
}

/** zValidator whose failures become `invalid_request` naming the first offending field. */
export function validate<TSchema extends z.ZodType, TTarget extends keyof ValidationTargets>(
  target: TTarget,
  schema: TSchema
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new ApiError('invalid_request', describeIssue(target, result.error.issues))
    }
  })
}

/**
 * `validate('query', schema)` that takes an empty parameter as an absent one: `?type=&limit=` is
 * how a form or a URL template leaves a parameter out.
 */
export function validateQuery<TSchema extends z.ZodObject>(schema: TSchema) {
  return validate('query', z.preprocess(dropEmptyValues, schema))
}

function dropEmptyValues(params: unknown): unknown {
  if (typeof params !== 'object' || params === null) {
    return params
  }

  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== ''))
}

function describeIssue(target: keyof ValidationTargets, issues: readonly z.core.$ZodIssue[]) {
  const issue = issues[0]

  if (!issue) {
    return `The ${target} is not valid.`
  }

  const field = issue.path.length > 0 ? formatPath(issue.path) : TARGET_NAMES[target]

  return `${field}: ${issue.message}`
}

const TARGET_NAMES: Readonly<Record<keyof ValidationTargets, string>> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'headers',
  cookie: 'cookies',
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`
    )
    .join('')
}
