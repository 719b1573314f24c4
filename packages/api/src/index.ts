export { createAccount, PASSWORD_RULE } from './auth/accounts'
export type { AccountDeps, NewAccount } from './auth/accounts'
export { createScryptHasher } from './auth/password'
export type { PasswordHasher } from './auth/password'
export { createSessionService } from './auth/session-service'
export type {
  Authenticated,
  LoggedIn,
  LoginError,
  LoginRequest,
  SessionService,
  SessionServiceDeps,
} from './auth/session-service'
export { silentLogger } from './logger'
export type { LogFields, Logger } from './logger'
