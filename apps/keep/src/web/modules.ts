import { sessionsModule } from '@keep/admin-ui'

import type { AdminModule, AdminSectionId } from './admin-module'

/** Every admin module the host shows, in menu order. */
export const adminModules: readonly AdminModule[] = [sessionsModule]

export function findAdminModule(path: string): AdminModule | undefined {
  return adminModules.find((module) => module.path === path)
}

export function getSectionModules(section: AdminSectionId): readonly AdminModule[] {
  return adminModules.filter((module) => module.section === section)
}
