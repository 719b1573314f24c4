import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { API_ERRORS } from './errors'
import type { ApiErrorCode } from './errors'
import { OPERATIONS, getOperationErrors } from './operations'
import type { Operation, OperationName } from './operations'
import { ErrorResponse } from './schemas'
import { createHarness, signIn } from './testing-kit/harness'
import { listFaults, makeValidCall, sendCall } from './testing-kit/operation-cases'
import type { Bed } from './testing-kit/operation-cases'
import { allStoreFactories } from './testing-kit/store-factories'

const NAMES = Object.keys(OPERATIONS) as OperationName[]

describe.each(allStoreFactories())('every documented operation on $name stores', (factory) => {
  let bed: Bed

  beforeEach(async () => {
    const h = createHarness({ stores: await factory.open() })

    bed = { h, admin: await signIn(h, 'admin') }
  })

  afterAll(() => factory.close())

  it.each(NAMES)('%s answers a valid request with its documented success', async (name) => {
    const operation: Operation = OPERATIONS[name]
    const { status, schema } = operation.success

    const response = await sendCall(bed, operation, await makeValidCall(name, bed))

    expect(response.status).toBe(status)

    if (schema) {
      expect(schema.safeParse(await response.json()).error).toBeUndefined()
    }
  })

  it.each(NAMES)('%s refuses with exactly the errors it documents', async (name) => {
    const operation: Operation = OPERATIONS[name]
    const documented = getOperationErrors(operation)
    // Documented on every route for the unexpected, which no request can ask for by name.
    const answered = new Set<ApiErrorCode>(['internal_error'])

    for (const [fault, makeCall] of listFaults(name)) {
      const response = await sendCall(bed, operation, await makeCall(bed))
      const { code } = ErrorResponse.parse(await response.json()).error

      expect(documented, `${name} answers ${code} to ${fault}`).toContain(code)
      expect(response.status, `${name}: ${fault}`).toBe(API_ERRORS[code])
      answered.add(code)
    }

    expect([...answered].sort()).toEqual([...documented].sort())
  })
})
