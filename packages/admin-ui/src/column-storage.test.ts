import { describe, expect, it } from 'vitest'

import { COLUMNS_STORAGE_KEY, loadColumns, saveColumns } from './column-storage'
import type { ColumnStorage } from './column-storage'
import { DEFAULT_COLUMNS } from './columns'

function createStorage(initial?: string): ColumnStorage & { value: string | null } {
  const storage = {
    value: initial ?? null,
    getItem: (key: string) => (key === COLUMNS_STORAGE_KEY ? storage.value : null),
    setItem: (_key: string, value: string) => {
      storage.value = value
    },
  }

  return storage
}

describe('column storage', () => {
  it('round-trips the visible columns', () => {
    const storage = createStorage()

    saveColumns(storage, ['username', 'serverName'])

    expect(loadColumns(storage)).toEqual(['username', 'serverName'])
  })

  it.each([
    ['nothing stored', undefined],
    ['broken JSON', '{"visible": ['],
    ['a bare array', '["username"]'],
    ['null', 'null'],
    ['a wrong shape', '{"visible": "username"}'],
    ['only unknown ids', '{"visible": ["password"]}'],
    ['an empty list', '{"visible": []}'],
  ])('falls back to the defaults for %s', (_name, stored) => {
    expect(loadColumns(createStorage(stored))).toEqual(DEFAULT_COLUMNS)
  })

  it('ignores unknown ids but keeps known ones', () => {
    const storage = createStorage('{"visible": ["userAgent", "ssn", "username"]}')

    expect(loadColumns(storage)).toEqual(['username', 'userAgent'])
  })

  it('survives a storage that throws', () => {
    const storage: ColumnStorage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('quota')
      },
    }

    expect(() => {
      saveColumns(storage, ['username'])
    }).not.toThrow()
    expect(loadColumns(storage)).toEqual(DEFAULT_COLUMNS)
  })

  it('works without any storage', () => {
    expect(loadColumns(undefined)).toEqual(DEFAULT_COLUMNS)
  })
})
