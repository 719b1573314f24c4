import {
  err,
  generateId,
  generateSessionToken,
  getFailureWindowStart,
  getTouchCutoff,
  isAttemptThrottled,
  isSessionActive,
  isValidUsername,
  isWellFormedToken,
  needsTouch,
  ok,
  truncateUserAgent,
} from '@keep/core'
import type {
  Clock,
  LoginFailureStore,
  LoginLimits,
  Result,
  Session,
  SessionPolicy,
  SessionStore,
  SessionType,
  SessionUser,
  UserStore,
} from '@keep/core'

import type { PasswordHasher } from './password'
import { hashTokenForLookup } from './token-hash'

/** What the session service works with, injected so that every host builds it the same way. */
export interface SessionServiceDeps {
  readonly sessions: SessionStore
  readonly users: UserStore
  readonly loginFailures: LoginFailureStore
  readonly passwords: PasswordHasher
  readonly clock: Clock
  readonly policy: SessionPolicy
  readonly loginLimits: LoginLimits
  /** The name of this Keep instance, recorded on every session opened here. */
  readonly serverName: string
}

/** One log-in attempt, on whichever channel it came through. */
export interface LoginRequest {
  readonly username: string
  readonly password: string
  readonly type: SessionType
  readonly address: string
  readonly userAgent: string | undefined
}

/** Why a log-in was refused: the credentials, or the limit on failed log-ins. */
export type LoginError =
  | { readonly code: 'invalid_credentials' }
  | { readonly code: 'too_many_attempts'; readonly retryAfterSeconds: number }

/** A successful log-in: the new session and the token that stands for it. */
export interface LoggedIn {
  /** The bearer token: handed to the client that logged in, and never stored or logged. */
  readonly token: string
  readonly session: Session
}

/** The live session a token stands for, and its user. */
export interface Authenticated {
  readonly session: Session
  readonly user: SessionUser
}

/** Log-in, token validation and log-out: the one place where sessions open and are checked. */
export interface SessionService {
  login(request: LoginRequest): Promise<Result<LoggedIn, LoginError>>
  /** The live session a token stands for, or null; malformed tokens never reach the store. */
  authenticate(token: string | undefined): Promise<Authenticated | null>
  logout(sessionId: string): Promise<void>
}

/**
 * The session service over the given stores: every channel (REST API, legacy UI, JSON-RPC)
 * logs in and validates tokens through it, so that the limits and expiry rules hold on each.
 */
export function createSessionService(deps: SessionServiceDeps): SessionService {
  return {
    login: (request) => login(deps, request),
    authenticate: (token) => authenticate(deps, token),
    logout: async (sessionId) => {
      await deps.sessions.deleteByIds([sessionId])
    },
  }
}

/*
 * The attempt is recorded as a failure before the slow password check and counted with it, so
 * that parallel attempts, on one instance or several, see each other. It is forgotten again
 * when it succeeds or is refused unchecked: only checked, wrong passwords use up the limit.
 */
async function login(deps: SessionServiceDeps, request: LoginRequest) {
  const now = deps.clock.now()
  const failure = { username: request.username, address: request.address, at: now }
  const attempt = await deps.loginFailures.record(failure)
  const since = getFailureWindowStart(deps.loginLimits, now)
  const counts = await deps.loginFailures.count({ ...request, since })

  if (isAttemptThrottled(counts, deps.loginLimits)) {
    await deps.loginFailures.forget(attempt)
    return err({
      code: 'too_many_attempts' as const,
      retryAfterSeconds: Math.ceil(deps.loginLimits.windowMs / 1000),
    })
  }

  const user = await findVerifiedUser(deps, request)

  if (!user) {
    return err({ code: 'invalid_credentials' as const })
  }

  await deps.loginFailures.forget(attempt)

  return ok(await openSession(deps, { request, user, now }))
}

async function findVerifiedUser(deps: SessionServiceDeps, request: LoginRequest) {
  const user = isValidUsername(request.username)
    ? await deps.users.findByUsername(request.username)
    : null

  // Verify against a stand-in hash when the user is unknown, so timing does not tell names apart.
  const verified = await deps.passwords.verify(
    request.password,
    user?.passwordHash ?? UNKNOWN_USER_HASH
  )

  return user && verified ? user : null
}

// A well-formed scrypt hash of no password anyone can know.
const UNKNOWN_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '=='

async function openSession(
  deps: SessionServiceDeps,
  context: { request: LoginRequest; user: SessionUser; now: Date }
): Promise<LoggedIn> {
  const { request, user, now } = context
  const token = generateSessionToken()
  const session: Session = {
    id: generateId(),
    user: { id: user.id, username: user.username, role: user.role },
    type: request.type,
    address: request.address,
    serverName: deps.serverName,
    userAgent: truncateUserAgent(request.userAgent),
    createdAt: now,
    lastActiveAt: now,
  }

  await deps.sessions.create({ ...session, tokenHash: hashTokenForLookup(token) })

  return { token, session }
}

async function authenticate(
  deps: SessionServiceDeps,
  token: string | undefined
): Promise<Authenticated | null> {
  if (token === undefined || !isWellFormedToken(token)) {
    return null
  }

  const session = await deps.sessions.findByTokenHash(hashTokenForLookup(token))
  const now = deps.clock.now()

  if (!session || !isSessionActive(session, deps.policy, now)) {
    return null
  }

  if (!needsTouch(session, deps.policy, now)) {
    return { session, user: session.user }
  }

  const cutoff = getTouchCutoff(deps.policy, now)
  await deps.sessions.touch({ id: session.id, at: now, ifLastActiveBefore: cutoff })

  return { session: { ...session, lastActiveAt: now }, user: session.user }
}
