import { describe, expect, it } from 'vitest'

import { openMySqlStores } from './mysql-stores'
import { findFreePort } from './testing/ports'

describe('openMySqlStores', () => {
  it('should name the setting, the host and the port when the database refuses, never the password', async () => {
    const port = await findFreePort()

    const opening = openMySqlStores(`mysql://keep:not-for-logs@127.0.0.1:${port}/keep`)

    await expect(opening).rejects.toThrow(
      `KEEP_DATABASE_URL: the database at 127.0.0.1:${port} could not be reached (ECONNREFUSED)`
    )
    await expect(opening).rejects.not.toThrow(/not-for-logs/)
  })
})
