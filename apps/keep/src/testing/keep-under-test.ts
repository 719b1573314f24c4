import { startTestKeep } from './test-keep'
import type { TestKeep, TestKeepOptions } from './test-keep'

export type KeepUnderTest = TestKeep

/** The Keep the HTTP tests run against. */
export async function startKeepUnderTest(
  options: Omit<TestKeepOptions, 'databaseUrl'> = {}
): Promise<KeepUnderTest> {
  return startTestKeep(options)
}
