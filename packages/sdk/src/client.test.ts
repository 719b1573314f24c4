import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'

import { createKeepClient } from './client.js'
import { createFakeFetch, jsonResponse, noContent } from './testing/fake-fetch.js'
import type { FakeFetch } from './testing/fake-fetch.js'
import type { CookieLoginResult, LoginResult } from './types.js'

const BASE_URL = 'https://keep.example.com/keep'
const TOKEN = 'tok_0123456789abcdefghijklmnopqrstuvwxyzABCDE'
const ALICE = { id: 'aaaaaaaaaaaaaaaaaaaaaaaaaa', username: 'alice', role: 'admin' } as const

function clientWith(fake: FakeFetch, token: string | undefined = TOKEN) {
  return createKeepClient({ baseUrl: BASE_URL, token, fetch: fake.fetch })
}

describe('createKeepClient', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('appends /api paths to the Keep root, with or without a trailing slash', async () => {
    const fake = createFakeFetch(jsonResponse(200, {}), jsonResponse(200, {}))

    await createKeepClient({ baseUrl: `${BASE_URL}/`, fetch: fake.fetch }).me()
    await createKeepClient({ baseUrl: 'http://127.0.0.1:3000/keep', fetch: fake.fetch }).me()

    expect(fake.requests.map((request) => request.url)).toEqual([
      'https://keep.example.com/keep/api/me',
      'http://127.0.0.1:3000/keep/api/me',
    ])
  })

  it.each(['/keep', 'keep.example.com/keep', 'ftp://keep.example.com/keep', ''])(
    'refuses the base URL %j outside a browser page',
    (baseUrl) => {
      expect(() => createKeepClient({ baseUrl })).toThrow(TypeError)
    }
  )

  it('uses the global fetch as it is when a request is made', async () => {
    const fake = createFakeFetch(jsonResponse(200, { user: ALICE }))
    const client = createKeepClient({ baseUrl: BASE_URL })
    vi.stubGlobal('fetch', fake.fetch)

    await client.me()

    expect(fake.single().url).toBe(`${BASE_URL}/api/me`)
  })

  it('passes the credentials mode to fetch when one is given', async () => {
    const fake = createFakeFetch(jsonResponse(200, {}), jsonResponse(200, {}))
    const options = { baseUrl: BASE_URL, fetch: fake.fetch }

    await createKeepClient({ ...options, credentials: 'include' }).me()
    await createKeepClient(options).me()

    expect(fake.requests.map((request) => request.credentials)).toEqual(['include', undefined])
  })

  it('works with its methods taken off the client', async () => {
    const fake = createFakeFetch(jsonResponse(200, { user: ALICE }))
    const { me } = clientWith(fake)

    await expect(me()).resolves.toEqual({ user: ALICE })
  })
})

describe('login', () => {
  it('posts the credentials as JSON without a token and answers the token', async () => {
    const fake = createFakeFetch(jsonResponse(200, { token: TOKEN, user: ALICE }))

    const result = await clientWith(fake, 'an-older-token').login({
      username: 'alice',
      password: 'correct horse',
    })

    const request = fake.single()
    expectTypeOf(result).toEqualTypeOf<LoginResult>()
    expect(result).toEqual({ token: TOKEN, user: ALICE })
    expect(request.method).toBe('POST')
    expect(request.url).toBe(`${BASE_URL}/api/auth/login`)
    expect(request.headers.get('Content-Type')).toBe('application/json')
    expect(request.headers.get('Authorization')).toBeNull()
    expect(request.body).toEqual({ username: 'alice', password: 'correct horse' })
  })

  it('asks for a cookie session in cookie mode and answers only the user', async () => {
    const fake = createFakeFetch(jsonResponse(200, { user: ALICE }))
    const client = createKeepClient({
      baseUrl: BASE_URL,
      fetch: fake.fetch,
      credentials: 'include',
    })

    const result = await client.login({ username: 'alice', password: 'pw' }, { cookie: true })

    expectTypeOf(result).toEqualTypeOf<CookieLoginResult>()
    expect(result).toEqual({ user: ALICE })
    expect(fake.single().body).toEqual({ username: 'alice', password: 'pw', cookie: true })
    expect(fake.single().credentials).toBe('include')
  })

  it('answers either kind of result when the mode is only known at run time', async () => {
    const fake = createFakeFetch(jsonResponse(200, { token: TOKEN, user: ALICE }))
    const cookie = fake.requests.length > 0

    const result = await clientWith(fake).login({ username: 'alice', password: 'pw' }, { cookie })

    expectTypeOf(result).toEqualTypeOf<LoginResult | CookieLoginResult>()
    expect(fake.single().body).toEqual({ username: 'alice', password: 'pw' })
  })

  it('sends only the credentials even when given more', async () => {
    const fake = createFakeFetch(jsonResponse(200, { token: TOKEN, user: ALICE }))
    const credentials = { username: 'alice', password: 'pw', role: 'admin' }

    await clientWith(fake, undefined).login(credentials)

    expect(fake.single().body).toEqual({ username: 'alice', password: 'pw' })
  })
})

