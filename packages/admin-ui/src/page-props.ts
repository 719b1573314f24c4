import type { KeepClient } from '@keep/sdk'

/**
 * What the host hands an admin page. It mirrors the host's admin module contract, so the
 * module satisfies it structurally without importing the host.
 */
export interface AdminPageProps {
  /** Authenticated by the host's session cookie; the host handles a 401 itself. */
  readonly client: KeepClient
  readonly currentUser: {
    readonly id: string
    readonly username: string
    readonly role: 'user' | 'admin'
  }
}

/** The Active Sessions page takes the admin page props and an optional clock for tests. */
export interface ActiveSessionsPageProps extends AdminPageProps {
  /** The current time, read for relative times; defaults to the system clock. */
  readonly now?: (() => Date) | undefined
}
