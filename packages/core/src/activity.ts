import type { SessionPolicy } from './policy'
import type { Session } from './session'

/**
 * The bounds a session must lie within to be active at one instant: stores filter and
 * purge with these, so the rule of what "active" means lives only here.
 */
export interface ActivityWindow {
  readonly lastActiveAfter: Date
  readonly createdAfter: Date
}

type Timestamps = Pick<Session, 'createdAt' | 'lastActiveAt'>

export function getActivityWindow(policy: SessionPolicy, now: Date): ActivityWindow {
  return {
    lastActiveAfter: new Date(now.getTime() - policy.idleTimeoutMs),
    createdAfter: new Date(now.getTime() - policy.maxAgeMs),
  }
}

export function isWithinWindow(session: Timestamps, window: ActivityWindow): boolean {
  return (
    session.lastActiveAt.getTime() > window.lastActiveAfter.getTime() &&
    session.createdAt.getTime() > window.createdAfter.getTime()
  )
}

export function isSessionActive(session: Timestamps, policy: SessionPolicy, now: Date): boolean {
  return isWithinWindow(session, getActivityWindow(policy, now))
}

/** The instant the session ends unless it is used again before then. */
export function getSessionExpiry(session: Timestamps, policy: SessionPolicy): Date {
  const idleEnd = session.lastActiveAt.getTime() + policy.idleTimeoutMs
  const ageEnd = session.createdAt.getTime() + policy.maxAgeMs

  return new Date(Math.min(idleEnd, ageEnd))
}

export function needsTouch(session: Timestamps, policy: SessionPolicy, now: Date): boolean {
  return now.getTime() - session.lastActiveAt.getTime() >= policy.touchIntervalMs
}

/**
 * A touch is written only over a Last Active older than this, so that instances racing on
 * one busy session write it once per interval between them.
 */
export function getTouchCutoff(policy: SessionPolicy, now: Date): Date {
  return new Date(now.getTime() - policy.touchIntervalMs + 1)
}
