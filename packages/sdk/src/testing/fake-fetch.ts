import type { FetchLike } from '../transport.js'

export interface RecordedRequest {
  readonly url: string
  readonly method: string
  readonly headers: Headers
  /** The parsed JSON body, or undefined when none was sent. */
  readonly body: unknown
  readonly credentials: RequestCredentials | undefined
}

/** What the fake answers to one request: a response, or an error to reject with. */
export type CannedAnswer = Response | Error | ((request: RecordedRequest) => Response)

export interface FakeFetch {
  readonly fetch: FetchLike
  readonly requests: RecordedRequest[]
  /** The only request made, failing the test when there were none or several. */
  readonly single: () => RecordedRequest
}

/** A fetch that records each request and answers with the canned answers in order. */
export function createFakeFetch(...answers: CannedAnswer[]): FakeFetch {
  const requests: RecordedRequest[] = []
  const queue = [...answers]

  const fetch: FetchLike = (url, init) => {
    const request = record(url, init)
    requests.push(request)

    const answer = queue.shift()

    if (answer === undefined) {
      return Promise.reject(new Error(`No canned answer left for ${request.method} ${url}`))
    }

    return answer instanceof Error
      ? Promise.reject(answer)
      : Promise.resolve(resolve(answer, request))
  }

  const single = () => {
    if (requests.length !== 1 || !requests[0]) {
      throw new Error(`Expected one request, got ${requests.length}`)
    }

    return requests[0]
  }

  return { fetch, requests, single }
}

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const allHeaders = new Headers(headers)
  allHeaders.set('Content-Type', 'application/json')

  return new Response(JSON.stringify(body), { status, headers: allHeaders })
}

export function errorResponse(status: number, code: string, message = `${code} message`): Response {
  return jsonResponse(status, { error: { code, message } })
}

export function noContent(): Response {
  return new Response(null, { status: 204 })
}

function record(url: string, init: RequestInit): RecordedRequest {
  return {
    url,
    method: init.method ?? 'GET',
    headers: new Headers(init.headers),
    body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    credentials: init.credentials,
  }
}

function resolve(
  answer: Response | ((request: RecordedRequest) => Response),
  request: RecordedRequest
) {
  return typeof answer === 'function' ? answer(request) : answer
}
