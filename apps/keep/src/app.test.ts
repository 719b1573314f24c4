import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { SESSION_COOKIE } from '@keep/api'
import { beforeAll, describe, expect, it } from 'vitest'

import { USER_PASSWORD } from './testing/channels'
import { createTestApp, fromPeer } from './testing/test-app'

type App = Awaited<ReturnType<typeof createTestApp>>['app']

function makeWebRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'keep-web-'))

  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Keep shell</title>')
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("keep")')

  return root
}

describe('the Keep app', () => {
  let app: App

  beforeAll(async () => {
    ;({ app } = await createTestApp({ deps: { webRoot: makeWebRoot() } }))
  })

  it('should send / to the web UI', async () => {
    const response = await app.request('/')

    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/keep/')
  })

  it.each(['/keep/', '/keep/login', '/keep/admin/sessions', '/keep/some/deep/link'])(
    'should answer %s with the app shell, revalidated on every visit',
    async (path) => {
      const response = await app.request(path)

      expect(response.status).toBe(200)
      expect(await response.text()).toContain('Keep shell')
      expect(response.headers.get('Cache-Control')).toBe('no-cache')
      expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    }
  )

  it('should cache hashed assets for a year and answer 404 for missing ones', async () => {
    const asset = await app.request('/keep/assets/index-abc123.js')
    const missing = await app.request('/keep/assets/index-missing.js')

    expect(asset.status).toBe(200)
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(missing.status).toBe(404)
  })

  it.each(['/keep/api/no-such-route', '/keep/api/', '/keep/rpc/x'])(
    'should never answer %s with the app shell',
    async (path) => {
      const response = await app.request(path)

      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('Keep shell')
    }
  )

  it('should answer API paths it does not know with the JSON error shape', async () => {
    const response = await app.request('/keep/api/no-such-route')

    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } })
  })

  it('should report its health with the store and server name', async () => {
    const response = await app.request('/keep/api/health')

    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(await response.json()).toEqual({
      status: 'ok',
      store: 'memory',
      serverName: 'keep-test',
    })
  })

  it('should set the web UI cookie HttpOnly and SameSite on /keep, Secure over https', async () => {
    const logIn = (origin: string) =>
      app.request(
        `${origin}/keep/api/auth/login`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
          body: JSON.stringify({ username: 'alice', password: USER_PASSWORD, cookie: true }),
        },
        fromPeer('192.0.2.1')
      )

    const plain = (await logIn('http://keep.test')).headers.get('Set-Cookie') ?? ''
    const https = (await logIn('https://keep.test')).headers.get('Set-Cookie') ?? ''

    expect(plain).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{43};`))
    expect(plain).toMatch(/HttpOnly/)
    expect(plain).toMatch(/SameSite=Lax/)
    expect(plain).toMatch(/Path=\/keep(;|$)/)
    expect(plain).not.toMatch(/Secure/)
    expect(https).toMatch(/Secure/)
  })
})

describe('the Keep app before the web UI is built', () => {
  it('should say how to build it', async () => {
    const { app } = await createTestApp({ deps: { webRoot: join(tmpdir(), 'keep-web-missing') } })

    const response = await app.request('/keep/login')

    expect(response.status).toBe(503)
    expect(await response.text()).toContain('npm run build -w @keep/app')
  })
})
