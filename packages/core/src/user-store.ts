import type { Result } from './result'
import { SESSION_TEXT_LIMITS } from './session'
import type { Role } from './session'

export interface User {
  readonly id: string
  readonly username: string
  readonly role: Role
  readonly passwordHash: string
  readonly createdAt: Date
}

export type NewUser = User

export type CreateUserError = 'username_taken'

export interface UserStore {
  /** Usernames are unique regardless of case. */
  create(user: NewUser): Promise<Result<User, CreateUserError>>
  findByUsername(username: string): Promise<User | null>
  findById(id: string): Promise<User | null>
}

export const USERNAME_PATTERN = new RegExp(
  `^[A-Za-z0-9][A-Za-z0-9._@-]{0,${SESSION_TEXT_LIMITS.username - 1}}$`
)
export const MIN_PASSWORD_LENGTH = 8
export const MAX_PASSWORD_LENGTH = 256

export function isValidUsername(username: string): boolean {
  return USERNAME_PATTERN.test(username)
}
