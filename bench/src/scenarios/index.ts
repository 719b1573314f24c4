import { adminQueries } from './admin-queries'
import { bulkDeletes } from './bulk-delete'
import { revocation } from './revocation'
import { sweeper } from './sweeper'
import type { Scenario } from './types'
import { validatedRequests } from './validated-requests'
import { writeAmplification } from './write-amplification'

/** Every scenario, in the order the report shows them. */
export const SCENARIOS: readonly Scenario[] = [
  validatedRequests,
  writeAmplification,
  adminQueries,
  bulkDeletes,
  revocation,
  sweeper,
]
