import type { ActivityWindow } from './activity'
import type { SessionStats } from './counting'
import type { ListQuery, SessionPage } from './list-query'
import type { NewSession, Session } from './session'

export interface TouchRequest {
  readonly id: string
  readonly at: Date
  /** Written only over a Last Active older than this; see getTouchCutoff. */
  readonly ifLastActiveBefore: Date
}

export interface PurgeRequest {
  readonly window: ActivityWindow
  readonly batchSize: number
}

/**
 * Where sessions live. Stores keep and query rows; every rule about what the rows mean
 * (activity, expiry, who may delete) is decided by the caller with the domain functions.
 */
export interface SessionStore {
  create(session: NewSession): Promise<void>

  /** The session holding this token hash, with its user, whether or not it is still active. */
  findByTokenHash(tokenHash: string): Promise<Session | null>

  findByIds(ids: readonly string[]): Promise<Session[]>

  /** Moves Last Active forward; answers whether a row was written. */
  touch(request: TouchRequest): Promise<boolean>

  /** Deletes the sessions and answers the ids that existed. */
  deleteByIds(ids: readonly string[]): Promise<string[]>

  /** Deletes every session of one user and answers how many there were. */
  deleteByUser(userId: string): Promise<number>

  /** One page of the active sessions, in keyset order. */
  list(query: ListQuery, window: ActivityWindow): Promise<SessionPage>

  stats(window: ActivityWindow): Promise<SessionStats>

  /** Deletes at most one batch of sessions outside the window; answers how many. */
  purgeExpired(request: PurgeRequest): Promise<number>
}