describe('authenticated requests', () => {
  it('send the bearer token and accept JSON', async () => {
    const fake = createFakeFetch(
      jsonResponse(200, { user: ALICE, session: { id: 's', type: 'rest' } })
    )

    await clientWith(fake).me()

    const request = fake.single()
    expect(request.method).toBe('GET')
    expect(request.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`)
    expect(request.headers.get('Accept')).toBe('application/json')
    expect(request.headers.get('Content-Type')).toBeNull()
    expect(request.body).toBeUndefined()
  })

  it('send no Authorization header in cookie mode', async () => {
    const fake = createFakeFetch(jsonResponse(200, {}))

    await createKeepClient({
      baseUrl: BASE_URL,
      fetch: fake.fetch,
      credentials: 'same-origin',
    }).me()

    expect(fake.single().headers.has('Authorization')).toBe(false)
  })

  it('withToken makes a client sending the new token and leaves the original as it was', async () => {
    const fake = createFakeFetch(jsonResponse(200, {}), jsonResponse(200, {}))
    const anonymous = createKeepClient({ baseUrl: BASE_URL, fetch: fake.fetch })

    await anonymous.withToken(TOKEN).me()
    await anonymous.me()

    const [withToken, without] = fake.requests
    expect(withToken?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`)
    expect(without?.headers.has('Authorization')).toBe(false)
  })

  it('logout posts an empty JSON body to the logout route and answers nothing', async () => {
    const fake = createFakeFetch(noContent())

    await expect(clientWith(fake).logout()).resolves.toBeUndefined()

    expect(fake.single()).toMatchObject({
      method: 'POST',
      url: `${BASE_URL}/api/auth/logout`,
      body: {},
    })
    expect(fake.single().headers.get('Content-Type')).toBe('application/json')
  })

  it('createUser posts the new user and answers the created one', async () => {
    const created = { id: 'bbbbbbbbbbbbbbbbbbbbbbbbbb', username: 'bob', role: 'user' }
    const fake = createFakeFetch(jsonResponse(201, created))

    const user = await clientWith(fake).createUser({
      username: 'bob',
      password: 'pw',
      role: 'user',
    })

    expect(user).toEqual(created)
    expect(fake.single()).toMatchObject({
      method: 'POST',
      url: `${BASE_URL}/api/admin/users`,
      body: { username: 'bob', password: 'pw', role: 'user' },
    })
  })

  it('getSessionStats reads the stats route', async () => {
    const stats = { activeUsers: 2, activeSessions: 3, byType: { rest: 1, browser: 1, other: 1 } }
    const fake = createFakeFetch(jsonResponse(200, stats))

    await expect(clientWith(fake).getSessionStats()).resolves.toEqual(stats)

    expect(fake.single()).toMatchObject({
      method: 'GET',
      url: `${BASE_URL}/api/admin/sessions/stats`,
    })
  })
})
