import { Route, Router } from '@solidjs/router'

import { AdminIndexPage } from './pages/AdminIndexPage'
import { AdminLayout } from './pages/AdminLayout'
import { AdminModulePage } from './pages/AdminModulePage'
import { HomePage } from './pages/HomePage'
import { LoginPage } from './pages/LoginPage'
import { NotFoundPage } from './pages/NotFoundPage'
import { RequireSession } from './pages/RequireSession'
import { Shell } from './Shell'

/** The Keep web UI, served under /keep/. */
export function App() {
  return (
    <Router base="/keep" root={Shell}>
      <Route path="/login" component={LoginPage} />
      <Route component={RequireSession}>
        <Route path="/" component={HomePage} />
        <Route path="/admin" component={AdminLayout}>
          <Route path="/" component={AdminIndexPage} />
          <Route path="/:path" component={AdminModulePage} />
        </Route>
      </Route>
      <Route path="*404" component={NotFoundPage} />
    </Router>
  )
}
