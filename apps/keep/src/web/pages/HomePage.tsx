import { SESSION_TYPE_LABELS } from '@keep/core'
import { A } from '@solidjs/router'
import { Show } from 'solid-js'

import { useSession } from '../session'

export function HomePage() {
  const session = useSession()

  return (
    <Show when={session.me()}>
      {(me) => (
        <section class="card" aria-labelledby="home-title">
          <h1 id="home-title">Welcome, {me().user.username}</h1>
          <dl class="facts">
            <dt>Role</dt>
            <dd>{me().user.role === 'admin' ? 'Administrator' : 'User'}</dd>
            <dt>Session</dt>
            <dd>{SESSION_TYPE_LABELS[me().session.type]}</dd>
          </dl>
          <Show when={me().user.role === 'admin'}>
            <p>
              <A href="/admin" class="button">
                Open the admin area
              </A>
            </p>
          </Show>
        </section>
      )}
    </Show>
  )
}
