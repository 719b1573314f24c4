import { describe, expect, it } from 'vitest'

import { createKeepClient } from './client.js'
import {
  KeepClientError,
  KeepNetworkError,
  isKeepClientError,
  isKeepNetworkError,
  parseRetryAfter,
} from './errors.js'
import type { KeepErrorCode } from './errors.js'
import { createFakeFetch, errorResponse } from './testing/fake-fetch.js'
import type { CannedAnswer } from './testing/fake-fetch.js'

const BASE_URL = 'https://keep.example.com/keep'

async function failureOf(answer: CannedAnswer): Promise<unknown> {
  const fake = createFakeFetch(answer)
  const client = createKeepClient({ baseUrl: BASE_URL, token: 'token', fetch: fake.fetch })

  return client.me().then(
    () => expect.unreachable('the request should have failed'),
    (error: unknown) => error
  )
}

const CATALOGUE: [KeepErrorCode, number][] = [
  ['invalid_request', 400],
  ['unauthenticated', 401],
  ['invalid_credentials', 401],
  ['forbidden', 403],
  ['own_session', 403],
  ['csrf_rejected', 403],
  ['not_found', 404],
  ['username_taken', 409],
  ['payload_too_large', 413],
  ['unsupported_media_type', 415],
  ['too_many_attempts', 429],
  ['service_unavailable', 503],
  ['internal_error', 500],
]

describe('error answers', () => {
  it.each(CATALOGUE)(
    '%s (%i) becomes a KeepClientError with its code, status and message',
    async (code, status) => {
      const error = await failureOf(errorResponse(status, code, `Keep says ${code}`))

      expect(error).toBeInstanceOf(KeepClientError)
      expect(error).toMatchObject({
        name: 'KeepClientError',
        code,
        status,
        message: `Keep says ${code}`,
      })
      expect(isKeepClientError(error)).toBe(true)
      expect(isKeepNetworkError(error)).toBe(false)
    }
  )

  it('carries Retry-After in seconds', async () => {
    const answer = errorResponse(429, 'too_many_attempts')
    answer.headers.set('Retry-After', '900')

    const error = await failureOf(answer)

    expect(error).toMatchObject({ code: 'too_many_attempts', retryAfterSeconds: 900 })
  })

  it('leaves retryAfterSeconds unset without the header', async () => {
    const error = await failureOf(errorResponse(401, 'unauthenticated'))

    expect(error).toMatchObject({ retryAfterSeconds: undefined })
  })

  it('keeps codes this version does not know', async () => {
    const error = await failureOf(errorResponse(418, 'teapot_mode', 'Short and stout'))

    expect(error).toMatchObject({ code: 'teapot_mode', status: 418, message: 'Short and stout' })
  })

  it('reports a proxy page as an unexpected response with its status', async () => {
    const page = new Response('<html>Bad Gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html' },
    })

    const error = await failureOf(page)

    expect(isKeepClientError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'unexpected_response', status: 502 })
    expect((error as Error).message).toContain('502 Bad Gateway')
  })

  it('reports JSON that is not a Keep error as an unexpected response', async () => {
    const error = await failureOf(
      Response.json({ message: 'Internal Server Error' }, { status: 500 })
    )

    expect(error).toMatchObject({ code: 'unexpected_response', status: 500 })
  })

  it('reports a success whose body is not JSON as an unexpected response', async () => {
    const error = await failureOf(
      new Response('<html>Log in to the portal</html>', { status: 200 })
    )

    expect(error).toMatchObject({ code: 'unexpected_response', status: 200 })
  })
})

describe('network failures', () => {
  it('become a KeepNetworkError that keeps the cause', async () => {
    const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') })

    const error = await failureOf(cause)

    expect(error).toBeInstanceOf(KeepNetworkError)
    expect(isKeepNetworkError(error)).toBe(true)
    expect(isKeepClientError(error)).toBe(false)
    expect(error).toMatchObject({ name: 'KeepNetworkError', cause })
    expect((error as Error).message).toBe(
      `Could not reach Keep at ${BASE_URL}/api/me: fetch failed (connect ECONNREFUSED)`
    )
  })

  it('include an answer that breaks off while its body is read', async () => {
    const broken = new Response(
      new ReadableStream({
        start(controller) {
          controller.error(new Error('socket hang up'))
        },
      }),
      { status: 200 }
    )

    const error = await failureOf(broken)

    expect(isKeepNetworkError(error)).toBe(true)
    expect((error as Error).message).toContain('socket hang up')
  })
})

describe('KeepClientError.from', () => {
  it('reads the code and message from a Keep error body', () => {
    const response = new Response(null, { status: 403 })

    const error = KeepClientError.from(response, { error: { code: 'own_session', message: 'Own' } })

    expect(error).toMatchObject({ status: 403, code: 'own_session', message: 'Own' })
    expect(error).toBeInstanceOf(Error)
  })

  it.each([undefined, null, 'text', { error: 'flat' }, { error: { code: 1, message: 'x' } }])(
    'answers unexpected_response for the body %j',
    (body) => {
      const error = KeepClientError.from(new Response(null, { status: 500 }), body)

      expect(error.code).toBe('unexpected_response')
    }
  )
})

describe('the guards', () => {
  it('recognise errors from another copy of the package by their shape', () => {
    const foreign = Object.assign(new Error('Gone'), {
      name: 'KeepClientError',
      status: 404,
      code: 'not_found',
    })
    const foreignNetwork = Object.assign(new Error('Down'), { name: 'KeepNetworkError' })

    expect(isKeepClientError(foreign)).toBe(true)
    expect(isKeepNetworkError(foreignNetwork)).toBe(true)
  })

  it.each([
    new Error('plain'),
    { name: 'KeepClientError', status: 1, code: 'x' },
    null,
    'KeepClientError',
  ])('refuse %j', (value) => {
    expect(isKeepClientError(value)).toBe(false)
    expect(isKeepNetworkError(value)).toBe(false)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-15T09:00:00.000Z')

  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['Thu, 15 Jan 2026 09:01:30 GMT', 90],
    ['Thu, 15 Jan 2026 08:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %j seconds', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds)
  })
})
