import type { SessionType } from '@keep/sdk'

/** The order the session types appear in, on tiles and in the type list. */
export const SESSION_TYPES: readonly SessionType[] = ['rest', 'browser', 'other']

/** The names the product gives the session types. */
export const SESSION_TYPE_LABELS: Readonly<Record<SessionType, string>> = {
  rest: 'REST API',
  browser: 'Browser',
  other: 'Other',
}

export function isSessionType(value: string): value is SessionType {
  return (SESSION_TYPES as readonly string[]).includes(value)
}
