import { afterEach, describe, expect, it, vi } from 'vitest'

import { openTestDatabase } from './test-database'

// Nothing listens on port 1, so the connection is refused at once rather than timing out.
const DEAD_SERVER = 'mysql://root:not-the-password@127.0.0.1:1/test'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('openTestDatabase', () => {
  it('should fail, naming the server and how to start it, when no database answers', async () => {
    vi.stubEnv('KEEP_TEST_DATABASE_URL', DEAD_SERVER)

    const opening = openTestDatabase()

    await expect(opening).rejects.toThrow('mysql://root@127.0.0.1:1')
    await expect(opening).rejects.toThrow('start-stop-daemon --start')
    await expect(opening).rejects.not.toThrow('not-the-password')
  })

  it('should reach the real server again once the setting is given back', async () => {
    const database = await openTestDatabase()

    try {
      expect(await database.stores.users.findByUsername('nobody')).toBeNull()
    } finally {
      await database.close()
    }
  })
})
