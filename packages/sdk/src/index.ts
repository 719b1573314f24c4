export { createKeepClient } from './client.js'
export type { KeepClientOptions } from './client.js'
export {
  KeepClientError,
  KeepNetworkError,
  isKeepClientError,
  isKeepNetworkError,
} from './errors.js'
export type { KeepClientErrorCode, KeepClientErrorInit, KeepErrorCode } from './errors.js'
export type { KeepClient, LoginMethod } from './keep-client.js'
export type { FetchLike } from './transport.js'
export type {
  BulkDeleteResult,
  CookieLoginResult,
  ListSessionsQuery,
  LoginCredentials,
  LoginOptions,
  LoginResult,
  Me,
  NewUser,
  Role,
  SessionItem,
  SessionPage,
  SessionSort,
  SessionStats,
  SessionType,
  SortOrder,
  User,
} from './types.js'
