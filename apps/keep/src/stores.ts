import { MemoryLoginFailureStore, MemorySessionStore, MemoryUserStore } from '@keep/core'
import type { LoginFailureStore, SessionStore, UserStore } from '@keep/core'

export type StoreKind = 'mysql' | 'memory'

/** Where Keep keeps users, sessions and failed log-ins, and how to check and close it. */
export interface KeepStores {
  readonly kind: StoreKind
  readonly sessions: SessionStore
  readonly users: UserStore
  readonly loginFailures: LoginFailureStore
  /** Whether the store answers right now: a cheap round trip, bounded in time. */
  ping(): Promise<boolean>
  close(): Promise<void>
}

export function openMemoryStores(): KeepStores {
  return {
    kind: 'memory',
    sessions: new MemorySessionStore(),
    users: new MemoryUserStore(),
    loginFailures: new MemoryLoginFailureStore(),
    ping: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  }
}
