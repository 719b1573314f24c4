import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'

import { LoginResult } from './schemas'
import { TEST_PASSWORD, createHarness, signIn } from './testing-kit/harness'
import type { Harness } from './testing-kit/harness'
import { allStoreFactories } from './testing-kit/store-factories'
import type { PeerStores } from './testing-kit/store-factories'

describe.each(allStoreFactories())('two Keep instances on one $name store', (factory) => {
  let first: Harness
  let second: Harness
  let peer: PeerStores

  beforeEach(async () => {
    first = createHarness({ stores: await factory.open(), serverName: 'keep-1' })
    peer = await factory.openPeer()
    second = createHarness({ stores: peer.stores, serverName: 'keep-2', clock: first.clock })
  })

  afterEach(() => peer.close())

  afterAll(() => factory.close())

  async function logInTo(instance: Harness, username: string) {
    const response = await instance.send('/auth/login', {
      json: { username, password: TEST_PASSWORD },
    })

    return LoginResult.parse(await response.json()).token ?? ''
  }

  it('refuses a session deleted through the other instance on its very next request', async () => {
    const { user } = await first.createUser({ username: 'ada' })
    const token = await logInTo(first, user.username)
    const admin = await signIn(second, 'admin')

    expect((await first.send('/me', { token })).status).toBe(200)

    const page = await second.send('/admin/sessions?q=ada', { token: admin.token })
    const [item] = ((await page.json()) as { items: { id: string; serverName: string }[] }).items

    expect(item?.serverName).toBe('keep-1')
    expect(
      (
        await second.send(`/admin/sessions/${item?.id ?? ''}`, {
          method: 'DELETE',
          token: admin.token,
        })
      ).status
    ).toBe(204)

    const next = await first.send('/me', { token })

    expect(next.status).toBe(401)
    expect(await next.json()).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('refuses on one instance a session logged out on the other', async () => {
    await first.createUser({ username: 'ada' })
    const token = await logInTo(second, 'ada')

    expect((await first.send('/me', { token })).status).toBe(200)
    expect((await second.send('/auth/logout', { method: 'POST', token })).status).toBe(204)
    expect((await first.send('/me', { token })).status).toBe(401)
  })
})
