import { useParams } from '@solidjs/router'
import { Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'

import { findAdminModule } from '../modules'
import { useSession } from '../session'
import { NotFoundPage } from './NotFoundPage'

/** One admin module's page, handed the host's client and the signed-in user. */
export function AdminModulePage() {
  const params = useParams<{ path: string }>()
  const session = useSession()
  const module = () => findAdminModule(params.path)

  return (
    <Show when={module()} fallback={<NotFoundPage />}>
      {(found) => (
        <Show when={session.me()}>
          {(me) => (
            <Dynamic
              component={found().component}
              client={session.client}
              currentUser={me().user}
            />
          )}
        </Show>
      )}
    </Show>
  )
}
