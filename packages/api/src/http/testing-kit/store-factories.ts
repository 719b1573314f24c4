import { MemoryLoginFailureStore, MemorySessionStore, MemoryUserStore } from '@keep/core'
import type { LoginFailureStore, SessionStore, UserStore } from '@keep/core'

import { openDatabase } from '../../db/database'
import { openTestDatabase } from '../../testing'
import type { TestDatabase } from '../../testing'

/** The stores one API instance runs on. */
export interface StoreKit {
  readonly sessions: SessionStore
  readonly users: UserStore
  readonly loginFailures: LoginFailureStore
}

/** The stores of a second API instance on the data of the first, and how to let them go. */
export interface PeerStores {
  readonly stores: StoreKit
  close(): Promise<void>
}

/** A kind of store the HTTP suites run on: each test gets empty stores from `open`. */
export interface StoreFactory {
  readonly name: string
  open(): Promise<StoreKit>
  /** Stores over what the last `open` answered, reached the way another instance reaches it. */
  openPeer(): Promise<PeerStores>
  close(): Promise<void>
}

export function memoryStores(): StoreFactory {
  let current: StoreKit | undefined

  return {
    name: 'memory',
    open: () => {
      current = {
        sessions: new MemorySessionStore(),
        users: new MemoryUserStore(),
        loginFailures: new MemoryLoginFailureStore(),
      }

      return Promise.resolve(current)
    },
    // Memory is shared only by sharing the objects.
    openPeer: () => Promise.resolve({ stores: opened(current), close: () => Promise.resolve() }),
    close: () => Promise.resolve(),
  }
}

/** This worker's MariaDB/MySQL test database, emptied before each test. */
export function mysqlStores(): StoreFactory {
  let database: TestDatabase | undefined

  return {
    name: 'mysql',
    open: async () => {
      database ??= await openTestDatabase()
      await database.reset()

      return database.stores
    },
    // A pool and stores of its own on the same database, as another Keep instance has.
    openPeer: () => {
      const peer = openDatabase(opened(database).url)
      const { sessions, users, loginFailures } = peer

      return Promise.resolve({
        stores: { sessions, users, loginFailures },
        close: () => peer.close(),
      })
    },
    close: async () => {
      await database?.close()
      database = undefined
    },
  }
}

function opened<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error('Open the stores before opening a peer on them')
  }

  return value
}

/** Every store the HTTP suites run on, fresh for one test file. */
export function allStoreFactories(): StoreFactory[] {
  return [memoryStores(), mysqlStores()]
}
