import { describe, expect, it } from 'vitest'

import {
  DEFAULT_VIEW,
  countMatching,
  getNextSort,
  readView,
  toListQuery,
  toSearchParams,
} from './view-params'

describe('readView', () => {
  it('uses the defaults for an empty query', () => {
    expect(readView({})).toEqual(DEFAULT_VIEW)
  })

  it('reads a shared view', () => {
    expect(
      readView({ type: 'browser', q: ' ali ', sort: 'username', order: 'desc', limit: '100' })
    ).toEqual({ type: 'browser', q: 'ali', sort: 'username', order: 'desc', limit: 100 })
  })

  it('ignores values it does not know', () => {
    expect(readView({ type: 'ftp', sort: 'password', order: 'up', limit: '7' })).toEqual(
      DEFAULT_VIEW
    )
  })

  it('gives a sort without an order its natural direction', () => {
    expect(readView({ sort: 'address' })).toMatchObject({ sort: 'address', order: 'asc' })
  })

  it('takes the first of repeated parameters', () => {
    expect(readView({ type: ['rest', 'other'] }).type).toBe('rest')
  })
})

describe('toSearchParams', () => {
  it('leaves defaults out of the URL', () => {
    expect(toSearchParams(DEFAULT_VIEW)).toEqual({
      type: undefined,
      q: undefined,
      sort: undefined,
      order: undefined,
      limit: undefined,
    })
  })

  it('round-trips a non-default view', () => {
    const view = { type: 'other', q: 'bob', sort: 'serverName', order: 'desc', limit: 25 } as const

    expect(readView(toSearchParams(view))).toEqual(view)
  })
})

describe('getNextSort', () => {
  it('flips the order of the sorted column', () => {
    expect(getNextSort({ sort: 'username', order: 'asc' }, 'username')).toEqual({
      sort: 'username',
      order: 'desc',
    })
  })

  it('starts text columns A to Z and times newest first', () => {
    expect(getNextSort(DEFAULT_VIEW, 'address').order).toBe('asc')
    expect(getNextSort({ sort: 'username', order: 'asc' }, 'createdAt').order).toBe('desc')
  })
})

describe('toListQuery', () => {
  it('sends only what narrows the list', () => {
    expect(toListQuery(DEFAULT_VIEW, undefined)).toEqual({
      type: undefined,
      q: undefined,
      sort: 'lastActive',
      order: 'desc',
      limit: 50,
      cursor: undefined,
    })
  })
})

describe('countMatching', () => {
  const stats = { activeUsers: 2, activeSessions: 5, byType: { rest: 3, browser: 2, other: 0 } }

  it('counts every session, or those of the type shown', () => {
    expect(countMatching(stats, { type: null, q: '' })).toBe(5)
    expect(countMatching(stats, { type: 'browser', q: '' })).toBe(2)
    expect(countMatching(stats, { type: 'other', q: '' })).toBe(0)
  })

  it('does not know while searching or before the counts arrive', () => {
    expect(countMatching(stats, { type: null, q: 'ali' })).toBeUndefined()
    expect(countMatching(undefined, { type: null, q: '' })).toBeUndefined()
  })
})
