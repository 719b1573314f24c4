import { openDatabase } from '../db/database'
import type { KeepDatabase } from '../db/database'
import type { TestDatabase } from './test-database'

/** An empty database beside a test database, for a test that migrates one itself. */
export interface ScratchDatabase extends KeepDatabase {
  readonly name: string
  /** Ends the pool and drops the database. */
  drop(): Promise<void>
}

/**
 * Creates `<test database>_<suffix>` anew, empty. Its default character set is latin1, so that
 * a column which leans on the database default rather than naming its own shows at once.
 */
export async function openScratchDatabase(
  owner: TestDatabase,
  suffix: string
): Promise<ScratchDatabase> {
  const name = `${owner.name}_${suffix}`
  const url = new URL(owner.url)
  url.pathname = `/${name}`

  await owner.pool.query(`DROP DATABASE IF EXISTS \`${name}\``)
  await owner.pool.query(`CREATE DATABASE \`${name}\` CHARACTER SET latin1`)

  const database = openDatabase({ url: url.href, connectionLimit: 3 })

  return {
    ...database,
    name,
    drop: async () => {
      await database.close()
      await owner.pool.query(`DROP DATABASE IF EXISTS \`${name}\``)
    },
  }
}
