import { isStoreUnavailable } from '@keep/api'
import type { Logger, SessionService } from '@keep/api'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'

import type { HostEnv } from '../http/host-env'
import { RPC_ERRORS, RpcError, readRequest, rpcError, rpcResult } from './json-rpc'
import type { RpcId, RpcRequest, RpcResponse } from './json-rpc'
import { createSessionMethods } from './session-methods'
import type { RpcMethod } from './session-methods'

export const RPC_PATH = '/keep/rpc'

const MAX_BODY_BYTES = 16 * 1024

export interface RpcDeps {
  readonly service: SessionService
  readonly logger: Logger
  readonly serverName: string
}

/**
 * JSON-RPC 2.0 over POST: the `other` log-in channel. Every answer, error or not, is HTTP 200
 * with a JSON-RPC body, except a notification, which gets 204 and no body.
 */
export function createRpcRoutes(deps: RpcDeps): Hono<HostEnv> {
  const app = new Hono<HostEnv>()
  const methods = createSessionMethods(deps)

  app.post(
    RPC_PATH,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        answer(
          c,
          rpcError(null, { code: RPC_ERRORS.invalidRequest, message: 'The request is too large' })
        ),
    }),
    async (c) => {
      const body = await parseJson(c)

      if (body === PARSE_FAILED) {
        return answer(
          c,
          rpcError(null, { code: RPC_ERRORS.parseError, message: 'The body is not valid JSON' })
        )
      }

      const request = readRequest(body)

      if (request instanceof RpcError) {
        return answer(c, rpcError(null, request.toObject()))
      }

      const response = await call(methods, { request, context: c, logger: deps.logger })

      return request.id === undefined ? c.body(null, 204) : answer(c, response)
    }
  )

  app.all(RPC_PATH, (c) => {
    c.header('Allow', 'POST')
    return answer(
      c,
      rpcError(null, {
        code: RPC_ERRORS.invalidRequest,
        message: 'Send JSON-RPC requests with POST',
      }),
      405
    )
  })

  return app
}

interface Call {
  readonly request: RpcRequest
  readonly context: Context<HostEnv>
  readonly logger: Logger
}

async function call(
  methods: Readonly<Record<string, RpcMethod>>,
  call: Call
): Promise<RpcResponse> {
  const { request, context } = call
  const id: RpcId = request.id ?? null
  const method = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined

  if (!method) {
    return rpcError(id, {
      code: RPC_ERRORS.methodNotFound,
      message: `No method named ${request.method}`,
    })
  }

  try {
    const address = context.var.clientAddress
    const result = await method(request.params, { address, userAgent: context.var.userAgent })

    return rpcResult(id, result)
  } catch (error) {
    return rpcError(id, toErrorObject(error, call))
  }
}

function toErrorObject(error: unknown, call: Call) {
  if (error instanceof RpcError) {
    return error.toObject()
  }

  const unavailable = isStoreUnavailable(error)

  call.logger.error('request_failed', {
    method: call.request.method,
    path: RPC_PATH,
    code: unavailable ? 'service_unavailable' : 'internal_error',
  })

  return unavailable
    ? {
        code: RPC_ERRORS.serverUnavailable,
        message: 'Keep cannot reach its database; try again shortly',
      }
    : { code: RPC_ERRORS.internalError, message: 'Something went wrong on the server' }
}

const PARSE_FAILED = Symbol('parse failed')

async function parseJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text()) as unknown
  } catch {
    return PARSE_FAILED
  }
}

function answer(c: Context, response: RpcResponse, status: 200 | 405 = 200) {
  c.header('Cache-Control', 'no-store')

  return c.json(response, status)
}
