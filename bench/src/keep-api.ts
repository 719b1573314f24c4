/** The parts of Keep's API package the bench drives, imported in one place. */
export { createScryptHasher, createSessionService, silentLogger } from '@keep/api'
export {
  createDatabasePool,
  createDb,
  migrateDatabase,
  MySqlSessionStore,
  openDatabase,
} from '../../packages/api/src/db/index'
export type { KeepDatabase } from '../../packages/api/src/db/index'
export { createKeepApi } from '../../packages/api/src/http/create-keep-api'
