import { useSearchParams, useSubmission } from '@solidjs/router'
import { Show } from 'solid-js'

import { useSession } from '../session'

const NOTICES: Readonly<Record<string, string>> = {
  ended: 'Your session has ended. Log in again to continue.',
  'logged-out': 'You have logged out.',
}

export function LoginPage() {
  const session = useSession()
  const submission = useSubmission(session.logIn)
  const [searchParams] = useSearchParams()
  const notice = () => {
    const key = searchParams['session']

    return typeof key === 'string' ? NOTICES[key] : undefined
  }
  const error = () => {
    const result = submission.result

    return result && 'error' in result ? result.error : undefined
  }

  return (
    <section class="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">Log in to Keep</h1>
      <Show when={notice()}>
        <p class="notice" role="status">
          {notice()}
        </p>
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <form action={session.logIn} method="post" class="stack">
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="username" required />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <button type="submit" class="button" disabled={submission.pending}>
          {submission.pending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </section>
  )
}
