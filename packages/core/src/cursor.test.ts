import { describe, expect, it } from 'vitest'

import { decodeCursor, encodeCursor } from './cursor'
import type { CursorPosition, SortField, SortOrder } from './list-query'

const id = 'abcdefghijklmnopqrstuvwxyz'

const EARLIEST_DATETIME = Date.UTC(1000, 0, 1)
const LATEST_DATETIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

function roundTrip(sort: SortField, order: SortOrder, value: CursorPosition['value']) {
  return decodeCursor(encodeCursor({ sort, order }, { value, id }), { sort, order })
}

describe('cursor', () => {
  it('should round-trip a position for its own scope', () => {
    const scope = { sort: 'lastActive', order: 'desc' } as const
    const cursor = encodeCursor(scope, { value: 1_767_225_600_000, id })

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor, scope)).toEqual({ value: 1_767_225_600_000, id })
  })

  it('should round-trip text that is not ASCII', () => {
    const scope = { sort: 'username', order: 'asc' } as const

    expect(decodeCursor(encodeCursor(scope, { value: 'Zoë', id }), scope)).toEqual({
      value: 'Zoë',
      id,
    })
  })

  it('should refuse a time cursor whose value is text', () => {
    const cursor = encodeCursor({ sort: 'createdAt', order: 'asc' }, { value: 'yesterday', id })

    expect(decodeCursor(cursor, { sort: 'createdAt', order: 'asc' })).toBeUndefined()
  })

  it.each([
    ['lastActive', 'desc', EARLIEST_DATETIME],
    ['createdAt', 'asc', LATEST_DATETIME],
    ['type', 'asc', 'other'],
    ['username', 'desc', 'u'.repeat(64)],
    ['address', 'asc', '😀'.repeat(64)],
    ['serverName', 'asc', '😀'.repeat(255)],
  ] as const)(
    'should take a %s %s cursor holding %j, which a row can hold',
    (sort, order, value) => {
      expect(roundTrip(sort, order, value)).toEqual({ value, id })
    }
  )

  it.each([
    ['lastActive', 'desc', EARLIEST_DATETIME - 1],
    ['lastActive', 'asc', LATEST_DATETIME + 1],
    ['createdAt', 'desc', 8.64e15 + 1],
    ['createdAt', 'asc', Number.MAX_SAFE_INTEGER],
    ['lastActive', 'desc', 1.5],
    ['type', 'asc', 'é'],
    ['type', 'desc', 'REST'],
    ['username', 'asc', 'u'.repeat(65)],
    ['address', 'desc', '😀'.repeat(65)],
    ['serverName', 'asc', 's'.repeat(256)],
    ['username', 'asc', 42],
  ] as const)(
    'should refuse a %s %s cursor holding %j, which no row holds',
    (sort, order, value) => {
      expect(roundTrip(sort, order, value)).toBeUndefined()
    }
  )

  it.each(['', '!!!', btoa('{"s":"lastActive"}'), btoa('[]'), 'A'.repeat(3000)])(
    'should refuse %j',
    (cursor) => {
      expect(decodeCursor(cursor, { sort: 'lastActive', order: 'desc' })).toBeUndefined()
    }
  )

  it('should refuse a cursor whose id is not one of ours', () => {
    const cursor = btoa(JSON.stringify({ s: 'lastActive', o: 'desc', v: 1, i: "x' OR 1=1" }))

    expect(decodeCursor(cursor, { sort: 'lastActive', order: 'desc' })).toBeUndefined()
  })
})
