import { beforeEach, describe, expect, it } from 'vitest'

import { USER_PASSWORD } from '../testing/channels'
import { createTestApp, fromPeer } from '../testing/test-app'

type App = Awaited<ReturnType<typeof createTestApp>>['app']

describe('the JSON-RPC endpoint', () => {
  let app: App

  beforeEach(async () => {
    ;({ app } = await createTestApp())
  })

  async function post(body: string) {
    const response = await app.request(
      '/keep/rpc',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body },
      fromPeer('192.0.2.7')
    )
    const text = await response.text()

    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    }
  }

  function call(method: string, params: unknown, id: unknown = 1) {
    return post(JSON.stringify({ jsonrpc: '2.0', id, method, params }))
  }

  it('should log in, answer whoami and log out', async () => {
    const login = await call('session.login', { username: 'alice', password: USER_PASSWORD }, 'a')
    const { token } = login.body?.['result'] as { token: string }

    expect(login).toEqual({ status: 200, body: { jsonrpc: '2.0', id: 'a', result: { token } } })
    expect((await call('session.whoami', { token })).body?.['result']).toEqual({
      username: 'alice',
    })
    expect((await call('session.logout', { token })).body?.['result']).toBe(true)
    expect((await call('session.whoami', { token })).body?.['error']).toMatchObject({
      code: -32001,
    })
  })

  it.each([
    ['a body that is not JSON', '{"jsonrpc": "2.0",', -32700],
    ['a request without a method', '{"jsonrpc": "2.0", "id": 1}', -32600],
    [
      'a request of another version',
      '{"jsonrpc": "1.0", "id": 1, "method": "session.whoami"}',
      -32600,
    ],
    ['an object as id', '{"jsonrpc": "2.0", "id": {}, "method": "session.whoami"}', -32600],
    ['a batch', '[{"jsonrpc": "2.0", "id": 1, "method": "session.whoami"}]', -32600],
    ['a bare value', '42', -32600],
  ])('should answer %s with error %d and id null', async (_, body, code) => {
    const answer = await post(body)

    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code } })
  })

  it('should answer an unknown method with -32601', async () => {
    expect((await call('session.steal', {})).body?.['error']).toMatchObject({ code: -32601 })
    expect((await call('toString', {})).body?.['error']).toMatchObject({ code: -32601 })
  })

  it.each([
    ['session.login', { username: 'alice' }],
    ['session.login', ['alice', USER_PASSWORD]],
    ['session.login', { username: 'alice', password: 42 }],
    ['session.whoami', {}],
    ['session.logout', null],
  ])('should answer %s with params %j with -32602', async (method, params) => {
    expect((await call(method, params)).body?.['error']).toMatchObject({ code: -32602 })
  })

  it('should answer a malformed or unknown token as an ended session', async () => {
    expect((await call('session.whoami', { token: 'nope' })).body?.['error']).toMatchObject({
      code: -32001,
    })
    expect((await call('session.whoami', { token: 'a'.repeat(43) })).body?.['error']).toMatchObject(
      {
        code: -32001,
      }
    )
  })

  it('should answer wrong credentials with -32002, telling no more', async () => {
    const wrong = await call('session.login', { username: 'alice', password: 'wrong-password' })
    const unknown = await call('session.login', { username: 'nobody', password: 'wrong-password' })

    expect(wrong.body?.['error']).toEqual({ code: -32002, message: expect.any(String) as string })
    expect(unknown.body?.['error']).toEqual(wrong.body?.['error'])
  })

  it('should answer a notification with no content', async () => {
    const answer = await post(
      JSON.stringify({ jsonrpc: '2.0', method: 'session.whoami', params: { token: 'x' } })
    )

    expect(answer).toEqual({ status: 204, body: null })
  })

  it('should refuse a body over 16 KiB', async () => {
    const answer = await call('session.login', { username: 'alice', password: 'x'.repeat(20_000) })

    expect(answer.body).toMatchObject({ error: { code: -32600 } })
  })

  it('should take requests only by POST', async () => {
    const response = await app.request('/keep/rpc', { method: 'GET' })

    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('POST')
  })
})
