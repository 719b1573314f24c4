const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A short English phrase for how long ago something happened: "just now", "2 min ago". */
export function formatRelativeTime(then: Date, now: Date): string {
  const elapsed = now.getTime() - then.getTime()

  // Server and browser clocks drift; a time slightly ahead still happened "just now".
  if (elapsed < 45 * SECOND) {
    return 'just now'
  }

  if (elapsed < HOUR) {
    return `${String(Math.max(1, Math.round(elapsed / MINUTE)))} min ago`
  }

  if (elapsed < DAY) {
    return `${String(Math.floor(elapsed / HOUR))} h ago`
  }

  const days = Math.floor(elapsed / DAY)

  return days === 1 ? '1 day ago' : `${String(days)} days ago`
}

/** The exact local time, for hover text next to a relative time. */
export function formatExactTime(time: Date, locale?: string): string {
  return time.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' })
}

/** Parses an ISO-8601 time from the API; an unreadable value yields null rather than NaN dates. */
export function parseTime(iso: string): Date | null {
  const time = new Date(iso)

  return Number.isNaN(time.getTime()) ? null : time
}
