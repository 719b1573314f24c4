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
export { API_BASE_PATH, createKeepApi } from './http/create-keep-api'
export type { KeepApiDeps } from './http/deps'
export { clientInfo } from './http/client-info'
export type { ClientInfoOptions } from './http/client-info'
export { SESSION_COOKIE } from './http/cookie'
export { API_ERRORS, API_ERROR_CODES, ApiError, errorBody } from './http/errors'
export type { ApiErrorCode, ApiErrorOptions, ErrorBody } from './http/errors'
export { buildOpenApiDocument } from './http/openapi'
export {
  BulkDeleteBody,
  BulkDeleteResult,
  CreateUserBody,
  ErrorResponse,
  ListSessionsQuery,
  LoginBody,
  LoginResult,
  Me,
  Role,
  SessionId,
  SessionIdParam,
  SessionItem,
  SessionPage,
  SessionSort,
  SessionStats,
  SessionType,
  SortOrder,
  User,
} from './http/schemas'
export type {
  AuthedEnv,
  ClientInfoVariables,
  CredentialSource,
  KeepBindings,
  KeepEnv,
  RequestAuth,
} from './http/types'
export {
  MIGRATIONS_FOLDER,
  MySqlLoginFailureStore,
  MySqlSessionStore,
  MySqlUserStore,
  StoreError,
  createDatabasePool,
  createDb,
  createMySqlStores,
  isStoreUnavailable,
  migrateDatabase,
  openDatabase,
} from './db'
export type { DatabaseOptions, KeepDatabase, KeepDb, MySqlStores, StoreErrorKind } from './db'
