import { beforeEach, describe, expect, it } from 'vitest'

import type { UserStore } from '../user-store'
import { buildUser } from './fixtures'

/** The behaviour every UserStore must show; `open` hands back an empty store before each test. */
export function describeUserStoreContract(name: string, open: () => Promise<UserStore>) {
  describe(`UserStore contract: ${name}`, () => {
    let users: UserStore

    beforeEach(async () => {
      users = await open()
    })

    it('should create a user and find it by id and by name in any case', async () => {
      const user = buildUser({ username: 'Dana', role: 'admin' })

      const created = await users.create(user)

      expect(created).toEqual({ ok: true, value: user })
      expect(await users.findById(user.id)).toEqual(user)
      expect(await users.findByUsername('dANA')).toEqual(user)
    })

    it('should refuse a username that is taken, whatever its case, and change nothing', async () => {
      const first = buildUser({ username: 'erin' })
      await users.create(first)

      const second = await users.create(buildUser({ username: 'ERIN' }))

      expect(second).toEqual({ ok: false, error: 'username_taken' })
      expect(await users.findByUsername('erin')).toEqual(first)
    })

    it('should find nothing for unknown users', async () => {
      expect(await users.findById('d'.repeat(26))).toBeNull()
      expect(await users.findByUsername('nobody')).toBeNull()
    })
  })
}
