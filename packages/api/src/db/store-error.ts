/**
 * `unavailable`: the server cannot serve now, unreachable or locked up (answer 503, try again);
 * `failed`: anything else.
 */
export type StoreErrorKind = 'unavailable' | 'failed'

const MESSAGES: Readonly<Record<StoreErrorKind, string>> = {
  unavailable: 'The database could not serve the request',
  failed: 'The database could not complete the operation',
}

// Failures of the connection itself rather than of one statement: worth a 503 and a retry.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_ACCESS_DENIED_ERROR',
  'ER_ACCESS_DENIED_NO_PASSWORD_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_BAD_DB_ERROR',
  // What a Galera node answers while it is not part of the cluster.
  'ER_UNKNOWN_COM_ERROR',
])

/*
 * Lock conflicts that running the transaction again resolves: a deadlock, a lock wait that ran
 * out, and a Galera transaction that lost certification at commit, which reports a deadlock.
 */
const LOCK_CONFLICT_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT'])

const LOCK_CONFLICT_RETRIES = 2

const POOL_CLOSED_MESSAGE = 'Pool is closed.'

/**
 * A database failure in words fit for a log line or a client: never the SQL, never a value.
 * The driver's error stays reachable as `cause` for whoever needs the detail.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError'
  readonly kind: StoreErrorKind

  constructor(kind: StoreErrorKind, options?: { readonly cause?: unknown }) {
    super(MESSAGES[kind], options)
    this.kind = kind
  }
}

export interface DriverError {
  readonly code?: string
  readonly errno?: number
  readonly fatal?: boolean
  readonly message: string
  readonly sqlMessage?: string
}

/** The mysql2 error under Drizzle's wrapping, or the error itself when nothing wraps it. */
export function findDriverError(error: unknown): DriverError | null {
  let current: unknown = error

  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if ('code' in current || current.message === POOL_CLOSED_MESSAGE) {
      return current
    }

    current = current.cause
  }

  return null
}

/** Whether the error is a duplicate entry on the named unique key. */
export function isDuplicateKey(error: unknown, keyName: string): boolean {
  const driverError = findDriverError(error)

  if (driverError?.code !== 'ER_DUP_ENTRY') {
    return false
  }

  // MariaDB names the key alone, MySQL 8 prefixes the table.
  const keyQuoted = new RegExp(`for key '(?:\\w+\\.)?${keyName}'$`)

  return keyQuoted.test(driverError.sqlMessage ?? driverError.message)
}

export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) {
    return error
  }

  const driverError = findDriverError(error)

  return new StoreError(isUnavailable(driverError) ? 'unavailable' : 'failed', { cause: error })
}

/** Whether a failure, or one of its causes, means the database cannot serve now: a 503. */
export function isStoreUnavailable(error: unknown): boolean {
  let current: unknown = error

  for (let depth = 0; depth < 5 && typeof current === 'object' && current; depth += 1) {
    const link = current as { name?: unknown; kind?: unknown; cause?: unknown }

    if (link.name === 'StoreError') {
      return link.kind === 'unavailable'
    }

    current = link.cause
  }

  return isUnavailable(findDriverError(error))
}

/** Runs a transaction again, at most twice more, when it lost a lock conflict. */
export async function retryOnLockConflict<TValue>(
  transaction: () => Promise<TValue>
): Promise<TValue> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await transaction()
    } catch (error) {
      if (attempt >= LOCK_CONFLICT_RETRIES || !isLockConflict(findDriverError(error))) {
        throw error
      }
    }
  }
}

/** Runs one store operation so that whatever the driver throws leaves it as a StoreError. */
export async function withStoreErrors<TValue>(operation: () => Promise<TValue>): Promise<TValue> {
  try {
    return await operation()
  } catch (error) {
    throw toStoreError(error)
  }
}

function isUnavailable(error: DriverError | null): boolean {
  if (!error) {
    return false
  }

  return (
    error.message === POOL_CLOSED_MESSAGE ||
    error.fatal === true ||
    (error.code !== undefined && UNAVAILABLE_CODES.has(error.code)) ||
    isLockConflict(error)
  )
}

function isLockConflict(error: DriverError | null): boolean {
  return error?.code !== undefined && LOCK_CONFLICT_CODES.has(error.code)
}
