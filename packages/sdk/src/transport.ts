import { KeepClientError, KeepNetworkError } from './errors.js'

/** The part of `fetch` the client uses; `globalThis.fetch` and most wrappers of it fit. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export interface Transport {
  /** The absolute Keep root URL without a trailing slash, e.g. `https://keep.example.com/keep`. */
  readonly baseUrl: string
  readonly token: string | undefined
  readonly fetch: FetchLike
  readonly credentials: RequestCredentials | undefined
}

export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** The path under `/api`, already encoded. */
  readonly path: string
  readonly query?: URLSearchParams
  readonly body?: unknown
  /** Whether to send the bearer token; logging in does not. */
  readonly anonymous?: boolean
}

/** Sends one API request and answers its parsed JSON body, or undefined for an empty answer. */
export async function send<TResult>(transport: Transport, request: ApiRequest): Promise<TResult> {
  const url = buildUrl(transport.baseUrl, request)
  const response = await callFetch(transport, { url, init: buildInit(transport, request) })
  const body = await readBody(response, url)

  if (!response.ok || body === NOT_JSON) {
    throw KeepClientError.from(response, body === NOT_JSON ? undefined : body)
  }

  return body as TResult
}

/**
 * Resolves the Keep root URL. A relative one such as `/keep` works only in a browser page,
 * where it is resolved against the page's address.
 */
export function resolveBaseUrl(baseUrl: string): string {
  const url = parseUrl(baseUrl, typeof location === 'undefined' ? undefined : location.href)

  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(
      `baseUrl must be the Keep root URL, such as https://keep.example.com/keep; got "${baseUrl}"`
    )
  }

  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** The default transport function: looked up on every call, so later patches of fetch apply. */
export const globalFetch: FetchLike = (url, init) => globalThis.fetch(url, init)

const NOT_JSON = Symbol('not JSON')

function parseUrl(value: string, base: string | undefined): URL | null {
  try {
    return new URL(value, base)
  } catch {
    return null
  }
}

function buildUrl(baseUrl: string, request: ApiRequest): string {
  const search = request.query?.toString()

  return `${baseUrl}/api${request.path}${search ? `?${search}` : ''}`
}

function buildInit(transport: Transport, request: ApiRequest): RequestInit {
  const headers = new Headers({ Accept: 'application/json' })

  if (request.body !== undefined) {
    headers.set('Content-Type', 'application/json')
  }

  if (transport.token !== undefined && !request.anonymous) {
    headers.set('Authorization', `Bearer ${transport.token}`)
  }

  const init: RequestInit = { method: request.method, headers }

  if (request.body !== undefined) {
    init.body = JSON.stringify(request.body)
  }

  if (transport.credentials !== undefined) {
    init.credentials = transport.credentials
  }

  return init
}

async function callFetch(
  transport: Transport,
  call: { url: string; init: RequestInit }
): Promise<Response> {
  const fetchImpl = transport.fetch

  try {
    return await fetchImpl(call.url, call.init)
  } catch (cause) {
    throw new KeepNetworkError(`Could not reach Keep at ${call.url}: ${describe(cause)}`, { cause })
  }
}

async function readBody(response: Response, url: string): Promise<unknown> {
  let text: string

  try {
    text = await response.text()
  } catch (cause) {
    throw new KeepNetworkError(`The answer from ${url} broke off: ${describe(cause)}`, { cause })
  }

  if (text === '') {
    return undefined
  }

  try {
    return JSON.parse(text) as unknown
  } catch {
    return NOT_JSON
  }
}

/** Node's fetch says only "fetch failed"; the reason, such as ECONNREFUSED, is its cause. */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) {
    return String(cause)
  }

  return cause.cause instanceof Error ? `${cause.message} (${cause.cause.message})` : cause.message
}
