import type { Clock } from '../clock'

export interface ManualClock extends Clock {
  set(instant: Date): void
  advance(ms: number): void
}

/** A clock that moves only when told to, for testing time rules without sleeping. */
export function createManualClock(start = new Date('2026-01-15T09:00:00.000Z')): ManualClock {
  let current = start.getTime()

  return {
    now: () => new Date(current),
    set: (instant) => {
      current = instant.getTime()
    },
    advance: (ms) => {
      current += ms
    },
  }
}
