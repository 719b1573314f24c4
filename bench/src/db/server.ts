import { createConnection } from 'mysql2/promise'
import type { Connection, RowDataPacket } from 'mysql2/promise'

/** The MariaDB or MySQL server the bench runs on, through one connection of its own. */
export interface DbServer {
  /** The connection the bench uses for its own statements: status snapshots, DDL, EXPLAIN. */
  readonly admin: Connection
  /** A URL naming one database on the server, for a pool or a child server. */
  urlFor(database: string): string
  recreate(database: string): Promise<void>
  drop(database: string): Promise<void>
  version(): Promise<string>
  variable(name: string): Promise<string>
  close(): Promise<void>
}

const NAME = /^[a-z][a-z0-9_]{0,63}$/

export async function connectServer(serverUrl: string): Promise<DbServer> {
  const admin = await createConnection({ uri: serverUrl, timezone: 'Z', multipleStatements: false })

  const urlFor = (database: string) => {
    const url = new URL(serverUrl)
    url.pathname = `/${checkName(database)}`

    return url.href
  }

  return {
    admin,
    urlFor,
    recreate: async (database) => {
      await admin.query(`DROP DATABASE IF EXISTS \`${checkName(database)}\``)
      await admin.query(
        `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`
      )
    },
    drop: async (database) => {
      await admin.query(`DROP DATABASE IF EXISTS \`${checkName(database)}\``)
    },
    version: async () => {
      const [rows] = await admin.query<RowDataPacket[]>('SELECT VERSION() AS version')

      return String(rows[0]?.['version'] ?? 'unknown')
    },
    variable: async (name) => {
      const [rows] = await admin.query<RowDataPacket[]>('SHOW GLOBAL VARIABLES LIKE ?', [name])

      return String(rows[0]?.['Value'] ?? 'unknown')
    },
    close: () => admin.end(),
  }
}

function checkName(database: string): string {
  if (!NAME.test(database)) {
    throw new Error(`Not a database name the bench creates: ${database}`)
  }

  return database
}
