import { beforeEach, describe } from 'vitest'

import { createContractContext } from './contract-context'
import type { StoreUnderTest } from './contract-context'
import { describeChurn } from './contract-churn'
import { describeExpiryEdges } from './contract-expiry'
import { describeListing } from './contract-listing'
import { describeLookupAndTouch } from './contract-lookup'
import { describeCountingAndDeletion } from './contract-rules'
import { describeSorting } from './contract-sorting'

export type { StoreUnderTest } from './contract-context'

/**
 * The behaviour every SessionStore must show, written once. `open` is called before each test
 * and must hand back stores with no users and no sessions.
 */
export function describeSessionStoreContract(name: string, open: () => Promise<StoreUnderTest>) {
  describe(`SessionStore contract: ${name}`, () => {
    let store: StoreUnderTest | undefined

    beforeEach(async () => {
      store = await open()
    })

    const ctx = createContractContext(() => {
      if (!store) {
        throw new Error('The store contract runs its tests only after open() has resolved')
      }

      return store
    })

    describeLookupAndTouch(ctx)
    describeExpiryEdges(ctx)
    describeCountingAndDeletion(ctx)
    describeListing(ctx)
    describeSorting(ctx)
    describeChurn(ctx)
  })
}
