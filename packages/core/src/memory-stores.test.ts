import { MemorySessionStore } from './memory-session-store'
import { MemoryLoginFailureStore } from './memory-login-failure-store'
import { MemoryUserStore } from './memory-user-store'
import {
  describeLoginFailureStoreContract,
  describeSessionStoreContract,
  describeUserStoreContract,
} from './testing'

describeSessionStoreContract('memory', () =>
  Promise.resolve({ sessions: new MemorySessionStore(), users: new MemoryUserStore() })
)

describeUserStoreContract('memory', () => Promise.resolve(new MemoryUserStore()))

describeLoginFailureStoreContract('memory', () => Promise.resolve(new MemoryLoginFailureStore()))
