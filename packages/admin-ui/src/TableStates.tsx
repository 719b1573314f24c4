import { For, Match, Switch } from 'solid-js'

import { describeLoadError } from './load-error'

interface TableStatesProps {
  readonly columnCount: number
  readonly isLoading: boolean
  readonly error: unknown
  readonly empty: boolean
  readonly filtered: boolean
  readonly onRetry: () => void
}

const SKELETON_ROWS = [1, 2, 3, 4, 5]

/** The rows shown instead of sessions: an error, placeholders while loading, or nothing found. */
export function TableStates(props: TableStatesProps) {
  return (
    <Switch>
      <Match when={props.error}>
        {(error) => (
          <tr>
            <td colSpan={props.columnCount} class="kas-td kas-state">
              <div class="kas-state__box kas-state__box--error" role="alert">
                <p class="kas-state__title">The sessions could not be loaded.</p>
                <p class="kas-state__text">{describeLoadError(error())}</p>
                <button type="button" class="kas-button" onClick={() => props.onRetry()}>
                  Retry
                </button>
              </div>
            </td>
          </tr>
        )}
      </Match>
      <Match when={props.isLoading && props.empty}>
        <For each={SKELETON_ROWS}>
          {() => (
            <tr class="kas-row kas-row--skeleton" aria-hidden="true">
              <td colSpan={props.columnCount} class="kas-td">
                <span class="kas-skeleton" />
              </td>
            </tr>
          )}
        </For>
      </Match>
      <Match when={props.empty}>
        <tr>
          <td colSpan={props.columnCount} class="kas-td kas-state">
            <div class="kas-state__box">
              <p class="kas-state__title">No active sessions</p>
              <p class="kas-state__text">
                {props.filtered
                  ? 'No session matches this type or search. Try another filter.'
                  : 'Nobody is signed in to Keep right now.'}
              </p>
            </div>
          </td>
        </tr>
      </Match>
    </Switch>
  )
}
