import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'

/** The cookie that carries the session token of the Keep web UI. */
export const SESSION_COOKIE = 'keep_session'

const COOKIE_PATH = '/keep'

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE)
}

/** A browser-session cookie: the server ends the session anyway when it expires. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c))
}

export function clearSessionCookie(c: Context): void {
  setCookie(c, SESSION_COOKIE, '', { ...cookieOptions(c), maxAge: 0 })
}

function cookieOptions(c: Context): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'Lax',
    path: COOKIE_PATH,
    secure: new URL(c.req.url).protocol === 'https:',
  }
}
