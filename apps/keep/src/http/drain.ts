import type { Server, ServerResponse } from 'node:http'

const DRAIN_TIMEOUT_MS = 10_000

/**
 * How the server stops: it refuses new connections at once, lets requests in flight finish,
 * and cuts stragglers after a while. Responses still to come say `Connection: close`, so that
 * no client keeps a connection open, and the drain waits for none, once its answer is out.
 */
export function prepareDrain(server: Server): () => Promise<void> {
  const inFlight = new Set<ServerResponse>()
  let draining = false

  server.on('request', (_request, response) => {
    inFlight.add(response)
    response.once('close', () => inFlight.delete(response))

    if (draining) {
      endAfterResponse(server, response)
    }
  })

  return () => {
    draining = true
    inFlight.forEach((response) => endAfterResponse(server, response))

    return new Promise((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS)

      server.close(() => {
        clearTimeout(force)
        resolve()
      })
      server.closeIdleConnections()
    })
  }
}

function endAfterResponse(server: Server, response: ServerResponse): void {
  if (!response.headersSent) {
    response.setHeader('Connection', 'close')
    return
  }

  // Too late to say so: close the connection as soon as it falls idle.
  response.once('finish', () => setImmediate(() => server.closeIdleConnections()))
}
