import {
  action,
  createAsync,
  query,
  redirect,
  revalidate,
  useLocation,
  useNavigate,
} from '@solidjs/router'
import { isKeepClientError } from '@keep/sdk'
import type { KeepClient, Me } from '@keep/sdk'
import { createContext, createEffect, on, useContext } from 'solid-js'
import type { Accessor, ParentProps } from 'solid-js'

import { createSessionClient } from './session-client'

export interface KeepSession {
  readonly client: KeepClient
  /** The signed-in user and session; null when there is none, undefined while loading. */
  readonly me: Accessor<Me | null | undefined>
  readonly logIn: ReturnType<typeof createLogIn>
  readonly logOut: ReturnType<typeof createLogOut>
}

export type SessionNotice = 'ended' | 'logged-out'

const SessionContext = createContext<KeepSession>()

const LOGIN_ROUTE = '/login'

/**
 * Holds the web UI's client and who is signed in. Any 401 from the API routes to the log-in
 * page; when a session was live until then, the page says that it has ended.
 */
export function SessionProvider(props: ParentProps) {
  const navigate = useNavigate()
  const location = useLocation()
  let signedIn = false

  const client = createSessionClient({
    baseUrl: '/keep',
    onUnauthorized: () => {
      const notice = signedIn ? '?session=ended' : ''

      signedIn = false

      if (!location.pathname.endsWith(LOGIN_ROUTE)) {
        navigate(`${LOGIN_ROUTE}${notice}`, { replace: true })
      }
    },
  })

  const getMe = query(async (): Promise<Me | null> => {
    const me = await client.me().catch((error: unknown) => {
      if (isKeepClientError(error) && error.status === 401) {
        return null
      }

      throw error
    })

    signedIn = me !== null

    return me
  }, 'keep-me')

  // Every page change asks again, so that a session ended elsewhere shows on the next click.
  createEffect(
    on(
      () => location.pathname,
      () => void revalidate(getMe.key),
      { defer: true }
    )
  )

  const session: KeepSession = {
    client,
    me: createAsync(() => getMe()),
    logIn: createLogIn(client),
    logOut: createLogOut(client),
  }

  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>
}

export function useSession(): KeepSession {
  const session = useContext(SessionContext)

  if (!session) {
    throw new Error('useSession needs a SessionProvider above it')
  }

  return session
}

function createLogIn(client: KeepClient) {
  return action(async (form: FormData) => {
    const username = readField(form, 'username').trim()
    const password = readField(form, 'password')

    if (!username || !password) {
      return { error: 'Enter your username and password.' }
    }

    try {
      await client.login({ username, password }, { cookie: true })
    } catch (error) {
      return { error: describeLoginError(error) }
    }

    return redirect('/')
  }, 'keep-log-in')
}

function createLogOut(client: KeepClient) {
  return action(async () => {
    try {
      await client.logout()
    } catch (error) {
      // A session that already ended needs no log-out; anything else leaves it live, so say so.
      if (!isKeepClientError(error) || error.status !== 401) {
        return { error: describeLogOutError(error) }
      }
    }

    return redirect(`${LOGIN_ROUTE}?session=logged-out`)
  }, 'keep-log-out')
}

const LOGIN_ERRORS: Readonly<Record<string, string>> = {
  invalid_credentials: 'The username or password is not correct.',
  too_many_attempts: 'Too many failed log-ins. Wait a while, then try again.',
  service_unavailable: 'Keep is unavailable right now. Try again shortly.',
}

function describeLoginError(error: unknown): string {
  if (!isKeepClientError(error)) {
    return 'Keep could not be reached. Check your connection and try again.'
  }

  return LOGIN_ERRORS[error.code] ?? error.message
}

function describeLogOutError(error: unknown): string {
  if (!isKeepClientError(error)) {
    return 'You are still logged in: Keep could not be reached. Try again.'
  }

  const reason = LOGIN_ERRORS[error.code] ?? error.message

  return `You are still logged in: ${reason}`
}

function readField(form: FormData, name: string): string {
  const value = form.get(name)

  return typeof value === 'string' ? value : ''
}
