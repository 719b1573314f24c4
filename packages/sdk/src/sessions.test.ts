import { describe, expect, it } from 'vitest'

import { createKeepClient } from './client.js'
import { createFakeFetch, jsonResponse, noContent } from './testing/fake-fetch.js'
import type { FakeFetch } from './testing/fake-fetch.js'
import type { SessionItem } from './types.js'

const BASE_URL = 'https://keep.example.com/keep'
const SESSIONS_URL = `${BASE_URL}/api/admin/sessions`

function clientWith(fake: FakeFetch) {
  return createKeepClient({ baseUrl: BASE_URL, token: 'token', fetch: fake.fetch })
}

function buildItem(id: string): SessionItem {
  return {
    id,
    userId: 'uuuuuuuuuuuuuuuuuuuuuuuuuu',
    username: 'alice',
    type: 'rest',
    address: '192.0.2.10',
    serverName: 'keep-1',
    userAgent: 'curl/8.5.0',
    createdAt: '2026-01-15T08:30:00.000Z',
    lastActiveAt: '2026-01-15T08:45:00.000Z',
    own: false,
  }
}

function page(ids: string[], nextCursor: string | null) {
  return jsonResponse(200, { items: ids.map(buildItem), nextCursor })
}

describe('listSessions', () => {
  it('sends every part of the query as URL parameters', async () => {
    const fake = createFakeFetch(page([], null))

    await clientWith(fake).listSessions({
      type: 'browser',
      q: 'Ali & 10.0',
      sort: 'username',
      order: 'asc',
      limit: 25,
      cursor: 'abc+/=',
    })

    const url = new URL(fake.single().url)
    expect(url.origin + url.pathname).toBe(SESSIONS_URL)
    expect([...url.searchParams]).toEqual([
      ['type', 'browser'],
      ['q', 'Ali & 10.0'],
      ['sort', 'username'],
      ['order', 'asc'],
      ['limit', '25'],
      ['cursor', 'abc+/='],
    ])
  })

  it('leaves out the parts not given so that the server defaults apply', async () => {
    const fake = createFakeFetch(page([], null), page([], null))

    await clientWith(fake).listSessions()
    await clientWith(fake).listSessions({ q: '', type: undefined, limit: 10 })

    expect(fake.requests.map((request) => request.url)).toEqual([
      SESSIONS_URL,
      `${SESSIONS_URL}?limit=10`,
    ])
  })

  it('answers the page as the server sent it', async () => {
    const fake = createFakeFetch(page(['s1', 's2'], 'next'))

    const result = await clientWith(fake).listSessions()

    expect(result).toEqual({ items: [buildItem('s1'), buildItem('s2')], nextCursor: 'next' })
  })
})

describe('iterateSessions', () => {
  it('follows nextCursor across pages and stops at null', async () => {
    const fake = createFakeFetch(
      page(['s1', 's2'], 'c1'),
      page(['s3', 's4'], 'c2'),
      page(['s5'], null)
    )
    const ids: string[] = []

    for await (const session of clientWith(fake).iterateSessions({ type: 'rest', limit: 2 })) {
      ids.push(session.id)
    }

    expect(ids).toEqual(['s1', 's2', 's3', 's4', 's5'])
    expect(fake.requests.map((request) => new URL(request.url).search)).toEqual([
      '?type=rest&limit=2',
      '?type=rest&limit=2&cursor=c1',
      '?type=rest&limit=2&cursor=c2',
    ])
  })

  it('starts after the cursor it is given', async () => {
    const fake = createFakeFetch(page(['s9'], null))
    const ids: string[] = []

    for await (const session of clientWith(fake).iterateSessions({ cursor: 'start' })) {
      ids.push(session.id)
    }

    expect(ids).toEqual(['s9'])
    expect(new URL(fake.single().url).search).toBe('?cursor=start')
  })

  it('fetches a page only when the loop gets to it', async () => {
    const fake = createFakeFetch(page(['s1', 's2'], 'c1'), page(['s3'], null))

    for await (const session of clientWith(fake).iterateSessions()) {
      expect(session.id).toBe('s1')
      break
    }

    expect(fake.requests).toHaveLength(1)
  })

  it('ends without items when there are no sessions', async () => {
    const fake = createFakeFetch(page([], null))
    const items: SessionItem[] = []

    for await (const session of clientWith(fake).iterateSessions()) {
      items.push(session)
    }

    expect(items).toEqual([])
    expect(fake.requests).toHaveLength(1)
  })
})

describe('deleteSession', () => {
  it('sends DELETE to the session and answers nothing', async () => {
    const fake = createFakeFetch(noContent())

    await expect(
      clientWith(fake).deleteSession('abcdefghijklmnopqrstuvwxyz')
    ).resolves.toBeUndefined()

    expect(fake.single()).toMatchObject({
      method: 'DELETE',
      url: `${SESSIONS_URL}/abcdefghijklmnopqrstuvwxyz`,
      body: undefined,
    })
  })

  it('encodes the id so that it stays one path segment', async () => {
    const fake = createFakeFetch(noContent())

    await clientWith(fake).deleteSession('../a/b?c=1#d')

    expect(fake.single().url).toBe(`${SESSIONS_URL}/..%2Fa%2Fb%3Fc%3D1%23d`)
  })

  it('refuses an empty id without sending anything', async () => {
    const fake = createFakeFetch()

    await expect(clientWith(fake).deleteSession('')).rejects.toThrow(TypeError)

    expect(fake.requests).toEqual([])
  })
})

describe('deleteSessions', () => {
  it('posts the ids and answers what happened to each', async () => {
    const result = {
      deleted: ['s1'],
      refused: [{ id: 's2', reason: 'own_session' }],
      notFound: ['s3'],
    }
    const fake = createFakeFetch(jsonResponse(200, result))

    await expect(clientWith(fake).deleteSessions(['s1', 's2', 's3'])).resolves.toEqual(result)

    expect(fake.single()).toMatchObject({
      method: 'POST',
      url: `${SESSIONS_URL}/delete`,
      body: { ids: ['s1', 's2', 's3'] },
    })
    expect(fake.single().headers.get('Content-Type')).toBe('application/json')
  })

  it('leaves an empty list for the server to judge', async () => {
    const fake = createFakeFetch(
      jsonResponse(400, { error: { code: 'invalid_request', message: 'ids' } })
    )

    await expect(clientWith(fake).deleteSessions([])).rejects.toMatchObject({
      code: 'invalid_request',
    })

    expect(fake.single().body).toEqual({ ids: [] })
  })
})
