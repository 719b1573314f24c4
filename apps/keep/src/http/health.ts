import type { Hono } from 'hono'

import type { KeepStores } from '../stores'
import type { HostEnv } from './host-env'

export const HEALTH_PATH = '/keep/api/health'

export interface HealthDeps {
  readonly stores: Pick<KeepStores, 'kind' | 'ping'>
  readonly serverName: string
}

/** 200 while this instance can serve, 503 while its database does not answer. */
export function mountHealth(app: Hono<HostEnv>, deps: HealthDeps): void {
  app.get(HEALTH_PATH, async (c) => {
    const up = await deps.stores.ping()
    const body = {
      status: up ? 'ok' : 'unavailable',
      store: deps.stores.kind,
      serverName: deps.serverName,
    }

    c.header('Cache-Control', 'no-store')

    return c.json(body, up ? 200 : 503)
  })
}
