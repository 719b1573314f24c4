import { createSignal } from 'solid-js'
import type { Accessor } from 'solid-js'

import type { KeepClient, SessionItem } from '@keep/sdk'

import { deleteSessions } from './delete-sessions'
import type { StatusMessage } from './delete-sessions'

export interface DeleteFlowControls {
  /** The sessions waiting for confirmation, or null when no dialog is open. */
  readonly pending: Accessor<readonly SessionItem[] | null>
  readonly busy: Accessor<boolean>
  /** Opens the dialog; the opener gets focus back if the admin cancels. */
  readonly request: (items: readonly SessionItem[], opener?: HTMLElement) => void
  readonly cancel: () => void
  readonly confirm: () => Promise<void>
}

interface DeleteFlowOptions {
  readonly client: Accessor<KeepClient>
  readonly onDone: (status: StatusMessage) => void
}

/** Ask, then end the sessions, then report: the steps of every deletion on the page. */
export function createDeleteFlow(options: DeleteFlowOptions): DeleteFlowControls {
  const [pending, setPending] = createSignal<readonly SessionItem[] | null>(null)
  const [busy, setBusy] = createSignal(false)
  let opener: HTMLElement | undefined

  const confirm = async () => {
    const items = pending()
    if (!items || busy()) {
      return
    }

    setBusy(true)
    const status = await deleteSessions(options.client(), items)
    setBusy(false)
    setPending(null)
    options.onDone(status)
  }

  return {
    pending,
    busy,
    request: (items, from) => {
      if (items.length === 0) return

      opener = from
      // A snapshot: a refresh while the dialog is open must not change what it asks about.
      setPending(items.map((item) => ({ ...item })))
    },
    cancel: () => {
      if (busy()) return

      setPending(null)
      opener?.focus()
    },
    confirm,
  }
}
