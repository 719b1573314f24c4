/** The fields of one log event: flat values only, never a token or a password. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>

/**
 * Where the API reports what operators need to know. The host chooses the sink; nothing here
 * writes to the console. Fields must never carry tokens or passwords.
 */
export interface Logger {
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

/** A logger that drops every event, for hosts and tests that want no output. */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}
