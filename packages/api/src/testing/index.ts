export { seedSessions } from './seed-sessions'
export type { SeedOptions, SeedResult } from './seed-sessions'
export { describeServer, openTestDatabase } from './test-database'
export type { TestDatabase, TestDatabaseOptions } from './test-database'
