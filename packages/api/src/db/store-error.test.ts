import { buildSession, buildUser, toSessionUser } from '@keep/core/testing'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { openTestDatabase } from '../testing/test-database'
import { openDatabase } from './database'
import { StoreError, isDuplicateKey, toStoreError } from './store-error'

const database = await openTestDatabase()

afterAll(() => database.close())

beforeEach(() => database.reset())

async function catchError(operation: () => Promise<unknown>): Promise<unknown> {
  try {
    await operation()
  } catch (error) {
    return error
  }

  throw new Error('expected the operation to fail')
}

function expectCleanStoreError(error: unknown, kind: StoreError['kind']) {
  expect(error).toBeInstanceOf(StoreError)
  expect((error as StoreError).name).toBe('StoreError')
  expect((error as StoreError).kind).toBe(kind)
  expect((error as StoreError).message).not.toMatch(
    /select|insert|update|delete|sessions|users|\?/i
  )
}

describe('StoreError at the store boundary', () => {
  it('should answer username_taken for a duplicate username, whatever its case', async () => {
    await database.stores.users.create(buildUser({ username: 'frank' }))

    const result = await database.stores.users.create(buildUser({ username: 'FRANK' }))

    expect(result).toEqual({ ok: false, error: 'username_taken' })
  })

  it('should not mistake a duplicate user id for a taken username', async () => {
    const user = buildUser({ username: 'grace' })
    await database.stores.users.create(user)

    const error = await catchError(() =>
      database.stores.users.create({ ...user, username: 'heidi' })
    )

    expectCleanStoreError(error, 'failed')
    expect((error as StoreError).message).not.toContain(user.id)
  })

  it('should keep SQL and values out of a failed statement, and the driver error as cause', async () => {
    const orphan = await buildSession({ user: toSessionUser(buildUser()) })

    const error = await catchError(() => database.stores.sessions.create(orphan.session))

    expectCleanStoreError(error, 'failed')
    expect(String(error)).not.toContain(orphan.session.tokenHash)
    expect((error as StoreError).cause).toBeInstanceOf(Error)
  })

  it('should report a closed pool as unavailable', async () => {
    const closed = openDatabase({ url: database.url, connectionLimit: 1 })
    await closed.close()

    const error = await catchError(() => closed.sessions.findByTokenHash('0'.repeat(64)))

    expectCleanStoreError(error, 'unavailable')
  })

  it('should report a server that does not answer as unavailable', async () => {
    const unreachable = openDatabase({ url: 'mysql://keep@127.0.0.1:1/keep', connectionLimit: 1 })

    try {
      const error = await catchError(() => unreachable.users.findByUsername('nobody'))

      expectCleanStoreError(error, 'unavailable')
    } finally {
      await unreachable.close()
    }
  })
})

describe('isDuplicateKey', () => {
  function duplicateError(sqlMessage: string) {
    return Object.assign(new Error(sqlMessage), { code: 'ER_DUP_ENTRY', sqlMessage })
  }

  it('should read the key name as MariaDB and as MySQL 8 write it', () => {
    const mariadb = duplicateError("Duplicate entry 'x' for key 'users_username_unique'")
    const mysql = duplicateError("Duplicate entry 'x' for key 'users.users_username_unique'")

    expect(isDuplicateKey(mariadb, 'users_username_unique')).toBe(true)
    expect(isDuplicateKey(mysql, 'users_username_unique')).toBe(true)
    expect(isDuplicateKey(mariadb, 'PRIMARY')).toBe(false)
  })

  it('should look through the wrapping of the query builder', () => {
    const wrapped = new Error('Failed query', {
      cause: duplicateError("Duplicate entry 'x' for key 'users_username_unique'"),
    })

    expect(isDuplicateKey(wrapped, 'users_username_unique')).toBe(true)
    expect(toStoreError(wrapped).kind).toBe('failed')
  })
})
