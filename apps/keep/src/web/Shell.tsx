import { A, useSubmission } from '@solidjs/router'
import type { RouteSectionProps } from '@solidjs/router'
import { Show, Suspense } from 'solid-js'

import { SessionProvider, useSession } from './session'

/** The frame of every page: skip link, header with navigation, and the page itself. */
export function Shell(props: RouteSectionProps) {
  return (
    <SessionProvider>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Suspense>
        <Header />
      </Suspense>
      <main id="main" tabindex="-1">
        <Suspense fallback={<p class="muted">Loading…</p>}>{props.children}</Suspense>
      </main>
    </SessionProvider>
  )
}

function Header() {
  const session = useSession()
  const user = () => session.me()?.user
  const logOut = useSubmission(session.logOut)
  const logOutError = () => {
    const result = logOut.result

    return result && 'error' in result ? result.error : undefined
  }

  return (
    <header class="site-header">
      <A href="/" class="brand" end>
        Keep
      </A>
      <Show when={user()}>
        {(current) => (
          <>
            <nav aria-label="Main">
              <A href="/" end activeClass="active">
                Home
              </A>
              <Show when={current().role === 'admin'}>
                <A href="/admin" activeClass="active">
                  Admin
                </A>
              </Show>
            </nav>
            <form class="account" action={session.logOut} method="post">
              <span class="muted">
                Signed in as <strong>{current().username}</strong>
              </span>
              <button type="submit" class="button secondary" disabled={logOut.pending}>
                Log out
              </button>
            </form>
            <Show when={logOutError()}>
              <p class="error" role="alert">
                {logOutError()}
              </p>
            </Show>
          </>
        )}
      </Show>
    </header>
  )
}
