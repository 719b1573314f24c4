import { beforeEach, describe, expect, it } from 'vitest'

import { USER_PASSWORD } from '../testing/channels'
import { createTestApp, fromPeer } from '../testing/test-app'

type App = Awaited<ReturnType<typeof createTestApp>>['app']

const FORM = { username: 'alice', password: USER_PASSWORD }

describe('the legacy UI', () => {
  let app: App

  beforeEach(async () => {
    ;({ app } = await createTestApp())
  })

  function postLogin(
    form: Record<string, string>,
    options: { headers?: Record<string, string>; url?: string } = {}
  ) {
    return app.request(
      options.url ?? 'http://keep.test/keep/legacy/login',
      { method: 'POST', body: new URLSearchParams(form), headers: options.headers },
      fromPeer('127.0.0.1')
    )
  }

  function get(path: string, cookie?: string) {
    return app.request(
      `http://keep.test${path}`,
      { headers: cookie ? { Cookie: cookie } : {} },
      fromPeer('192.0.2.1')
    )
  }

  it('should show the log-in form with labelled fields', async () => {
    const response = await get('/keep/legacy/login')
    const page = await response.text()

    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(page).toContain('<label for="username">')
    expect(page).toContain('<label for="password">')
    expect(page).not.toContain('Your session has ended')
  })

  it.each(['/keep/legacy/', '/keep/legacy', '/keep/legacy/nothing-here', '/keep/legacy/a/b'])(
    'should redirect %s to the log-in form without a session',
    async (path) => {
      const response = await get(path)

      expect(response.status).toBe(303)
      expect(response.headers.get('Location')).toBe('/keep/legacy/login')
    }
  )

  it('should redirect a form posted to a page it does not have, without a session', async () => {
    const response = await postLogin(FORM, { url: 'http://keep.test/keep/legacy/nothing-here' })

    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe('/keep/legacy/login')
  })

  it('should redirect an unknown page to the log-in form when the cookie no longer works', async () => {
    const response = await get('/keep/legacy/nothing-here', 'keep_legacy_session=not-a-live-token')

    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe('/keep/legacy/login')
  })

  it('should say the session ended, once, and drop the cookie, when the cookie no longer works', async () => {
    const response = await get('/keep/legacy/', 'keep_legacy_session=not-a-live-token')
    const cookies = response.headers.getSetCookie()
    const notice = cookies.find((line) => line.startsWith('keep_legacy_notice='))?.split(';')[0]

    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe('/keep/legacy/login')
    expect(cookies).toContainEqual(expect.stringMatching(/^keep_legacy_session=; Max-Age=0/))

    const shown = await get('/keep/legacy/login', notice)
    expect(await shown.text()).toContain('Your session has ended')
    expect(shown.headers.get('Set-Cookie')).toMatch(/^keep_legacy_notice=; Max-Age=0/)
    expect(await (await get('/keep/legacy/login')).text()).not.toContain('Your session has ended')
  })

  it('should say so after logging out', async () => {
    const cookie = (await postLogin(FORM)).headers.get('Set-Cookie')?.split(';')[0] ?? ''

    const response = await app.request(
      'http://keep.test/keep/legacy/logout',
      { method: 'POST', headers: { Cookie: cookie } },
      fromPeer('192.0.2.1')
    )
    const notice = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('keep_legacy_notice='))

    expect(response.headers.get('Location')).toBe('/keep/legacy/login')
    expect(await (await get('/keep/legacy/login', notice?.split(';')[0])).text()).toContain(
      'You have logged out.'
    )
    expect((await get('/keep/legacy/', cookie)).status).toBe(303)
  })

  it('should set an HttpOnly, SameSite cookie for the legacy path only, Secure only over https', async () => {
    const plain = await postLogin(FORM)
    const https = await postLogin(FORM, { url: 'https://keep.test/keep/legacy/login' })
    const proxied = await postLogin(FORM, { headers: { 'X-Forwarded-Proto': 'https' } })

    expect(plain.headers.get('Set-Cookie')).toMatch(
      /^keep_legacy_session=[\w-]{43}; Path=\/keep\/legacy; HttpOnly; SameSite=Lax$/
    )
    expect(https.headers.get('Set-Cookie')).toMatch(/; Secure/)
    expect(proxied.headers.get('Set-Cookie')).toMatch(/; Secure/)
  })

  it('should not believe X-Forwarded-Proto from a peer that is not a trusted proxy', async () => {
    const response = await app.request(
      'http://keep.test/keep/legacy/login',
      {
        method: 'POST',
        body: new URLSearchParams(FORM),
        headers: { 'X-Forwarded-Proto': 'https' },
      },
      fromPeer('203.0.113.9')
    )

    expect(response.headers.get('Set-Cookie')).not.toMatch(/Secure/)
  })

  it.each([
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }],
    ['a same-site fetch from another origin', { 'Sec-Fetch-Site': 'same-site' }],
    ['another origin', { Origin: 'https://evil.example' }],
  ])('should refuse a log-in posted from %s', async (_, headers) => {
    const response = await postLogin(FORM, { headers })

    expect(response.status).toBe(403)
    expect(response.headers.get('Set-Cookie')).toBeNull()
  })

  it('should accept a log-in posted from its own origin', async () => {
    const response = await postLogin(FORM, { headers: { Origin: 'http://keep.test' } })

    expect(response.status).toBe(303)
  })

  it('should refuse a cross-site log-out and keep the session', async () => {
    const cookie = (await postLogin(FORM)).headers.get('Set-Cookie')?.split(';')[0] ?? ''

    const response = await app.request(
      'http://keep.test/keep/legacy/logout',
      { method: 'POST', headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' } },
      fromPeer('192.0.2.1')
    )

    expect(response.status).toBe(403)
    expect((await get('/keep/legacy/', cookie)).status).toBe(200)
  })

  it('should ask for both fields when one is missing', async () => {
    const response = await postLogin({ username: 'alice' })

    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Enter your username and password.')
  })

  it('should escape what it shows back', async () => {
    const response = await postLogin({
      username: '"><script>alert(1)</script>',
      password: 'wrong-password',
    })
    const page = await response.text()

    expect(response.status).toBe(401)
    expect(page).not.toContain('<script>alert(1)')
    expect(page).toContain('&quot;&gt;&lt;script&gt;')
  })

  it('should show who is logged in, and answer 404 for pages it does not have', async () => {
    const cookie = (await postLogin(FORM)).headers.get('Set-Cookie')?.split(';')[0] ?? ''

    const home = await get('/keep/legacy/', cookie)
    const missing = await get('/keep/legacy/nothing-here', cookie)
    const bare = await get('/keep/legacy', cookie)

    expect(await home.text()).toContain('Welcome, alice')
    expect(missing.status).toBe(404)
    expect(bare.status).toBe(301)
    expect(bare.headers.get('Location')).toBe('/keep/legacy/')
  })
})
