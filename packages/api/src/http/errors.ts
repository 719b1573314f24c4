import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Every error code the API answers with, and its HTTP status: the one closed catalogue. */
export const API_ERRORS = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  own_session: 403,
  csrf_rejected: 403,
  not_found: 404,
  username_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>

/** One code of the error catalogue, as it appears in `error.code` of an error body. */
export type ApiErrorCode = keyof typeof API_ERRORS

/** The codes of the catalogue, as a list. */
export const API_ERROR_CODES = Object.keys(API_ERRORS) as [ApiErrorCode, ...ApiErrorCode[]]

const DEFAULT_MESSAGES: Readonly<Record<ApiErrorCode, string>> = {
  invalid_request: 'The request is not valid.',
  unauthenticated: 'Log in to continue.',
  invalid_credentials: 'The username or password is not correct.',
  forbidden: 'This needs the admin role.',
  own_session: 'You cannot delete your own session here.',
  csrf_rejected: 'Cross-site requests are not accepted.',
  not_found: 'Not found.',
  username_taken: 'That username is already taken.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'Send the request body as application/json.',
  too_many_attempts: 'Too many failed log-ins; try again later.',
  internal_error: 'Something went wrong on the server.',
  service_unavailable: 'The service is unavailable; try again shortly.',
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string }
}

/** The error body for a code, with its default message unless one is given. */
export function errorBody(code: ApiErrorCode, message = DEFAULT_MESSAGES[code]): ErrorBody {
  return { error: { code, message } }
}

/** What an ApiError carries besides its code and message. */
export interface ApiErrorOptions {
  readonly cause?: unknown
  /** Extra response headers, such as Retry-After. */
  readonly headers?: Readonly<Record<string, string>>
}

/** An expected failure of a request; the error handler turns it into its catalogue response. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly code: ApiErrorCode
  readonly status: ContentfulStatusCode
  readonly headers: Readonly<Record<string, string>>

  constructor(code: ApiErrorCode, message?: string, options: ApiErrorOptions = {}) {
    super(message ?? DEFAULT_MESSAGES[code], { cause: options.cause })
    this.code = code
    this.status = API_ERRORS[code]
    this.headers = options.headers ?? {}
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
