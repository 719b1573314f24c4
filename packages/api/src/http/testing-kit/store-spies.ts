import type { SessionStore } from '@keep/core'

type SessionMethod = keyof SessionStore

/** Counts the calls of each session store method, passing every call through. */
export function countCalls(store: SessionStore): {
  store: SessionStore
  calls: Map<SessionMethod, number>
} {
  const calls = new Map<SessionMethod, number>()

  return {
    calls,
    store: intercept(store, (method, call) => {
      calls.set(method, (calls.get(method) ?? 0) + 1)
      return call()
    }),
  }
}

/** A store whose one method always rejects with the error, as a failing database would. */
export function failing(store: SessionStore, failure: { method: SessionMethod; error: Error }) {
  return intercept(store, (method, call) =>
    method === failure.method ? Promise.reject(failure.error) : call()
  )
}

/** A store that runs `before` ahead of every call of one method, to stage a race. */
export function interleave(
  store: SessionStore,
  step: { method: SessionMethod; before: () => Promise<void> }
): SessionStore {
  return intercept(store, async (method, call) => {
    if (method === step.method) await step.before()
    return call()
  })
}

function intercept(
  store: SessionStore,
  around: (method: SessionMethod, call: () => Promise<unknown>) => Promise<unknown>
): SessionStore {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property)

      if (typeof value !== 'function') {
        return value
      }

      // Bound to the real store: class stores keep their state in private fields.
      return (...args: unknown[]) =>
        around(property as SessionMethod, () =>
          (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
        )
    },
  })
}

/** What the MySQL store throws when the server is down: shaped, not imported, on purpose. */
export function unavailableStoreError(): Error {
  const driver = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
    code: 'ECONNREFUSED',
  })
  const wrapped = new Error(
    'Failed query: select `id` from `sessions` where `token_hash` = ?\nparams: abc',
    {
      cause: driver,
    }
  )

  return Object.assign(new Error('The database could not be reached', { cause: wrapped }), {
    name: 'StoreError',
    kind: 'unavailable',
  })
}
