import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'

import { isStoreUnavailable } from '../db/store-error'
import type { Logger } from '../logger'
import { ApiError, errorBody, isApiError } from './errors'
import type { ApiErrorCode } from './errors'

const HTTP_EXCEPTION_CODES: Readonly<Record<number, ApiErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
}

const MAX_CAUSE_DEPTH = 5
const MAX_LOGGED_MESSAGE = 300

/**
 * The one mapping from anything thrown to the JSON error shape. Server-side failures are
 * logged once here and answered with a generic message: no stack, no SQL, no driver text.
 */
export function createErrorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    const apiError = toApiError(error)

    if (apiError.status >= 500) {
      logFailure(logger, { c, error, code: apiError.code })
    }

    return respondWithError(c, apiError)
  }
}

export const notFoundHandler: NotFoundHandler = (c) =>
  respondWithError(c, new ApiError('not_found'))

export function respondWithError(c: Context, error: ApiError): Response {
  c.header('Cache-Control', 'no-store')

  for (const [name, value] of Object.entries(error.headers)) {
    c.header(name, value)
  }

  return c.json(errorBody(error.code, error.message), error.status)
}

export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) {
    return error
  }

  if (error instanceof HTTPException) {
    return fromHttpException(error)
  }

  const code = isStoreUnavailable(error) ? 'service_unavailable' : 'internal_error'

  return new ApiError(code, undefined, { cause: error })
}

function fromHttpException(error: HTTPException): ApiError {
  const code = HTTP_EXCEPTION_CODES[error.status] ?? 'internal_error'

  // Hono raises 400 only for a body it could not parse; its text is safe and useful.
  const message = code === 'invalid_request' ? 'The request body is not valid JSON.' : undefined

  return new ApiError(code, message, { cause: error })
}

function causeChain(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = []
  let current = error

  while (typeof current === 'object' && current !== null && chain.length < MAX_CAUSE_DEPTH) {
    const link = current as Record<string, unknown>

    chain.push(link)
    current = link['cause']
  }

  return chain
}

function logFailure(logger: Logger, failure: { c: Context; error: unknown; code: ApiErrorCode }) {
  const { c, error, code } = failure
  const cause = isApiError(error) ? error.cause : error

  logger.error('request_failed', {
    method: c.req.method,
    path: c.req.path,
    code,
    error: describeChain(cause),
    // First line only: drivers put the bound values on the lines after the statement.
    message: describeMessage(cause),
  })
}

function describeChain(error: unknown): string {
  return causeChain(error)
    .map((link) => [link['name'], link['kind'], link['code']].filter(isText).join(' '))
    .join(' <- ')
}

function describeMessage(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : undefined

  return message?.split('\n')[0]?.slice(0, MAX_LOGGED_MESSAGE)
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0
}
