/** What clientInfo sets on every request that reaches a log-in channel. */
export interface ClientVariables {
  clientAddress: string
  userAgent: string
}

/**
 * The Hono environment of Keep's own routes. `peer` stands in for the socket address when a
 * request is made in-process with `app.request()`, as the API's client info expects.
 */
export interface HostEnv {
  Bindings: { readonly peer?: string }
  Variables: ClientVariables
}
