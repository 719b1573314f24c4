import { Hono } from 'hono'

import { requireAdmin, requireSession } from './authenticate'
import { clientInfo } from './client-info'
import { rejectCrossSiteCookies } from './csrf'
import type { KeepApiDeps } from './deps'
import { createErrorHandler, notFoundHandler } from './error-handler'
import { buildOpenApiDocument } from './openapi'
import { OPERATIONS } from './operations'
import { limitBody } from './request-guards'
import { createSessionListRoutes } from './routes/admin-sessions'
import { createUserRoutes } from './routes/admin-users'
import { createAuthRoutes } from './routes/auth'
import { createSessionDeletionRoutes } from './routes/session-deletion'
import type { AuthedEnv, KeepEnv } from './types'

/** Where the API lives; the host mounts the app as it is. */
export const API_BASE_PATH = '/keep/api'

/**
 * The Keep REST API as a Hono app under `/keep/api`, built only from what it is handed, so a
 * test can call it in process with `app.request()` and a host can mount it as it is.
 */
export function createKeepApi(deps: KeepApiDeps): Hono<KeepEnv> {
  const app = new Hono<KeepEnv>().basePath(API_BASE_PATH)
  let openApiDocument: object | undefined

  app.onError(createErrorHandler(deps.logger))
  app.notFound(notFoundHandler)

  app.use(limitBody, clientInfo({ trustedProxies: deps.trustedProxies }))

  app.route('/', createAuthRoutes(deps))
  app.route('/admin', createAdminRoutes(deps))

  app.get('/openapi.json', (c) => {
    openApiDocument ??= buildOpenApiDocument(API_BASE_PATH)
    return c.json(openApiDocument, OPERATIONS.openApi.success.status)
  })

  // Also answers unknown paths when a host mounts this app inside its own.
  app.all('*', notFoundHandler)

  return app
}

function createAdminRoutes(deps: KeepApiDeps): Hono<AuthedEnv> {
  const admin = new Hono<AuthedEnv>()

  admin.use(requireSession(deps.service), requireAdmin, rejectCrossSiteCookies)

  admin.route('/', createUserRoutes(deps))
  admin.route('/', createSessionListRoutes(deps))
  admin.route('/', createSessionDeletionRoutes(deps))

  return admin
}
