import { getConnInfo } from '@hono/node-server/conninfo'
import { isTrustedProxy, resolveClientAddress, truncateUserAgent } from '@keep/core'
import type { Context, MiddlewareHandler } from 'hono'

import type { ClientInfoVariables } from './types'

/** How `clientInfo` decides whom to believe about the client. */
export interface ClientInfoOptions {
  /** Proxies (addresses or IPv4 CIDR ranges) whose X-Forwarded-For is believed. */
  readonly trustedProxies: readonly string[]
}

const UNKNOWN_PEER = 'unknown'

/**
 * Sets `clientAddress`, `userAgent` and `secure` on the context. X-Forwarded-For and
 * X-Forwarded-Proto count only when the direct peer is a trusted proxy. Works for any Hono app,
 * not only the API.
 */
export function clientInfo(
  options: ClientInfoOptions
): MiddlewareHandler<{ Variables: ClientInfoVariables }> {
  return async (c, next) => {
    const peer = readPeer(c)
    const clientAddress = resolveClientAddress({
      peer,
      forwardedFor: c.req.header('X-Forwarded-For'),
      trustedProxies: options.trustedProxies,
    })

    c.set('clientAddress', clientAddress)
    c.set('userAgent', truncateUserAgent(c.req.header('User-Agent')))
    c.set('secure', isHttps(c) || isForwardedHttps(c, isTrustedProxy(peer, options.trustedProxies)))

    await next()
  }
}

function isHttps(c: Context): boolean {
  return c.req.url.startsWith('https:')
}

// A proxy that ends TLS says so in X-Forwarded-Proto; only a trusted one is believed.
function isForwardedHttps(c: Context, fromTrustedProxy: boolean): boolean {
  const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase()

  return fromTrustedProxy && proto === 'https'
}

function readPeer(c: Context): string {
  const env: unknown = c.env

  if (hasNodeSocket(env)) {
    return getConnInfo(c).remote.address ?? UNKNOWN_PEER
  }

  if (isRecord(env) && typeof env['peer'] === 'string') {
    return env['peer']
  }

  return UNKNOWN_PEER
}

// The Node adapter hands over the incoming message directly, or under `server` when wrapped.
function hasNodeSocket(env: unknown): boolean {
  if (!isRecord(env)) {
    return false
  }

  const bindings = isRecord(env['server']) ? env['server'] : env

  return isRecord(bindings['incoming']) && isRecord(bindings['incoming']['socket'])
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
