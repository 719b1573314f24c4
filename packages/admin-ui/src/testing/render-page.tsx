import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router'
import { render } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'

import { createKeepClient } from '@keep/sdk'

import { ActiveSessionsPage } from '../ActiveSessionsPage'
import { ADMIN, TEST_NOW } from './build-session'
import { FAKE_BASE_URL } from './fake-keep'
import type { FakeKeep } from './fake-keep'

export const PAGE_PATH = '/admin/sessions'

/** Renders the page in a memory router, talking to the fake through the real SDK. */
export function renderSessionsPage(fake: FakeKeep, search = '') {
  const history = createMemoryHistory()
  const client = createKeepClient({ baseUrl: FAKE_BASE_URL, fetch: fake.fetch })

  history.set({ value: `${PAGE_PATH}${search}`, scroll: false, replace: true })

  const result = render(() => (
    <MemoryRouter history={history}>
      <Route
        path={PAGE_PATH}
        component={() => (
          <ActiveSessionsPage client={client} currentUser={ADMIN} now={() => TEST_NOW} />
        )}
      />
    </MemoryRouter>
  ))

  return { ...result, history, user: userEvent.setup() }
}

/** The query string the page has put in the URL. */
export function currentSearch(history: { get: () => string }): URLSearchParams {
  return new URL(history.get(), 'http://x').searchParams
}
