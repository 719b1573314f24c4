import type { Authenticated } from '../auth/session-service'

/** How the caller presented its session token. */
export type CredentialSource = 'bearer' | 'cookie'

/** The live session a request was made with, set by session validation. */
export interface RequestAuth extends Authenticated {
  readonly via: CredentialSource
}

/** Set by clientInfo on every request. */
export interface ClientInfoVariables {
  /** The client's IP as Keep records it: the socket peer, or what a trusted proxy forwarded. */
  clientAddress: string
  /** The User-Agent header, cut to the stored length. */
  userAgent: string
  /** Whether the client reached Keep over https, directly or through a trusted proxy. */
  secure: boolean
}

/**
 * Bindings the API understands besides those of the Node adapter. `peer` stands in for the
 * socket address when there is no socket, as with in-process `app.request()`.
 */
export interface KeepBindings {
  readonly peer?: string
}

/** The Hono environment of every API route. */
export interface KeepEnv {
  Bindings: KeepBindings
  Variables: ClientInfoVariables
}

/** The Hono environment of routes behind session validation. */
export interface AuthedEnv {
  Bindings: KeepBindings
  Variables: ClientInfoVariables & { auth: RequestAuth }
}
