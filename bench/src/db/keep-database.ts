import { migrateDatabase, openDatabase } from '../keep-api'
import { createConnection } from 'mysql2/promise'
import type { Connection } from 'mysql2/promise'

import type { DbServer } from './server'

export const KEEP_DATABASE = 'keep_bench'
export const PEER_DATABASE = 'keep_bench_peer'
export const ADMIN_DATABASE = 'keep_bench_admin'

/** Drops and recreates a database and applies Keep's migrations to it; answers its URL. */
export async function createKeepDatabase(server: DbServer, name: string): Promise<string> {
  const url = server.urlFor(name)

  await server.recreate(name)

  const database = openDatabase({ url, connectionLimit: 1 })

  try {
    await migrateDatabase(database.db)
  } finally {
    await database.close()
  }

  return url
}

/** A plain connection that reads and writes DATETIME as UTC, for seeding and EXPLAIN. */
export function connectTo(url: string): Promise<Connection> {
  return createConnection({ uri: url, timezone: 'Z', dateStrings: false })
}
