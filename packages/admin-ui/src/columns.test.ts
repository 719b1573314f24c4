import { describe, expect, it } from 'vitest'

import { DEFAULT_COLUMNS, normalizeColumns, toggleColumn } from './columns'

describe('toggleColumn', () => {
  it('adds a hidden column in table order', () => {
    expect(toggleColumn(['username', 'lastActive'], 'address')).toEqual([
      'username',
      'address',
      'lastActive',
    ])
  })

  it('hides a shown column', () => {
    expect(toggleColumn(DEFAULT_COLUMNS, 'type')).toEqual(['username', 'address', 'lastActive'])
  })

  it('keeps the last visible column', () => {
    expect(toggleColumn(['address'], 'address')).toEqual(['address'])
  })
})

describe('normalizeColumns', () => {
  it('drops unknown and repeated ids and restores table order', () => {
    expect(normalizeColumns(['userAgent', 'nope', 3, 'username', 'userAgent'])).toEqual([
      'username',
      'userAgent',
    ])
  })
})
