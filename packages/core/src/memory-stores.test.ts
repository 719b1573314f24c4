import { MemorySessionStore } from './memory-session-store'
import { MemoryUserStore } from './memory-user-store'
import { describeSessionStoreContract, describeUserStoreContract } from './testing'

describeSessionStoreContract('memory', () =>
  Promise.resolve({ sessions: new MemorySessionStore(), users: new MemoryUserStore() })
)

describeUserStoreContract('memory', () => Promise.resolve(new MemoryUserStore()))
