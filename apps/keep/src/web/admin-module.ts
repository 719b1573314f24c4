import type { KeepClient } from '@keep/sdk'
import type { Component } from 'solid-js'

/** The sections of the admin menu. */
export type AdminSectionId = 'reports'

export interface AdminPageProps {
  /** Authenticated by the HttpOnly session cookie; a 401 already routes to the log-in page. */
  readonly client: KeepClient
  readonly currentUser: {
    readonly id: string
    readonly username: string
    readonly role: 'user' | 'admin'
  }
}

/**
 * A page of the admin area, contributed by a package that knows nothing of the host beyond
 * this shape. Modules satisfy it structurally and need not import it.
 */
export interface AdminModule {
  /** Unique among modules, such as 'sessions'. */
  readonly id: string
  readonly section: AdminSectionId
  /** The menu item, such as 'Sessions'. */
  readonly label: string
  /** The route under /keep/admin/, such as 'sessions'. */
  readonly path: string
  readonly component: Component<AdminPageProps>
}

export interface AdminSection {
  readonly id: AdminSectionId
  readonly label: string
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [{ id: 'reports', label: 'Reports & Info' }]
