import type { RouteSectionProps } from '@solidjs/router'
import { Show } from 'solid-js'

import { useSession } from '../session'

/** Shows its pages only with a live session; without one the client has routed to log-in. */
export function RequireSession(props: RouteSectionProps) {
  const session = useSession()

  return <Show when={session.me()}>{props.children}</Show>
}
