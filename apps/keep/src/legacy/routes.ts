import { isStoreUnavailable } from '@keep/api'
import type { Authenticated, LoginError, Logger, SessionService } from '@keep/api'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

import type { HostEnv } from '../http/host-env'
import { isSameOriginRequest } from '../http/request-origin'
import { homePage, loginPage, messagePage } from './pages'
import type { LoginNotice, LoginPageProps } from './pages'

export const LEGACY_COOKIE = 'keep_legacy_session'

/** Carries what the log-in page should say after a redirect, for that one page view. */
export const NOTICE_COOKIE = 'keep_legacy_notice'

const BASE = '/keep/legacy'
const LOGIN_PATH = `${BASE}/login`
const MAX_FORM_BYTES = 8 * 1024
const NOTICE_MAX_AGE_SECONDS = 60
const NOTICES: readonly LoginNotice[] = ['session_ended', 'logged_out']

export interface LegacyDeps {
  readonly service: SessionService
  readonly logger: Logger
  readonly serverName: string
}

/** The legacy, server-rendered UI: a form log-in that opens `browser` sessions. */
export function createLegacyRoutes(deps: LegacyDeps): Hono<HostEnv> {
  const app = new Hono<HostEnv>()

  app.use(`${BASE}/*`, async (c, next) => {
    await next()
    setPageHeaders(c)
  })

  app.post(
    `${BASE}/*`,
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) => renderLogin(c, { error: 'The form was too large.' }, 413),
    })
  )

  app.post(`${BASE}/*`, async (c, next) => {
    if (!isSameOriginRequest(c)) {
      return c.html(
        messagePage('Request refused', 'Keep accepts this form only from its own pages.'),
        403
      )
    }

    return next()
  })

  app.get(BASE, (c) => withSession(c, { deps, page: () => c.redirect(`${BASE}/`, 301) }))
  app.get(`${BASE}/`, (c) => withSession(c, { deps, page: (auth) => showHome(c, auth) }))
  app.get(LOGIN_PATH, (c) => showLogin(c, deps))
  app.post(LOGIN_PATH, (c) => logIn(c, deps))
  app.post(`${BASE}/logout`, (c) => logOut(c, deps))
  app.all(`${BASE}/*`, (c) =>
    withSession(c, {
      deps,
      page: () => c.html(messagePage('Not found', 'There is no such page.'), 404),
    })
  )
  app.onError((error, c) => failed(c, { deps, error }))

  return app
}

type LegacyContext = Context<HostEnv>

/** Without a live session every page is the log-in page, so strangers learn no page names. */
async function withSession(
  c: LegacyContext,
  route: { deps: LegacyDeps; page: (auth: Authenticated) => Response | Promise<Response> }
) {
  const auth = await route.deps.service.authenticate(getCookie(c, LEGACY_COOKIE))

  return auth ? route.page(auth) : redirectToLogin(c, route.deps)
}

function showHome(c: LegacyContext, auth: Authenticated) {
  return c.html(
    homePage({
      username: auth.user.username,
      role: auth.user.role,
      startedAt: auth.session.createdAt,
      serverName: auth.session.serverName,
    })
  )
}

async function showLogin(c: LegacyContext, deps: LegacyDeps) {
  const token = getCookie(c, LEGACY_COOKIE)

  if (token !== undefined && (await deps.service.authenticate(token))) {
    return c.redirect(`${BASE}/`, 303)
  }

  const notice = NOTICES.find((known) => known === getCookie(c, NOTICE_COOKIE))

  if (notice) {
    deleteCookie(c, NOTICE_COOKIE, { ...cookieOptions(c), path: LOGIN_PATH })
  }

  return renderLogin(c, { notice })
}

async function logIn(c: LegacyContext, deps: LegacyDeps) {
  const form = await c.req.parseBody()
  const { username, password } = form

  if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
    return renderLogin(c, { error: 'Enter your username and password.' }, 400)
  }

  const result = await deps.service.login({
    username,
    password,
    type: 'browser',
    address: c.var.clientAddress,
    userAgent: c.var.userAgent,
  })

  if (!result.ok) {
    return refuseLogIn(c, { deps, username, error: result.error })
  }

  const { session, token } = result.value

  setCookie(c, LEGACY_COOKIE, token, cookieOptions(c))
  deps.logger.info('login', {
    username: session.user.username,
    sessionId: session.id,
    type: 'browser',
    address: session.address,
  })

  return c.redirect(`${BASE}/`, 303)
}

function refuseLogIn(
  c: LegacyContext,
  refusal: { deps: LegacyDeps; username: string; error: LoginError }
) {
  const { deps, username, error } = refusal

  deps.logger.warn('login_refused', {
    username,
    type: 'browser',
    address: c.var.clientAddress,
    reason: error.code,
  })

  if (error.code === 'too_many_attempts') {
    c.header('Retry-After', String(error.retryAfterSeconds))
    return renderLogin(
      c,
      { username, error: 'Too many failed log-ins. Wait a while, then try again.' },
      429
    )
  }

  return renderLogin(c, { username, error: 'The username or password is not correct.' }, 401)
}

async function logOut(c: LegacyContext, deps: LegacyDeps) {
  const auth = await deps.service.authenticate(getCookie(c, LEGACY_COOKIE))

  if (auth) {
    await deps.service.logout(auth.session.id)
    deps.logger.info('logout', {
      username: auth.user.username,
      sessionId: auth.session.id,
      type: 'browser',
    })
  }

  deleteCookie(c, LEGACY_COOKIE, cookieOptions(c))

  return redirectWithNotice(c, { deps, notice: 'logged_out' })
}

/** A stale cookie means the session ended under the user: say so, and drop the cookie. */
function redirectToLogin(c: LegacyContext, deps: LegacyDeps) {
  if (getCookie(c, LEGACY_COOKIE) === undefined) {
    return c.redirect(LOGIN_PATH, 303)
  }

  deleteCookie(c, LEGACY_COOKIE, cookieOptions(c))

  return redirectWithNotice(c, { deps, notice: 'session_ended' })
}

function redirectWithNotice(c: LegacyContext, options: { deps: LegacyDeps; notice: LoginNotice }) {
  setCookie(c, NOTICE_COOKIE, options.notice, {
    ...cookieOptions(c),
    path: LOGIN_PATH,
    maxAge: NOTICE_MAX_AGE_SECONDS,
  })

  return c.redirect(LOGIN_PATH, 303)
}

function renderLogin(c: Context, props: LoginPageProps, status: 200 | 400 | 401 | 413 | 429 = 200) {
  return c.html(loginPage(props), status)
}

function cookieOptions(c: LegacyContext) {
  return { path: BASE, httpOnly: true, sameSite: 'Lax', secure: c.var.secure } as const
}

function setPageHeaders(c: { header: (name: string, value: string) => void }) {
  c.header('Cache-Control', 'no-store')
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'same-origin')
  c.header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
  )
}

function failed(c: LegacyContext, failure: { deps: LegacyDeps; error: unknown }) {
  const unavailable = isStoreUnavailable(failure.error)

  failure.deps.logger.error('request_failed', {
    method: c.req.method,
    path: c.req.path,
    code: unavailable ? 'service_unavailable' : 'internal_error',
  })

  return unavailable
    ? c.html(
        messagePage('Keep is unavailable', 'Keep cannot reach its database. Try again shortly.'),
        503
      )
    : c.html(messagePage('Something went wrong', 'Keep could not complete the request.'), 500)
}
