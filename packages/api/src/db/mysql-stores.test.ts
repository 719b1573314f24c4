import {
  describeLoginFailureStoreContract,
  describeSessionStoreContract,
  describeUserStoreContract,
} from '@keep/core/testing'
import { afterAll } from 'vitest'

import { openTestDatabase } from '../testing/test-database'

const database = await openTestDatabase()

afterAll(() => database.close())

describeSessionStoreContract('MySQL', async () => {
  await database.reset()

  return database.stores
})

describeUserStoreContract('MySQL', async () => {
  await database.reset()

  return database.stores.users
})

describeLoginFailureStoreContract('MySQL', async () => {
  await database.reset()

  return database.stores.loginFailures
})
