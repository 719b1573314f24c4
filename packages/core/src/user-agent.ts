import { SESSION_TEXT_LIMITS } from './session'

export const MAX_USER_AGENT_LENGTH = SESSION_TEXT_LIMITS.userAgent

/** The raw User-Agent header kept for display, cut so one client cannot bloat every row. */
export function truncateUserAgent(raw: string | undefined): string {
  return (raw ?? '').slice(0, MAX_USER_AGENT_LENGTH)
}
