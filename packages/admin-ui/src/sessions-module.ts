import { ActiveSessionsPage } from './ActiveSessionsPage'

/**
 * The Active Sessions page as an admin module: the host lists it under Reports & Info and
 * routes /keep/admin/sessions to it, passing the signed-in client and user.
 */
export const sessionsModule = {
  id: 'sessions',
  section: 'reports',
  label: 'Sessions',
  path: 'sessions',
  component: ActiveSessionsPage,
} as const
