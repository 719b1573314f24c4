import { useSearchParams } from '@solidjs/router'
import { createMemo } from 'solid-js'
import type { Accessor } from 'solid-js'

import { getViewKey, readView, toSearchParams } from './view-params'
import type { SessionsView } from './view-params'

export interface SessionsViewControls {
  readonly view: Accessor<SessionsView>
  /** Writes a change of filter, search, sort or page size to the URL. */
  readonly update: (change: Partial<SessionsView>, options?: { replace?: boolean }) => void
}

/** The table's view, kept in the URL query so that a link shares it. */
export function createSessionsView(): SessionsViewControls {
  const [params, setParams] = useSearchParams()
  const view = createMemo(() => readView(params), undefined, {
    equals: (a, b) => getViewKey(a) === getViewKey(b),
  })

  const update = (change: Partial<SessionsView>, options?: { replace?: boolean }) => {
    setParams(toSearchParams({ ...view(), ...change }), { replace: options?.replace ?? false })
  }

  return { view, update }
}
