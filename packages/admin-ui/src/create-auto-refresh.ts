import { createEffect, createSignal, onCleanup } from 'solid-js'
import type { Accessor } from 'solid-js'

export const AUTO_REFRESH_MS = 15_000

interface AutoRefreshOptions {
  readonly active: Accessor<boolean>
  readonly onTick: () => void
  readonly intervalMs?: number
}

/** Calls onTick on an interval while active and while the browser tab is visible. */
export function createAutoRefresh(options: AutoRefreshOptions) {
  const visible = createDocumentVisible()

  createEffect(() => {
    if (!options.active() || !visible()) {
      return
    }

    const timer = setInterval(options.onTick, options.intervalMs ?? AUTO_REFRESH_MS)

    onCleanup(() => clearInterval(timer))
  })
}

function createDocumentVisible(): Accessor<boolean> {
  const [visible, setVisible] = createSignal(document.visibilityState !== 'hidden')
  const update = () => setVisible(document.visibilityState !== 'hidden')

  document.addEventListener('visibilitychange', update)
  onCleanup(() => document.removeEventListener('visibilitychange', update))

  return visible
}
