import { describe, expect, it } from 'vitest'

import { encodeCursor } from './cursor'
import { parseListQuery } from './list-query'

describe('parseListQuery', () => {
  it('should default to the newest activity first, 50 a page', () => {
    expect(parseListQuery({})).toEqual({
      ok: true,
      value: {
        type: null,
        search: null,
        sort: 'lastActive',
        order: 'desc',
        limit: 50,
        after: null,
      },
    })
  })

  it('should read text columns A to Z by default', () => {
    const parsed = parseListQuery({ sort: 'username' })

    expect(parsed.ok && parsed.value.order).toBe('asc')
  })

  it('should take a type, a trimmed search, an order and a limit', () => {
    const parsed = parseListQuery({ type: 'browser', q: '  10.0 ', order: 'asc', limit: '200' })

    expect(parsed).toMatchObject({
      ok: true,
      value: { type: 'browser', search: '10.0', order: 'asc', limit: 200 },
    })
  })

  it.each([
    [{ type: 'soap' }, 'type'],
    [{ sort: 'password' }, 'sort'],
    [{ order: 'up' }, 'order'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '201' }, 'limit'],
    [{ limit: '1.5' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ q: 'x'.repeat(101) }, 'q'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
  ])('should refuse %j and name the field', (raw, field) => {
    const parsed = parseListQuery(raw)

    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.error.field).toBe(field)
    expect(!parsed.ok && parsed.error.message).toContain(field)
  })

  it('should accept a cursor made for the same sort and order', () => {
    const cursor = encodeCursor(
      { sort: 'username', order: 'asc' },
      { value: 'ann', id: 'a'.repeat(26) }
    )

    const parsed = parseListQuery({ sort: 'username', cursor })

    expect(parsed.ok && parsed.value.after).toEqual({ value: 'ann', id: 'a'.repeat(26) })
  })

  it('should refuse a cursor made for another sort or order', () => {
    const cursor = encodeCursor(
      { sort: 'username', order: 'asc' },
      { value: 'ann', id: 'a'.repeat(26) }
    )

    expect(parseListQuery({ sort: 'address', cursor }).ok).toBe(false)
    expect(parseListQuery({ sort: 'username', order: 'desc', cursor }).ok).toBe(false)
  })
})
