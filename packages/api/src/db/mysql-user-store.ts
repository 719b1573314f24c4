import { err, ok } from '@keep/core'
import type { CreateUserError, NewUser, Result, User, UserStore } from '@keep/core'
import { eq } from 'drizzle-orm'

import type { KeepDb } from './database'
import { users } from './schema'
import { isDuplicateKey, toStoreError, withStoreErrors } from './store-error'

const USERNAME_KEY = 'users_username_unique'

/** Users in MySQL or MariaDB; the username's collation makes it unique regardless of case. */
export class MySqlUserStore implements UserStore {
  readonly #db: KeepDb

  constructor(db: KeepDb) {
    this.#db = db
  }

  async create(user: NewUser): Promise<Result<User, CreateUserError>> {
    try {
      await this.#db.insert(users).values(user)
    } catch (error) {
      if (isDuplicateKey(error, USERNAME_KEY)) {
        return err('username_taken')
      }

      throw toStoreError(error)
    }

    return ok(user)
  }

  findByUsername(username: string): Promise<User | null> {
    return withStoreErrors(async () => {
      const [user] = await this.#db
        .select()
        .from(users)
        .where(eq(users.username, username))
        .limit(1)

      return user ?? null
    })
  }

  findById(id: string): Promise<User | null> {
    return withStoreErrors(async () => {
      const [user] = await this.#db.select().from(users).where(eq(users.id, id)).limit(1)

      return user ?? null
    })
  }
}
