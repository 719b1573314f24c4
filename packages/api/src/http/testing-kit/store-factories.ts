import { MemoryLoginFailureStore, MemorySessionStore, MemoryUserStore } from '@keep/core'
import type { LoginFailureStore, SessionStore, UserStore } from '@keep/core'

import { openTestDatabase } from '../../testing'
import type { TestDatabase } from '../../testing'

/** The stores one API instance runs on. */
export interface StoreKit {
  readonly sessions: SessionStore
  readonly users: UserStore
  readonly loginFailures: LoginFailureStore
}

/** A kind of store the HTTP suites run on: each test gets empty stores from `open`. */
export interface StoreFactory {
  readonly name: string
  open(): Promise<StoreKit>
  close(): Promise<void>
}

export function memoryStores(): StoreFactory {
  return {
    name: 'memory',
    open: () =>
      Promise.resolve({
        sessions: new MemorySessionStore(),
        users: new MemoryUserStore(),
        loginFailures: new MemoryLoginFailureStore(),
      }),
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
    close: async () => {
      await database?.close()
      database = undefined
    },
  }
}

/** Every store the HTTP suites run on, fresh for one test file. */
export function allStoreFactories(): StoreFactory[] {
  return [memoryStores(), mysqlStores()]
}
