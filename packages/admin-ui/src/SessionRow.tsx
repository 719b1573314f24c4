import { For } from 'solid-js'

import type { SessionItem } from '@keep/sdk'

import type { ColumnId } from './columns'
import { SessionCell } from './SessionCell'

export const OWN_SESSION_HINT = 'You cannot delete your own session'

interface SessionRowProps {
  readonly item: SessionItem
  readonly columns: readonly ColumnId[]
  readonly now: Date
  /** Tells this row from the others to a screen reader: whose session, through what, from where. */
  readonly label: string
  readonly selected: boolean
  /** The id of the element that explains why own rows cannot be deleted. */
  readonly ownHintId: string
  readonly onToggle: (item: SessionItem) => void
  readonly onDelete: (item: SessionItem, opener: HTMLElement) => void
}

/** One session: its checkbox, its cells and its Delete button, both greyed on own rows. */
export function SessionRow(props: SessionRowProps) {
  const hint = () => (props.item.own ? OWN_SESSION_HINT : undefined)
  const describedBy = () => (props.item.own ? props.ownHintId : undefined)

  return (
    <tr
      class="kas-row"
      classList={{ 'kas-row--own': props.item.own, 'kas-row--selected': props.selected }}
      data-session-id={props.item.id}
    >
      <td class="kas-td kas-td--check" title={hint()}>
        <label class="kas-check">
          <input
            type="checkbox"
            class="kas-checkbox"
            aria-label={`Select session of ${props.label}`}
            aria-describedby={describedBy()}
            checked={props.selected}
            disabled={props.item.own}
            onChange={() => props.onToggle(props.item)}
          />
        </label>
      </td>
      <For each={props.columns}>
        {(column) => <SessionCell column={column} item={props.item} now={props.now} />}
      </For>
      <td class="kas-td kas-td--actions">
        <button
          type="button"
          class="kas-button kas-button--danger-quiet kas-button--small"
          aria-label={`Delete session of ${props.label}`}
          aria-describedby={describedBy()}
          aria-disabled={props.item.own ? 'true' : undefined}
          title={hint()}
          onClick={(event) => {
            if (!props.item.own) props.onDelete(props.item, event.currentTarget)
          }}
        >
          Delete
        </button>
      </td>
    </tr>
  )
}
