import { createKeepClient } from '@keep/sdk'
import type { KeepClient, Role } from '@keep/sdk'

import { ADMIN_PASSWORD } from './test-keep'

/** Where a test talks to Keep, and from which client address (forwarded by the trusted peer). */
export interface Caller {
  readonly url: string
  readonly address?: string
}

export interface Credentials {
  readonly username: string
  readonly password: string
}

export const USER_PASSWORD = 'user-password-for-tests'

function headersFor(caller: Caller, extra: Record<string, string> = {}): Record<string, string> {
  return caller.address ? { 'X-Forwarded-For': caller.address, ...extra } : extra
}

export function keepClient(caller: Caller, token?: string): KeepClient {
  const fetchAs = (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers)

    if (caller.address) headers.set('X-Forwarded-For', caller.address)

    return fetch(url, { ...init, headers })
  }

  return createKeepClient({ baseUrl: `${caller.url}/keep`, token, fetch: fetchAs })
}

/** A bearer token of the built-in admin. */
export async function logInAdmin(caller: Caller): Promise<KeepClient> {
  const { token } = await keepClient(caller).login({ username: 'admin', password: ADMIN_PASSWORD })

  return keepClient(caller, token)
}

export async function createUser(
  admin: KeepClient,
  username: string,
  role: Role = 'user'
): Promise<Credentials> {
  await admin.createUser({ username, password: USER_PASSWORD, role })

  return { username, password: USER_PASSWORD }
}

export async function restLogIn(caller: Caller, credentials: Credentials): Promise<Response> {
  return fetch(`${caller.url}/keep/api/auth/login`, {
    method: 'POST',
    headers: headersFor(caller, { 'Content-Type': 'application/json' }),
    body: JSON.stringify(credentials),
  })
}

export async function restMe(caller: Caller, token: string): Promise<Response> {
  return fetch(`${caller.url}/keep/api/me`, {
    headers: headersFor(caller, { Authorization: `Bearer ${token}` }),
  })
}

/** Posts the legacy log-in form as the browser would from Keep's own page. */
export async function legacyLogIn(caller: Caller, credentials: Credentials): Promise<Response> {
  return fetch(`${caller.url}/keep/legacy/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: headersFor(caller, { 'Sec-Fetch-Site': 'same-origin' }),
    body: new URLSearchParams({ ...credentials }),
  })
}

export async function legacyGet(caller: Caller, path: string, cookie?: string): Promise<Response> {
  return fetch(`${caller.url}${path}`, {
    redirect: 'manual',
    headers: headersFor(caller, cookie ? { Cookie: cookie } : {}),
  })
}

/** The `name=value` part of the named Set-Cookie, fit for a Cookie header. */
export function readCookie(response: Response, name: string): string | undefined {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`))

  return cookie?.split(';')[0]
}

export function readSetCookie(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`))
}

export interface RpcAnswer {
  readonly status: number
  readonly body: {
    readonly jsonrpc?: string
    readonly id?: unknown
    readonly result?: unknown
    readonly error?: { readonly code: number; readonly message: string; readonly data?: unknown }
  }
}

let rpcId = 0

export async function rpc(caller: Caller, method: string, params: unknown): Promise<RpcAnswer> {
  rpcId += 1

  const response = await fetch(`${caller.url}/keep/rpc`, {
    method: 'POST',
    headers: headersFor(caller, { 'Content-Type': 'application/json' }),
    body: JSON.stringify({ jsonrpc: '2.0', id: rpcId, method, params }),
  })

  return { status: response.status, body: (await response.json()) as RpcAnswer['body'] }
}

export async function rpcLogIn(caller: Caller, credentials: Credentials): Promise<string> {
  const answer = await rpc(caller, 'session.login', credentials)
  const result = answer.body.result as { token?: unknown } | undefined

  if (typeof result?.token !== 'string') {
    throw new Error(`session.login failed: ${JSON.stringify(answer.body)}`)
  }

  return result.token
}

/** The id of the caller's session among the admin's list, found by username and type. */
export async function findSessionId(
  admin: KeepClient,
  match: { username: string; type: string }
): Promise<string> {
  const page = await admin.listSessions({ q: match.username, limit: 200 })
  const found = page.items.find(
    (item) => item.username === match.username && item.type === match.type
  )

  if (!found) {
    throw new Error(`No ${match.type} session of ${match.username} is listed`)
  }

  return found.id
}
