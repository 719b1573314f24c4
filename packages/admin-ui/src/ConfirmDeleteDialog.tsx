import { createUniqueId, For, onMount, Show } from 'solid-js'

import { SESSION_TYPE_LABELS } from '@keep/core'
import type { SessionItem } from '@keep/sdk'

import { describeConfirmation, getDeletionScope } from './delete-summary'

const LISTED = 5

interface ConfirmDeleteDialogProps {
  readonly items: readonly SessionItem[]
  readonly busy: boolean
  readonly onConfirm: () => void
  readonly onCancel: () => void
}

/** A modal that names what will end and asks before it does; Escape or Cancel backs out. */
export function ConfirmDeleteDialog(props: ConfirmDeleteDialogProps) {
  const titleId = `kas-dialog-title-${createUniqueId()}`
  const textId = `kas-dialog-text-${createUniqueId()}`
  const scope = () => getDeletionScope(props.items)
  let dialog: HTMLDivElement | undefined
  let cancelButton: HTMLButtonElement | undefined

  const cancel = () => {
    if (props.busy) return
    props.onCancel()
  }

  onMount(() => cancelButton?.focus())

  return (
    <div class="kas-backdrop" onClick={(event) => event.target === event.currentTarget && cancel()}>
      <div
        ref={dialog}
        class="kas-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            cancel()
          }
          if (event.key === 'Tab' && dialog) trapFocus(event, dialog)
        }}
      >
        <h2 id={titleId} class="kas-dialog__title">
          {describeConfirmation(scope())}
        </h2>
        <p id={textId} class="kas-dialog__text">
          {scope().users === 1 ? 'This user is' : 'These users are'} signed out of Keep on their
          next request and must log in again.
        </p>
        <ul class="kas-dialog__list">
          <For each={props.items.slice(0, LISTED)}>
            {(item) => (
              <li>
                <strong>{item.username}</strong> · {SESSION_TYPE_LABELS[item.type]} ·{' '}
                <span class="kas-mono">{item.address}</span>
              </li>
            )}
          </For>
          <Show when={props.items.length > LISTED}>
            <li>and {props.items.length - LISTED} more</li>
          </Show>
        </ul>
        <div class="kas-dialog__actions">
          <button ref={cancelButton} type="button" class="kas-button" onClick={cancel}>
            Cancel
          </button>
          <button
            type="button"
            class="kas-button kas-button--danger"
            aria-disabled={props.busy ? 'true' : undefined}
            onClick={() => {
              if (!props.busy) props.onConfirm()
            }}
          >
            {props.busy ? 'Ending…' : scope().sessions === 1 ? 'End session' : 'End sessions'}
          </button>
        </div>
      </div>
    </div>
  )
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'

/** Keeps Tab and Shift+Tab cycling inside the dialog. */
function trapFocus(event: KeyboardEvent, container: HTMLElement) {
  const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)]
  const first = focusable[0]
  const last = focusable.at(-1)
  if (!first || !last) return

  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}
