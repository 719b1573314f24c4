import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, generateId, isValidUsername } from '@keep/core'
import type { Clock, CreateUserError, Result, Role, User, UserStore } from '@keep/core'

import type { PasswordHasher } from './password'

/** A user to create, with the password in clear: it is hashed and never kept. */
export interface NewAccount {
  readonly username: string
  readonly password: string
  readonly role: Role
}

/** What `createAccount` works with. */
export interface AccountDeps {
  readonly users: UserStore
  readonly passwords: PasswordHasher
  readonly clock: Clock
}

/** The password rule in words, for messages: its length bounds come from `@keep/core`. */
export const PASSWORD_RULE = `between ${MIN_PASSWORD_LENGTH} and ${MAX_PASSWORD_LENGTH} characters`

/** Creates a user with a freshly salted password hash; the password itself is not kept. */
export async function createAccount(
  deps: AccountDeps,
  account: NewAccount
): Promise<Result<User, CreateUserError>> {
  if (!isValidUsername(account.username)) {
    throw new RangeError('createAccount needs a username that passed isValidUsername')
  }

  return deps.users.create({
    id: generateId(),
    username: account.username,
    role: account.role,
    passwordHash: await deps.passwords.hash(account.password),
    createdAt: deps.clock.now(),
  })
}
