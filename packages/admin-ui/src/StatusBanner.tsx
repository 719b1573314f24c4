import { Show } from 'solid-js'

import type { StatusMessage } from './delete-sessions'

interface StatusBannerProps {
  readonly status: StatusMessage | null
  readonly onDismiss: () => void
  readonly ref?: (element: HTMLDivElement) => void
}

/**
 * Says what an action did. The live region is always in the page so that screen readers
 * announce the message when it appears; it takes focus after a deletion.
 */
export function StatusBanner(props: StatusBannerProps) {
  return (
    <div
      ref={(element) => props.ref?.(element)}
      class="kas-status"
      classList={{ 'kas-status--shown': props.status !== null }}
      data-tone={props.status?.tone}
      role="status"
      tabIndex={-1}
    >
      <Show when={props.status}>
        {(status) => (
          <>
            <span class="kas-status__text">{status().text}</span>
            <button
              type="button"
              class="kas-button kas-button--quiet kas-button--small"
              onClick={() => props.onDismiss()}
            >
              Dismiss
            </button>
          </>
        )}
      </Show>
    </div>
  )
}
