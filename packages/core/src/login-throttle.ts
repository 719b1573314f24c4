export interface LoginLimits {
  /** Failed log-ins allowed per account within the window. */
  readonly perAccount: number
  /** Failed log-ins allowed per client address within the window. */
  readonly perAddress: number
  readonly windowMs: number
}

const HOUR = 60 * 60 * 1000

/** An account may never see more than this many failed log-ins an hour, whatever the setting. */
export const MAX_ACCOUNT_FAILURES_PER_HOUR = 100

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 10,
  perAddress: 50,
  windowMs: 15 * 60 * 1000,
}

export interface LoginFailure {
  readonly username: string
  readonly address: string
  readonly at: Date
}

export interface FailureCounts {
  readonly account: number
  readonly address: number
}

/** Names one recorded failure, so that an attempt that turns out well can be forgotten. */
export type LoginFailureId = string

/** Where failed log-ins are remembered, shared by every instance that shares the store. */
export interface LoginFailureStore {
  /** Answers the id of the record once it counts for every later `count`. */
  record(failure: LoginFailure): Promise<LoginFailureId>
  count(request: { username: string; address: string; since: Date }): Promise<FailureCounts>
  /** Forgets one recorded failure; forgetting one that is gone does nothing. */
  forget(id: LoginFailureId): Promise<void>
  /** Forgets failures recorded before the instant; answers how many. */
  purgeBefore(instant: Date): Promise<number>
}

export function createLoginLimits(overrides: Partial<LoginLimits> = {}): LoginLimits {
  const limits = { ...DEFAULT_LOGIN_LIMITS, ...overrides }

  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`Login limit ${name} must be a positive whole number`)
    }
  }

  if (limits.windowMs > HOUR) {
    throw new RangeError('Login limit windowMs must be at most 1 hour')
  }

  const worstHour = getWorstHourOfFailures(limits)

  if (worstHour > MAX_ACCOUNT_FAILURES_PER_HOUR) {
    throw new RangeError(
      `Login limits allow up to ${worstHour} failures an hour per account; at most ${MAX_ACCOUNT_FAILURES_PER_HOUR} are allowed`
    )
  }

  return limits
}

/**
 * The most failures one account can see within any hour. The window slides, so an hour holds
 * a full allowance every time the window has passed: at the start, and once per window after.
 */
export function getWorstHourOfFailures(limits: LoginLimits): number {
  return limits.perAccount * Math.ceil(HOUR / limits.windowMs)
}

export function getFailureWindowStart(limits: LoginLimits, now: Date): Date {
  return new Date(now.getTime() - limits.windowMs)
}

/** A log-in is refused while either its account or its address has used up its failures. */
export function isLoginThrottled(counts: FailureCounts, limits: LoginLimits): boolean {
  return counts.account >= limits.perAccount || counts.address >= limits.perAddress
}

/**
 * The same rule for an attempt already recorded as a failure and counted with the others.
 * Counting in-flight attempts is what keeps parallel log-ins within the limit: of attempts
 * racing each other, the k-th to be recorded sees at least k.
 */
export function isAttemptThrottled(countsWithAttempt: FailureCounts, limits: LoginLimits): boolean {
  return isLoginThrottled(
    { account: countsWithAttempt.account - 1, address: countsWithAttempt.address - 1 },
    limits
  )
}
