import { MAX_USER_AGENT_LENGTH } from '@keep/core'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'

import { clientInfo } from './client-info'
import type { ClientInfoVariables } from './types'
import { TEST_PASSWORD, createHarness } from './testing-kit/harness'
import { memoryStores } from './testing-kit/store-factories'

function echoApp(trustedProxies: string[]) {
  const app = new Hono<{ Variables: ClientInfoVariables }>()

  app.use(clientInfo({ trustedProxies }))
  app.get('/', (c) => c.json({ address: c.var.clientAddress, userAgent: c.var.userAgent }))

  return app
}

async function echo(
  app: Hono<{ Variables: ClientInfoVariables }>,
  request: { headers?: Record<string, string>; env?: unknown }
) {
  const response = await app.request('/', { headers: request.headers ?? {} }, request.env)

  return (await response.json()) as { address: string; userAgent: string }
}

describe('clientInfo', () => {
  it('takes the address of the socket when running on Node', async () => {
    const env = { incoming: { socket: { remoteAddress: '::ffff:198.51.100.7', remotePort: 5000 } } }

    expect((await echo(echoApp([]), { env })).address).toBe('198.51.100.7')
  })

  it('takes the peer handed in the env when there is no socket', async () => {
    expect((await echo(echoApp([]), { env: { peer: '203.0.113.4' } })).address).toBe('203.0.113.4')
  })

  it('says unknown when there is neither', async () => {
    expect((await echo(echoApp([]), {})).address).toBe('unknown')
  })

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const result = await echo(echoApp(['10.0.0.1']), {
      env: { peer: '203.0.113.4' },
      headers: { 'X-Forwarded-For': '192.0.2.1' },
    })

    expect(result.address).toBe('203.0.113.4')
  })

  it('believes X-Forwarded-For from a trusted proxy, past every trusted hop', async () => {
    const result = await echo(echoApp(['10.0.0.0/8']), {
      env: { peer: '10.0.0.1' },
      headers: { 'X-Forwarded-For': '198.51.100.50, 10.1.2.3' },
    })

    expect(result.address).toBe('198.51.100.50')
  })

  it('cuts the User-Agent to the stored length', async () => {
    const result = await echo(echoApp([]), {
      headers: { 'User-Agent': 'x'.repeat(MAX_USER_AGENT_LENGTH + 50) },
    })

    expect(result.userAgent).toHaveLength(MAX_USER_AGENT_LENGTH)
  })
})

describe('the address and agent of a new session', () => {
  const factory = memoryStores()

  afterAll(() => factory.close())

  it('records what clientInfo found', async () => {
    const h = createHarness({ stores: await factory.open(), trustedProxies: ['10.0.0.1'] })
    const { user } = await h.createUser({ username: 'ada' })

    await h.send('/auth/login', {
      json: { username: 'ada', password: TEST_PASSWORD },
      peer: '10.0.0.1',
      headers: { 'X-Forwarded-For': '192.0.2.99', 'User-Agent': 'keep-sync/2.3' },
    })

    const [session] = (
      await h.stores.sessions.list(
        { type: null, search: null, sort: 'lastActive', order: 'desc', limit: 10, after: null },
        { lastActiveAfter: new Date(0), createdAfter: new Date(0) }
      )
    ).items

    expect(session?.user.id).toBe(user.id)
    expect(session?.address).toBe('192.0.2.99')
    expect(session?.userAgent).toBe('keep-sync/2.3')
  })
})
