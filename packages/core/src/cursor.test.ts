import { describe, expect, it } from 'vitest'

import { decodeCursor, encodeCursor } from './cursor'

const id = 'abcdefghijklmnopqrstuvwxyz'

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

  it.each(['', '!!!', btoa('{"s":"lastActive"}'), btoa('[]'), 'A'.repeat(2000)])(
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
