import { generateId } from '@keep/core'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { API_ERRORS, ApiError, errorBody } from './errors'
import { MAX_BODY_BYTES } from './request-guards'
import { ErrorResponse } from './schemas'
import { SAME_ORIGIN, createHarness, signIn } from './testing-kit/harness'
import type { Harness, SignedIn } from './testing-kit/harness'
import { allStoreFactories } from './testing-kit/store-factories'

describe('the error catalogue', () => {
  it('gives every code one status and one JSON shape', () => {
    for (const [code, status] of Object.entries(API_ERRORS)) {
      const error = new ApiError(code as keyof typeof API_ERRORS)

      expect(error.status).toBe(status)
      expect(ErrorResponse.parse(errorBody(error.code, error.message))).toEqual({
        error: { code, message: error.message },
      })
    }
  })

  it('names its errors and keeps their cause', () => {
    const cause = new Error('underneath')
    const error = new ApiError('internal_error', undefined, { cause })

    expect(error.name).toBe('ApiError')
    expect(error.cause).toBe(cause)
    expect(error).toBeInstanceOf(Error)
  })
})

describe.each(allStoreFactories())('request errors on $name stores', (factory) => {
  let h: Harness
  let admin: SignedIn

  beforeEach(async () => {
    h = createHarness({ stores: await factory.open() })
    admin = await signIn(h, 'admin')
  })

  afterAll(() => factory.close())

  async function expectError(response: Response, status: number, code: string) {
    expect(response.status).toBe(status)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(ErrorResponse.parse(await response.json()).error.code).toBe(code)
  }

  function post(path: string, init: { body: string; contentType?: string; token?: string }) {
    const headers: Record<string, string> = init.contentType
      ? { 'Content-Type': init.contentType }
      : {}

    if (init.token) headers['Authorization'] = `Bearer ${init.token}`

    return h.app.request(`/keep/api${path}`, { method: 'POST', headers, body: init.body })
  }

  it.each(['/nope', '/admin/nope', '/auth', '/me/more'])(
    'answers 404 JSON for %s',
    async (path) => {
      await expectError(await h.send(path, { token: admin.token }), 404, 'not_found')
    }
  )

  it('answers 404 JSON for a method a route does not take', async () => {
    await expectError(await h.send('/me', { method: 'PUT', token: admin.token }), 404, 'not_found')
  })

  it.each(['/auth/login', '/admin/users', '/admin/sessions/delete'])(
    'answers 400 to malformed JSON on %s',
    async (path) => {
      const response = await post(path, {
        body: '{"ids": [',
        contentType: 'application/json',
        token: admin.token,
      })

      await expectError(response, 400, 'invalid_request')
    }
  )

  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])(
    'answers 415 to a JSON route sent as %s',
    async (contentType) => {
      const response = await post('/auth/login', {
        body: 'username=ada&password=secret',
        ...(contentType ? { contentType } : {}),
      })

      await expectError(response, 415, 'unsupported_media_type')
    }
  )

  it('takes application/json with a charset', async () => {
    const response = await post('/admin/sessions/delete', {
      body: JSON.stringify({ ids: [generateId()] }),
      contentType: 'application/json; charset=utf-8',
      token: admin.token,
    })

    expect(response.status).toBe(200)
  })

  it('answers 413 to a body over the limit, before reading it as JSON', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES)
    const response = await post('/auth/login', {
      body: JSON.stringify({ username: 'ada', password: padding }),
      contentType: 'application/json',
    })

    await expectError(response, 413, 'payload_too_large')
  })

  it('answers 413 on the length a client declares', async () => {
    const response = await h.app.request('/keep/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1) },
      body: '{}',
    })

    await expectError(response, 413, 'payload_too_large')
  })

  it('answers 400 naming the body when it is not an object', async () => {
    const response = await post('/auth/login', { body: '[]', contentType: 'application/json' })

    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_request', message: expect.stringMatching(/^body: /) as unknown },
    })
  })

  it('marks error answers not to be cached', async () => {
    const response = await h.send('/admin/sessions/stats', { cookie: 'x', headers: SAME_ORIGIN })

    expect(response.status).toBe(401)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
  })
})
