import { describe, expect, it } from 'vitest'

import { MemoryLoginFailureStore } from './memory-login-failure-store'

const AT = new Date('2026-01-15T09:00:00.000Z')
const SINCE = new Date(AT.getTime() - 1)

describe('MemoryLoginFailureStore', () => {
  it('should forget the one failure it is given, and nothing else', async () => {
    const store = new MemoryLoginFailureStore()
    const first = await store.record({ username: 'ann', address: '192.0.2.1', at: AT })
    await store.record({ username: 'ann', address: '192.0.2.1', at: AT })

    await store.forget(first)
    await store.forget(first)

    expect(await store.count({ username: 'ann', address: '192.0.2.1', since: SINCE })).toEqual({
      account: 1,
      address: 1,
    })
  })

  it('should give every record an id of its own', async () => {
    const store = new MemoryLoginFailureStore()
    const failure = { username: 'ann', address: '192.0.2.1', at: AT }

    const ids = await Promise.all([store.record(failure), store.record(failure)])

    expect(new Set(ids).size).toBe(2)
  })
})
