import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'

/** The cookie that carries the session token of the Keep web UI. */
export const SESSION_COOKIE = 'keep_session'

const COOKIE_PATH = '/keep'

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE)
}

/**
 * A browser-session cookie: the server ends the session anyway when it expires. `secure` is
 * whether the client reached Keep over https (clientInfo's `secure`).
 */
export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, cookieOptions(secure))
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, '', { ...cookieOptions(secure), maxAge: 0 })
}

function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'Lax', path: COOKIE_PATH, secure }
}
