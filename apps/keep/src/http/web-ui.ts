import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'

import type { HostEnv } from './host-env'

const BASE = '/keep'
const ASSETS_PREFIX = `${BASE}/assets/`
// Paths the web UI never owns, so that a typo there is a 404, not the app shell.
const NOT_THE_UI = /^\/keep\/(api|legacy|rpc)(\/|$)/

// Vite names every asset by its content hash, so a name never changes its meaning.
const ASSET_HEADERS = {
  'Cache-Control': 'public, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
}

const FILE_HEADERS = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }

const SHELL_HEADERS = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
}

/**
 * The built web UI under /keep/: hashed assets cached for a year, and the app shell for every
 * other page, so that the client router can take /keep/login or /keep/admin/... straight away.
 */
export function mountWebUi(app: Hono<HostEnv>, root: string): void {
  const indexFile = join(root, 'index.html')

  if (existsSync(root)) {
    mountFiles(app, root)
  }

  app.get(`${BASE}/*`, async (c) => {
    if (NOT_THE_UI.test(c.req.path) || c.req.path.startsWith(ASSETS_PREFIX)) {
      return c.notFound()
    }

    if (!existsSync(indexFile)) {
      return c.text(
        'The Keep web UI has not been built yet: run `npm run build -w @keep/app`.',
        503
      )
    }

    return c.html(await readFile(indexFile, 'utf8'), 200, SHELL_HEADERS)
  })
}

function mountFiles(app: Hono<HostEnv>, root: string): void {
  const files = serveStatic<HostEnv>({
    root,
    rewriteRequestPath: (path) => path.slice(BASE.length),
  })

  app.get(`${BASE}/*`, async (c, next) => {
    const found = await files(c, next)

    if (!(found instanceof Response)) {
      return found
    }

    const hashed = c.req.path.startsWith(ASSETS_PREFIX)
    const headers = hashed
      ? ASSET_HEADERS
      : found.headers.get('Content-Type')?.startsWith('text/html')
        ? SHELL_HEADERS
        : FILE_HEADERS

    Object.entries(headers).forEach(([name, value]) => found.headers.set(name, value))

    return found
  })
}
