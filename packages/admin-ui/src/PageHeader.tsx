import { createUniqueId } from 'solid-js'

interface PageHeaderProps {
  readonly loading: boolean
  readonly autoRefresh: boolean
  readonly onAutoRefresh: (on: boolean) => void
  readonly onRefresh: () => void
}

/** The page title with the controls that reload it. */
export function PageHeader(props: PageHeaderProps) {
  const autoId = `kas-auto-${createUniqueId()}`

  return (
    <header class="kas-header">
      <div>
        <h1 class="kas-header__title">Active Sessions</h1>
        <p class="kas-header__text">
          Who is signed in to Keep, from where and through which channel.
        </p>
      </div>
      <div class="kas-header__actions">
        <label for={autoId} class="kas-switch">
          <input
            id={autoId}
            type="checkbox"
            class="kas-checkbox"
            checked={props.autoRefresh}
            onChange={(event) => props.onAutoRefresh(event.currentTarget.checked)}
          />
          Auto-refresh every 15 s
        </label>
        <button
          type="button"
          class="kas-button"
          aria-busy={props.loading}
          onClick={() => props.onRefresh()}
        >
          <span
            class="kas-refresh-icon"
            classList={{ 'kas-spin': props.loading }}
            aria-hidden="true"
          >
            ↻
          </span>
          Refresh
        </button>
      </div>
    </header>
  )
}
