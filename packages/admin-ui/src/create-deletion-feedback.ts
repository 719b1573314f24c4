import { createSignal } from 'solid-js'
import type { Accessor } from 'solid-js'

import type { KeepClient } from '@keep/sdk'

import { createDeleteFlow } from './create-delete-flow'
import type { DeleteFlowControls } from './create-delete-flow'
import type { StatusMessage } from './delete-sessions'

export interface DeletionFeedback {
  readonly deletion: DeleteFlowControls
  readonly status: Accessor<StatusMessage | null>
  readonly dismiss: () => void
  readonly setStatusElement: (element: HTMLElement) => void
  readonly setTableElement: (element: HTMLElement) => void
}

interface FeedbackOptions {
  readonly client: Accessor<KeepClient>
  readonly onDone: () => void
}

/**
 * Deleting, then saying what happened where focus is: the message takes focus after a
 * deletion, and the table does when the message is dismissed and its button goes with it.
 */
export function createDeletionFeedback(options: FeedbackOptions): DeletionFeedback {
  const [status, setStatus] = createSignal<StatusMessage | null>(null)
  let statusElement: HTMLElement | undefined
  let tableElement: HTMLElement | undefined

  const deletion = createDeleteFlow({
    client: options.client,
    onDone: (result) => {
      setStatus(result)
      options.onDone()
      statusElement?.focus()
    },
  })

  return {
    deletion,
    status,
    dismiss: () => {
      setStatus(null)
      tableElement?.focus()
    },
    setStatusElement: (element) => (statusElement = element),
    setTableElement: (element) => (tableElement = element),
  }
}
