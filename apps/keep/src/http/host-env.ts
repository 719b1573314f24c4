import type { ClientInfoVariables, KeepBindings } from '@keep/api'

/**
 * The Hono environment of Keep's own routes: what the API's clientInfo sets on every request
 * that reaches a log-in channel, and the `peer` binding that stands in for the socket address
 * when a request is made in-process with `app.request()`.
 */
export interface HostEnv {
  Bindings: KeepBindings
  Variables: ClientInfoVariables
}
