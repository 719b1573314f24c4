import type { FailureCounts, LoginFailure, LoginFailureId, LoginFailureStore } from '@keep/core'
import { and, count, eq, gt, lt } from 'drizzle-orm'

import type { KeepDb } from './database'
import { FAILED_USERNAME_LENGTH, loginFailures } from './schema'
import { withStoreErrors } from './store-error'

/** Failed log-ins in MySQL or MariaDB, shared by every instance on the database. */
export class MySqlLoginFailureStore implements LoginFailureStore {
  readonly #db: KeepDb

  constructor(db: KeepDb) {
    this.#db = db
  }

  // Each statement commits on its own, so the row counts for every instance once this resolves.
  record(failure: LoginFailure): Promise<LoginFailureId> {
    return withStoreErrors(async () => {
      const [result] = await this.#db.insert(loginFailures).values({
        username: failure.username.slice(0, FAILED_USERNAME_LENGTH),
        address: failure.address.slice(0, 64),
        at: failure.at,
      })

      return String(result.insertId)
    })
  }

  count(request: { username: string; address: string; since: Date }): Promise<FailureCounts> {
    return withStoreErrors(async () => {
      const recent = gt(loginFailures.at, request.since)
      const username = request.username.slice(0, FAILED_USERNAME_LENGTH)
      const [[account], [address]] = await Promise.all([
        this.#countWhere(and(eq(loginFailures.username, username), recent)),
        this.#countWhere(and(eq(loginFailures.address, request.address), recent)),
      ])

      return { account: account?.n ?? 0, address: address?.n ?? 0 }
    })
  }

  forget(id: LoginFailureId): Promise<void> {
    return withStoreErrors(async () => {
      await this.#db.delete(loginFailures).where(eq(loginFailures.id, Number(id)))
    })
  }

  purgeBefore(instant: Date): Promise<number> {
    return withStoreErrors(async () => {
      const [result] = await this.#db.delete(loginFailures).where(lt(loginFailures.at, instant))

      return result.affectedRows
    })
  }

  #countWhere(condition: ReturnType<typeof and>) {
    return this.#db.select({ n: count() }).from(loginFailures).where(condition)
  }
}
