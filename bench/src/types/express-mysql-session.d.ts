declare module 'express-mysql-session' {
  import type session from 'express-session'

  interface MySqlStoreOptions {
    readonly host?: string
    readonly port?: number
    readonly user?: string
    readonly password?: string
    readonly database?: string
    readonly connectionLimit?: number
    readonly disableTouch?: boolean
    readonly clearExpired?: boolean
    readonly createDatabaseTable?: boolean
  }

  interface MySqlStore extends session.Store {
    onReady(): Promise<void>
    close(): Promise<void>
  }

  type MySqlStoreClass = new (options: MySqlStoreOptions) => MySqlStore

  export default function createMySqlStore(sessionModule: typeof session): MySqlStoreClass
}
