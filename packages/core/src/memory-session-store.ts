import { isWithinWindow } from './activity'
import type { ActivityWindow } from './activity'
import { countActiveSessions } from './counting'
import type { SessionStats } from './counting'
import type { ListQuery, SessionPage } from './list-query'
import { matchesSearch } from './search'
import type { NewSession, Session } from './session'
import type { PurgeRequest, SessionStore, TouchRequest } from './session-store'
import { comparePositions, getCursorPosition } from './sort-order'

/** A session store in process memory: for tests, and for trying Keep with no database. */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, Session>()
  readonly #idsByTokenHash = new Map<string, string>()
  readonly #tokenHashesById = new Map<string, string>()

  create(session: NewSession): Promise<void> {
    const { tokenHash, ...stored } = session

    this.#sessions.set(stored.id, stored)
    this.#idsByTokenHash.set(tokenHash, stored.id)
    this.#tokenHashesById.set(stored.id, tokenHash)

    return Promise.resolve()
  }

  findByTokenHash(tokenHash: string): Promise<Session | null> {
    const id = this.#idsByTokenHash.get(tokenHash)
    const session = id === undefined ? undefined : this.#sessions.get(id)

    return Promise.resolve(session ?? null)
  }

  findByIds(ids: readonly string[]): Promise<Session[]> {
    const found = ids.map((id) => this.#sessions.get(id)).filter((session) => !!session)

    return Promise.resolve([...new Set(found)])
  }

  touch(request: TouchRequest): Promise<boolean> {
    const session = this.#sessions.get(request.id)

    if (!session || session.lastActiveAt >= request.ifLastActiveBefore) {
      return Promise.resolve(false)
    }

    this.#sessions.set(session.id, { ...session, lastActiveAt: request.at })

    return Promise.resolve(true)
  }

  deleteByIds(ids: readonly string[]): Promise<string[]> {
    const deleted = [...new Set(ids)].filter((id) => this.#remove(id))

    return Promise.resolve(deleted)
  }

  deleteByUser(userId: string): Promise<number> {
    const ids = [...this.#sessions.values()].filter((s) => s.user.id === userId).map((s) => s.id)

    return Promise.resolve(ids.filter((id) => this.#remove(id)).length)
  }

  list(query: ListQuery, window: ActivityWindow): Promise<SessionPage> {
    const rows = this.#active(window)
      .filter((session) => !query.type || session.type === query.type)
      .filter((session) => !query.search || matchesSearch(session, query.search))
      .map((session) => ({ session, position: getCursorPosition(session, query.sort) }))
      .filter(
        ({ position }) => !query.after || comparePositions(position, query.after, query.order) > 0
      )
      .sort((a, b) => comparePositions(a.position, b.position, query.order))

    const page = rows.slice(0, query.limit)
    const last = page.at(-1)

    return Promise.resolve({
      items: page.map(({ session }) => session),
      next: rows.length > query.limit && last ? last.position : null,
    })
  }

  stats(window: ActivityWindow): Promise<SessionStats> {
    return Promise.resolve(countActiveSessions(this.#active(window)))
  }

  purgeExpired(request: PurgeRequest): Promise<number> {
    const expired = [...this.#sessions.values()]
      .filter((session) => !isWithinWindow(session, request.window))
      .slice(0, request.batchSize)

    return Promise.resolve(expired.filter((session) => this.#remove(session.id)).length)
  }

  #active(window: ActivityWindow): Session[] {
    return [...this.#sessions.values()].filter((session) => isWithinWindow(session, window))
  }

  #remove(id: string): boolean {
    const tokenHash = this.#tokenHashesById.get(id)

    if (tokenHash !== undefined) {
      this.#idsByTokenHash.delete(tokenHash)
      this.#tokenHashesById.delete(id)
    }

    return this.#sessions.delete(id)
  }
}
