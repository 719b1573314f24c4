export {
  getActivityWindow,
  getSessionExpiry,
  getTouchCutoff,
  isSessionActive,
  isWithinWindow,
  needsTouch,
} from './activity'
export type { ActivityWindow } from './activity'
export { isTrustedProxy, isValidProxyEntry, resolveClientAddress } from './client-address'
export type { AddressSources } from './client-address'
export { systemClock } from './clock'
export type { Clock } from './clock'
export { countActiveSessions, createEmptyStats } from './counting'
export type { SessionStats } from './counting'
export { decodeCursor, encodeCursor } from './cursor'
export {
  MAX_BULK_DELETE,
  decideDeletion,
  isAdmin,
  isOwnSession,
  planBulkDeletion,
} from './deletion'
export type { BulkDeletionPlan, DeletionDecision, DeletionRefusal } from './deletion'
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  SORT_FIELDS,
  getDefaultOrder,
  isSortField,
  parseListQuery,
} from './list-query'
export type {
  CursorPosition,
  ListQuery,
  ListQueryError,
  RawListQuery,
  SessionPage,
  SortField,
  SortOrder,
} from './list-query'
export { MemorySessionStore } from './memory-session-store'
export { MemoryUserStore } from './memory-user-store'
export { DEFAULT_SESSION_POLICY, createSessionPolicy } from './policy'
export type { SessionPolicy } from './policy'
export { err, ok } from './result'
export type { Result } from './result'
export { matchesSearch } from './search'
export {
  ROLES,
  SESSION_TEXT_LIMITS,
  SESSION_TYPES,
  SESSION_TYPE_LABELS,
  isRole,
  isSessionType,
} from './session'
export type { NewSession, Role, Session, SessionType, SessionUser } from './session'
export type { PurgeRequest, SessionStore, TouchRequest } from './session-store'
export { comparePositions, getCursorPosition, getSortValue } from './sort-order'
export {
  generateId,
  generateSessionToken,
  hashSessionToken,
  isWellFormedId,
  isWellFormedToken,
} from './token'
export { MAX_USER_AGENT_LENGTH, truncateUserAgent } from './user-agent'
export {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  USERNAME_PATTERN,
  isValidUsername,
} from './user-store'
export type { CreateUserError, NewUser, User, UserStore } from './user-store'
export {
  DEFAULT_LOGIN_LIMITS,
  MAX_ACCOUNT_FAILURES_PER_HOUR,
  createLoginLimits,
  getFailureWindowStart,
  getWorstHourOfFailures,
  isAttemptThrottled,
  isLoginThrottled,
} from './login-throttle'
export type {
  FailureCounts,
  LoginFailure,
  LoginFailureId,
  LoginFailureStore,
  LoginLimits,
} from './login-throttle'
export { MemoryLoginFailureStore } from './memory-login-failure-store'
