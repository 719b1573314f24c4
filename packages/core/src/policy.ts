export interface SessionPolicy {
  /** A session idle for this long has ended. */
  readonly idleTimeoutMs: number
  /** A session older than this has ended, however busy. */
  readonly maxAgeMs: number
  /** Last Active is written at most once per this interval. */
  readonly touchIntervalMs: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleTimeoutMs: 30 * MINUTE,
  maxAgeMs: 12 * HOUR,
  touchIntervalMs: 60 * SECOND,
}

export function createSessionPolicy(overrides: Partial<SessionPolicy> = {}): SessionPolicy {
  const policy = { ...DEFAULT_SESSION_POLICY, ...overrides }

  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`Session policy ${name} must be a positive whole number of ms`)
    }
  }

  if (policy.touchIntervalMs >= policy.idleTimeoutMs) {
    throw new RangeError('Session policy touchIntervalMs must be shorter than idleTimeoutMs')
  }

  return policy
}
