/** JSON-RPC 2.0 error codes: the protocol's own, then Keep's in the server range. */
export const RPC_ERRORS = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  serverUnavailable: -32000,
  sessionEnded: -32001,
  invalidCredentials: -32002,
  tooManyAttempts: -32003,
} as const

export type RpcErrorCode = (typeof RPC_ERRORS)[keyof typeof RPC_ERRORS]

export type RpcId = string | number | null

export interface RpcRequest {
  readonly method: string
  readonly params: unknown
  /** Absent for a notification, which gets no response. */
  readonly id?: RpcId
}

export interface RpcErrorObject {
  readonly code: RpcErrorCode
  readonly message: string
  readonly data?: Readonly<Record<string, unknown>>
}

export type RpcResponse =
  | { readonly jsonrpc: '2.0'; readonly id: RpcId; readonly result: unknown }
  | { readonly jsonrpc: '2.0'; readonly id: RpcId; readonly error: RpcErrorObject }

/** A method's expected failure, answered as a JSON-RPC error. */
export class RpcError extends Error {
  override readonly name = 'RpcError'
  readonly code: RpcErrorCode
  readonly data: Readonly<Record<string, unknown>> | undefined

  constructor(code: RpcErrorCode, message: string, data?: Readonly<Record<string, unknown>>) {
    super(message)
    this.code = code
    this.data = data
  }

  toObject(): RpcErrorObject {
    return this.data
      ? { code: this.code, message: this.message, data: this.data }
      : { code: this.code, message: this.message }
  }
}

export function rpcResult(id: RpcId, result: unknown): RpcResponse {
  return { jsonrpc: '2.0', id, result }
}

export function rpcError(id: RpcId, error: RpcErrorObject): RpcResponse {
  return { jsonrpc: '2.0', id, error }
}

/** The request in a parsed body, or the error to answer with (id null, as the spec says). */
export function readRequest(body: unknown): RpcRequest | RpcError {
  if (Array.isArray(body)) {
    return new RpcError(
      RPC_ERRORS.invalidRequest,
      'Batch requests are not supported; send one request at a time'
    )
  }

  if (!isRecord(body) || body['jsonrpc'] !== '2.0' || typeof body['method'] !== 'string') {
    return new RpcError(RPC_ERRORS.invalidRequest, 'Expected a JSON-RPC 2.0 request object')
  }

  const id = body['id']

  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    return new RpcError(RPC_ERRORS.invalidRequest, 'id must be a string, a number or null')
  }

  return id === undefined
    ? { method: body['method'], params: body['params'] }
    : { method: body['method'], params: body['params'], id }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
