import autocannon from 'autocannon'

import { ResponseLog } from './response-log'

/** One credential for one request: the headers that carry it and a key to tally it by. */
export interface Credential {
  readonly key: string
  readonly headers: Readonly<Record<string, string>>
}

/** A response to a request that carried a given credential. */
export interface TaggedResponse {
  readonly key: string
  readonly status: number
  readonly sentAt: number
  readonly receivedAt: number
}

export interface LoadOptions {
  readonly url: string
  readonly path: string
  readonly durationSeconds: number
  readonly connections: number
  readonly maxRequests: number
  /** Chooses the credential of each request, e.g. one of ten thousand tokens at random. */
  readonly pick: () => Credential
  readonly onResponse?: (response: TaggedResponse) => void
}

export interface LoadResult {
  readonly requests: number
  readonly ok: number
  readonly failed: number
  readonly seconds: number
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly log: ResponseLog
  readonly startedAt: number
}

export interface RunningLoad {
  readonly done: Promise<LoadResult>
  stop(): void
}

type ResponseEvent = [client: autocannon.Client, status: number, bytes: number, latencyMs: number]

interface RequestContext {
  key?: string
  sentAt?: number
}

/**
 * Drives autocannon against one server, bounded both in time and in requests, and keeps every
 * response's latency (autocannon's histogram rounds to whole milliseconds).
 */
export function startLoad(options: LoadOptions): RunningLoad {
  const log = new ResponseLog()
  const startedAt = performance.now()
  let ok = 0

  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      maxOverallRequests: options.maxRequests,
      requests: [buildRequest(options)],
    },
    () => undefined
  )

  instance.on('response', (...[, status, , latency]: ResponseEvent) => {
    log.record(performance.now(), latency)
    if (status >= 200 && status < 300) ok += 1
  })

  const done = new Promise<LoadResult>((resolve, reject) => {
    instance.on('done', () => {
      const seconds = (performance.now() - startedAt) / 1000

      resolve({
        requests: log.size,
        ok,
        failed: log.size - ok,
        seconds,
        rps: log.size / seconds,
        p50: log.percentile(50),
        p99: log.percentile(99),
        log,
        startedAt,
      })
    })
    instance.on('error', reject)
  })

  return { done, stop: () => instance.stop() }
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return startLoad(options).done
}

function buildRequest(options: LoadOptions): autocannon.Request {
  return {
    method: 'GET',
    path: options.path,
    setupRequest: (request, context) => {
      const credential = options.pick()
      const tagged = context as RequestContext

      tagged.key = credential.key
      tagged.sentAt = performance.now()

      return { ...request, headers: { ...request.headers, ...credential.headers } }
    },
    onResponse: (status, _body, context) => {
      const tagged = context as RequestContext

      options.onResponse?.({
        key: tagged.key ?? '',
        status,
        sentAt: tagged.sentAt ?? 0,
        receivedAt: performance.now(),
      })
    },
  }
}

/** A picker that draws one of the given credentials uniformly at random for every request. */
export function pickAtRandom(credentials: readonly Credential[]): () => Credential {
  const first = credentials[0]

  if (!first) {
    throw new Error('Load needs at least one credential')
  }

  return () => credentials[Math.floor(Math.random() * credentials.length)] ?? first
}

export function bearer(key: string, token: string): Credential {
  return { key, headers: { authorization: `Bearer ${token}` } }
}
