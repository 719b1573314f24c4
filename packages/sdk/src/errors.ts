/** The error codes in Keep's API error catalogue. */
export type KeepErrorCode =
  | 'invalid_request'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'own_session'
  | 'csrf_rejected'
  | 'not_found'
  | 'username_taken'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_attempts'
  | 'service_unavailable'
  | 'internal_error'

/**
 * The code of a {@link KeepClientError}: a catalogue code, `unexpected_response` when the answer
 * was not Keep's (a proxy's error page, a body that is not JSON), or a code this SDK does not
 * know yet from a newer server.
 */
export type KeepClientErrorCode = KeepErrorCode | 'unexpected_response' | (string & {})

export interface KeepClientErrorInit {
  readonly status: number
  readonly code: KeepClientErrorCode
  readonly message: string
  readonly retryAfterSeconds?: number | undefined
}

/**
 * An HTTP answer that was not a success: Keep refused the request, or something in between
 * (a proxy, a gateway) answered instead of Keep.
 */
export class KeepClientError extends Error {
  override readonly name = 'KeepClientError'
  /** The HTTP status of the answer. */
  readonly status: number
  readonly code: KeepClientErrorCode
  /** How long to wait before trying again, from the Retry-After header (sent with 429). */
  readonly retryAfterSeconds: number | undefined

  /**
   * @example
   * // A test double of a client that finds the session already gone:
   * const error = new KeepClientError({ status: 404, code: 'not_found', message: 'Not found.' })
   */
  constructor(init: KeepClientErrorInit) {
    super(init.message)
    this.status = init.status
    this.code = init.code
    this.retryAfterSeconds = init.retryAfterSeconds
  }

  /**
   * The error for a response that was not a success, from its parsed JSON body (or
   * `undefined` when the body was not JSON). Useful when calling the API without the client.
   *
   * @example
   * const response = await fetch('https://keep.example.com/keep/api/me', { headers })
   * if (!response.ok) {
   *   throw KeepClientError.from(response, await response.json().catch(() => undefined))
   * }
   */
  static from(response: Response, body: unknown): KeepClientError {
    const envelope = readErrorEnvelope(body)
    const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'), Date.now())

    if (!envelope) {
      const message = `Expected a Keep API answer, got HTTP ${response.status} ${response.statusText}`

      return new KeepClientError({
        status: response.status,
        code: 'unexpected_response',
        message: message.trim(),
        retryAfterSeconds,
      })
    }

    return new KeepClientError({ status: response.status, ...envelope, retryAfterSeconds })
  }
}

/** The request never got an HTTP answer: the server was unreachable, the connection dropped. */
export class KeepNetworkError extends Error {
  override readonly name = 'KeepNetworkError'

  /**
   * @example
   * throw new KeepNetworkError('Could not reach Keep', { cause: error })
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/**
 * Whether a value is a {@link KeepClientError}, also across copies of this package.
 *
 * @example
 * try {
 *   await keep.deleteSession(id)
 * } catch (error) {
 *   if (isKeepClientError(error) && error.code === 'not_found') return
 *   throw error
 * }
 */
export function isKeepClientError(value: unknown): value is KeepClientError {
  return (
    value instanceof Error &&
    value.name === 'KeepClientError' &&
    typeof (value as Partial<KeepClientError>).status === 'number' &&
    typeof (value as Partial<KeepClientError>).code === 'string'
  )
}

/**
 * Whether a value is a {@link KeepNetworkError}, also across copies of this package.
 *
 * @example
 * try {
 *   await keep.me()
 * } catch (error) {
 *   if (isKeepNetworkError(error)) console.warn('Keep is unreachable, retrying later')
 * }
 */
export function isKeepNetworkError(value: unknown): value is KeepNetworkError {
  return value instanceof Error && value.name === 'KeepNetworkError'
}

/** Retry-After as whole seconds from now; it may be a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  const value = header?.trim()

  if (!value) {
    return undefined
  }

  if (/^\d+$/.test(value)) {
    return Number(value)
  }

  // An HTTP date starts with the day's name; Date.parse alone would take "-5" for a year.
  const at = /^[A-Za-z]/.test(value) ? Date.parse(value) : NaN

  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

function readErrorEnvelope(body: unknown): { code: string; message: string } | undefined {
  const error = isRecord(body) ? body['error'] : undefined

  if (!isRecord(error)) {
    return undefined
  }

  const { code, message } = error

  return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
