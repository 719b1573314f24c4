import { cleanup, screen, waitFor } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { AUTO_REFRESH_MS } from './create-auto-refresh'
import { buildSession } from './testing/build-session'
import { createFakeKeep } from './testing/fake-keep'
import { getRowCheckbox, getRowDeleteButton, getUsernames } from './testing/queries'
import { renderSessionsPage } from './testing/render-page'

beforeEach(() => localStorage.clear())

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  setTabHidden(false)
})

/** What the browser does when the admin switches to another tab, and back. */
function setTabHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  })
  document.dispatchEvent(new Event('visibilitychange'))
}

const listRequests = (requests: readonly string[]) =>
  requests.filter((request) => request.startsWith('GET /keep/api/admin/sessions?')).length

describe('refreshing', () => {
  it('reloads tiles and table on Refresh', async () => {
    const fake = createFakeKeep([buildSession({ username: 'alice' })])
    const { user } = renderSessionsPage(fake)
    await waitFor(() => expect(getUsernames()).toEqual(['alice']))
    fake.sessions = [...fake.sessions, buildSession({ username: 'bob' })]

    await user.click(screen.getByRole('button', { name: 'Refresh' }))

    await waitFor(() => expect(getUsernames().sort()).toEqual(['alice', 'bob']))
  })

  it('refreshes on an interval when asked, but not while a dialog is open', async () => {
    // Only intervals are faked, so promises and the testing library's own timers run as usual.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const fake = createFakeKeep([buildSession({ username: 'alice', address: '10.0.0.1' })])
    const { user } = renderSessionsPage(fake)
    await waitFor(() => expect(getUsernames()).toEqual(['alice']))

    await user.click(screen.getByRole('checkbox', { name: 'Auto-refresh every 15 s' }))
    vi.advanceTimersByTime(AUTO_REFRESH_MS)

    await waitFor(() => expect(listRequests(fake.requests)).toBe(2))
    await waitFor(() => expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'false'))

    await user.click(getRowDeleteButton('alice', '10.0.0.1'))
    vi.advanceTimersByTime(AUTO_REFRESH_MS * 3)

    expect(listRequests(fake.requests)).toBe(2)
  })

  it('pauses the auto-refresh while the tab is hidden, and resumes when it is back', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const fake = createFakeKeep([buildSession({ username: 'alice' })])
    const { user } = renderSessionsPage(fake)
    await waitFor(() => expect(getUsernames()).toEqual(['alice']))
    await user.click(screen.getByRole('checkbox', { name: 'Auto-refresh every 15 s' }))

    setTabHidden(true)
    vi.advanceTimersByTime(AUTO_REFRESH_MS * 3)

    expect(listRequests(fake.requests)).toBe(1)

    setTabHidden(false)
    vi.advanceTimersByTime(AUTO_REFRESH_MS)

    await waitFor(() => expect(listRequests(fake.requests)).toBe(2))
  })

  it('keeps the rows and the keyboard focus when the same sessions come back', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const fake = createFakeKeep([buildSession({ username: 'alice', address: '10.0.0.1' })])
    const { user } = renderSessionsPage(fake)
    await waitFor(() => expect(getUsernames()).toEqual(['alice']))
    await user.click(screen.getByRole('checkbox', { name: 'Auto-refresh every 15 s' }))
    const checkbox = getRowCheckbox('alice', '10.0.0.1')
    checkbox.focus()
    fake.sessions = [...fake.sessions, buildSession({ username: 'bob' })]

    vi.advanceTimersByTime(AUTO_REFRESH_MS)

    await waitFor(() => expect(getUsernames()).toContain('bob'))
    expect(getRowCheckbox('alice', '10.0.0.1')).toBe(checkbox)
    expect(checkbox).toHaveFocus()
  })
})
