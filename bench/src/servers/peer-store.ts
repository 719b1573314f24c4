import session from 'express-session'
import type { SessionData } from 'express-session'
import createMySqlStore from 'express-mysql-session'

/** express-mysql-session's store on the database the URL names, with its defaults otherwise. */
export function createPeerStore(input: {
  readonly url: string
  readonly poolSize: number
  readonly disableTouch?: boolean
}) {
  const MySqlStore = createMySqlStore(session)
  const url = new URL(input.url)

  return new MySqlStore({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    connectionLimit: input.poolSize,
    ...(input.disableTouch ? { disableTouch: true } : {}),
  })
}

/** Called without a callback, the store's methods answer promises (express-mysql-session 3). */
export interface PeerStorePromises {
  get(sessionId: string): Promise<SessionData | null>
  touch(sessionId: string, data: SessionData): Promise<void>
}

export function promisesOf(store: ReturnType<typeof createPeerStore>): PeerStorePromises {
  return store as unknown as PeerStorePromises
}
