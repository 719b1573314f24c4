import type { TestDatabase } from '@keep/api/testing'

import { startKeepOnMariaDb } from './test-keep'
import type { TestKeep, TestKeepOptions } from './test-keep'

export interface KeepUnderTest extends TestKeep {
  readonly database: TestDatabase
}

/** Keep on this worker's MariaDB database, emptied first: what the HTTP tests run against. */
export async function startKeepUnderTest(
  options: Omit<TestKeepOptions, 'databaseUrl'> = {}
): Promise<KeepUnderTest> {
  const started = await startKeepOnMariaDb(options)

  return { ...started.keep, database: started.database, close: () => started.close() }
}
