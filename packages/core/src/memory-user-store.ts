import { err, ok } from './result'
import type { Result } from './result'
import type { CreateUserError, NewUser, User, UserStore } from './user-store'

/** A user store in process memory: for tests, and for trying Keep with no database. */
export class MemoryUserStore implements UserStore {
  readonly #users = new Map<string, User>()

  create(user: NewUser): Promise<Result<User, CreateUserError>> {
    const key = user.username.toLowerCase()

    if ([...this.#users.values()].some((existing) => existing.username.toLowerCase() === key)) {
      return Promise.resolve(err('username_taken'))
    }

    this.#users.set(user.id, user)

    return Promise.resolve(ok(user))
  }

  findByUsername(username: string): Promise<User | null> {
    const key = username.toLowerCase()
    const user = [...this.#users.values()].find(
      (existing) => existing.username.toLowerCase() === key
    )

    return Promise.resolve(user ?? null)
  }

  findById(id: string): Promise<User | null> {
    return Promise.resolve(this.#users.get(id) ?? null)
  }
}
