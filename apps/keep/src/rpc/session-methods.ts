import type { LoginError, Logger, SessionService } from '@keep/api'

import { RPC_ERRORS, RpcError, isRecord } from './json-rpc'

export interface CallContext {
  readonly address: string
  readonly userAgent: string
}

export type RpcMethod = (params: unknown, context: CallContext) => Promise<unknown>

export interface SessionMethodDeps {
  readonly service: SessionService
  readonly logger: Logger
  readonly serverName: string
}

const SESSION_ENDED = 'The session has ended; log in again'

/** session.login, session.whoami and session.logout: the `other` log-in channel. */
export function createSessionMethods(deps: SessionMethodDeps): Readonly<Record<string, RpcMethod>> {
  return {
    'session.login': (params, context) => logIn(deps, { params, context }),
    'session.whoami': async (params) => {
      const auth = await authenticate(deps, params)

      return { username: auth.user.username }
    },
    'session.logout': async (params) => {
      const auth = await authenticate(deps, params)

      await deps.service.logout(auth.session.id)
      deps.logger.info('logout', {
        username: auth.user.username,
        sessionId: auth.session.id,
        type: 'other',
      })

      return true
    },
  }
}

async function logIn(deps: SessionMethodDeps, call: { params: unknown; context: CallContext }) {
  const { username, password } = readStrings(call.params, ['username', 'password'])
  const { address, userAgent } = call.context
  const result = await deps.service.login({ username, password, type: 'other', address, userAgent })

  if (!result.ok) {
    deps.logger.warn('login_refused', {
      username,
      type: 'other',
      address,
      reason: result.error.code,
    })
    throw toLoginRpcError(result.error)
  }

  const { session, token } = result.value

  deps.logger.info('login', {
    username: session.user.username,
    sessionId: session.id,
    type: 'other',
    address,
  })

  return { token }
}

function toLoginRpcError(error: LoginError): RpcError {
  if (error.code === 'too_many_attempts') {
    return new RpcError(RPC_ERRORS.tooManyAttempts, 'Too many failed log-ins; try again later', {
      retryAfterSeconds: error.retryAfterSeconds,
    })
  }

  return new RpcError(RPC_ERRORS.invalidCredentials, 'The username or password is not correct')
}

async function authenticate(deps: SessionMethodDeps, params: unknown) {
  const { token } = readStrings(params, ['token'])
  const auth = await deps.service.authenticate(token)

  if (!auth) {
    throw new RpcError(RPC_ERRORS.sessionEnded, SESSION_ENDED)
  }

  return auth
}

function readStrings<TName extends string>(
  params: unknown,
  names: readonly TName[]
): Record<TName, string> {
  if (!isRecord(params)) {
    throw new RpcError(
      RPC_ERRORS.invalidParams,
      `params must be an object with ${names.join(' and ')}`
    )
  }

  for (const name of names) {
    const value = params[name]

    if (typeof value !== 'string' || value.length === 0) {
      throw new RpcError(RPC_ERRORS.invalidParams, `params.${name} must be a non-empty string`)
    }
  }

  return params as Record<TName, string>
}
