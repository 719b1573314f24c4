import type { Context, MiddlewareHandler } from 'hono'

import { ApiError } from './errors'
import { isJsonContentType } from './request-guards'
import type { AuthedEnv } from './types'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Whether the browser says the request came from a Keep page: Sec-Fetch-Site when it is sent,
 * otherwise an Origin on the same host. A request with neither is not trusted.
 */
export function isSameOrigin(c: Context): boolean {
  const site = c.req.header('Sec-Fetch-Site')

  if (site !== undefined) {
    return site === 'same-origin' || site === 'none'
  }

  const origin = c.req.header('Origin')

  return origin !== undefined && hostOf(origin) === new URL(c.req.url).host
}

export function assertSameOrigin(c: Context): void {
  if (!isSameOrigin(c)) {
    throw new ApiError('csrf_rejected')
  }
}

/**
 * Cookies ride along on cross-site requests, so a state change authenticated by one must come
 * from a Keep page and be JSON, which a cross-site form cannot send. Bearer tokens are never
 * sent by the browser on its own, so they need neither.
 */
export const rejectCrossSiteCookies: MiddlewareHandler<AuthedEnv> = async (c, next) => {
  if (c.var.auth.via === 'cookie' && STATE_CHANGING.has(c.req.method)) {
    assertSameOrigin(c)
    assertJsonWhenBodied(c)
  }

  await next()
}

function assertJsonWhenBodied(c: Context): void {
  const bodiless = c.req.method === 'DELETE' && !hasBody(c)

  if (!bodiless && !isJsonContentType(c.req.header('Content-Type'))) {
    throw new ApiError('csrf_rejected', 'Requests authenticated by cookie must be JSON.')
  }
}

function hasBody(c: Context): boolean {
  const length = c.req.header('Content-Length')

  return c.req.header('Transfer-Encoding') !== undefined || (length !== undefined && length !== '0')
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}
