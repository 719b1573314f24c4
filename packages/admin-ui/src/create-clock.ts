import { createSignal, onCleanup } from 'solid-js'
import type { Accessor } from 'solid-js'

export interface ClockControls {
  readonly now: Accessor<Date>
  /** Reads the time again, e.g. when fresh data arrives. */
  readonly tick: () => void
}

/** A ticking "now" so that relative times ("2 min ago") stay true while the page is open. */
export function createClock(read: () => Date, intervalMs = 30_000): ClockControls {
  const [now, setNow] = createSignal(read())
  const tick = () => setNow(read())
  const timer = setInterval(tick, intervalMs)

  onCleanup(() => clearInterval(timer))

  return { now, tick }
}
