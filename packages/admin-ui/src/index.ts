export { ActiveSessionsPage } from './ActiveSessionsPage'
export type { ActiveSessionsPageProps, AdminPageProps } from './page-props'
export { sessionsModule } from './sessions-module'
