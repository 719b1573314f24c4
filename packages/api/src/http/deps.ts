import type { Clock, SessionPolicy, SessionStore, UserStore } from '@keep/core'

import type { PasswordHasher } from '../auth/password'
import type { SessionService } from '../auth/session-service'
import type { Logger } from '../logger'

/** Everything the API works with, injected so that tests and every host build it the same way. */
export interface KeepApiDeps {
  readonly service: SessionService
  readonly sessions: SessionStore
  readonly users: UserStore
  readonly passwords: PasswordHasher
  readonly clock: Clock
  readonly policy: SessionPolicy
  readonly logger: Logger
  /** Proxies (addresses or IPv4 CIDR ranges) whose X-Forwarded-For is believed. */
  readonly trustedProxies: readonly string[]
}
