const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

const DURATION_PATTERN = /^(\d{1,9})([smhd]?)$/

/**
 * Milliseconds for a duration written as whole seconds (`90`) or with one unit
 * (`45s`, `30m`, `12h`, `7d`); null when the text is neither.
 */
export function parseDuration(text: string): number | null {
  const match = DURATION_PATTERN.exec(text.trim())

  if (!match) {
    return null
  }

  const [, amount = '0', unit = ''] = match
  const unitMs = unit === '' ? UNIT_MS.s : UNIT_MS[unit as keyof typeof UNIT_MS]

  return Number(amount) * unitMs
}

/** The shortest readable form of a duration, for log lines: 1800000 → '30m'. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) {
      return `${ms / UNIT_MS[unit]}${unit}`
    }
  }

  return `${Math.round(ms / 1000)}s`
}
