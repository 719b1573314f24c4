import type { Context } from 'hono'

import type { HostEnv } from './host-env'

/**
 * Whether a state-changing browser request came from Keep's own pages. Browsers send
 * Sec-Fetch-Site or Origin on every POST; a request with neither is not from a browser page,
 * so it cannot be a forged cross-site one.
 */
export function isSameOriginRequest(c: Context<HostEnv>): boolean {
  const fetchSite = c.req.header('Sec-Fetch-Site')

  if (fetchSite !== undefined) {
    return fetchSite === 'same-origin' || fetchSite === 'none'
  }

  const origin = c.req.header('Origin')

  return origin === undefined || origin === getRequestOrigin(c)
}

function getRequestOrigin(c: Context<HostEnv>): string {
  const url = new URL(c.req.url)
  const protocol = c.var.secure ? 'https:' : url.protocol

  return `${protocol}//${url.host}`
}
