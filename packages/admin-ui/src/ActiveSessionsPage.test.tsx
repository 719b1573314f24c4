import { cleanup, screen, waitFor, within } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { buildOwnSession, buildSession } from './testing/build-session'
import { createFakeKeep } from './testing/fake-keep'
import { getRows, getTileValue, getUsernames } from './testing/queries'
import { currentSearch, renderSessionsPage } from './testing/render-page'

beforeEach(() => localStorage.clear())

afterEach(cleanup)

describe('the Active Sessions page', () => {
  it('shows the counts per user, session and type, and a row per session', async () => {
    const fake = createFakeKeep([
      buildOwnSession(),
      buildSession({ username: 'alice', type: 'rest' }),
      buildSession({ username: 'alice', type: 'browser' }),
      buildSession({ username: 'bot', type: 'other' }),
    ])

    renderSessionsPage(fake)

    expect(screen.getByRole('heading', { level: 1, name: 'Active Sessions' })).toBeInTheDocument()
    await waitFor(() => expect(getTileValue('Active Users')).toBe('3'))
    expect(getTileValue('Active Sessions')).toBe('4')
    expect(getTileValue('REST API')).toBe('2')
    expect(getTileValue('Browser')).toBe('1')
    expect(getTileValue('Other')).toBe('1')
    expect(getRows()).toHaveLength(4)
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader')
    expect(headers.map((th) => th.textContent?.replace(/[▲▼]/g, ''))).toEqual([
      '',
      'Username',
      'Session Type',
      'Address',
      'Last Active',
      'Actions',
    ])
  })

  it('shows Last Active as a relative time with the exact time on hover', async () => {
    const fake = createFakeKeep([
      buildSession({ username: 'alice', lastActiveAt: '2025-06-02T09:58:00.000Z' }),
    ])

    renderSessionsPage(fake)

    const time = await screen.findByText('2 min ago')
    expect(time.tagName).toBe('TIME')
    expect(time).toHaveAttribute('datetime', '2025-06-02T09:58:00.000Z')
    expect(time.getAttribute('title')).toMatch(/2025/)
  })

  it('marks the table busy with placeholders until the first page arrives', async () => {
    const fake = createFakeKeep([buildSession({ username: 'alice' })])
    const release = fake.hold()

    renderSessionsPage(fake)

    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true')
    expect(document.querySelectorAll('.kas-skeleton').length).toBeGreaterThan(0)
    release()
    await waitFor(() => expect(getUsernames()).toEqual(['alice']))
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'false')
  })

  it('says so when nobody is signed in, and when a filter finds nothing', async () => {
    const fake = createFakeKeep([])
    const { user } = renderSessionsPage(fake)

    expect(await screen.findByText('Nobody is signed in to Keep right now.')).toBeInTheDocument()

    await user.selectOptions(screen.getByLabelText('Session type'), 'other')

    expect(await screen.findByText(/No session matches this type or search/)).toBeInTheDocument()
  })

  it('shows an error with Retry when the list cannot be loaded', async () => {
    const fake = createFakeKeep([buildSession({ username: 'alice' })])
    fake.failNext('list', { status: 503, code: 'service_unavailable' })
    const { user } = renderSessionsPage(fake)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The sessions could not be loaded.')
    expect(alert).toHaveTextContent('The session store is not available right now.')

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))

    await waitFor(() => expect(getUsernames()).toEqual(['alice']))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('shows an error with Retry when only the counts fail', async () => {
    const fake = createFakeKeep([buildSession({ username: 'alice' })])
    fake.failNext('stats', { status: 500, code: 'internal_error', message: 'Boom' })
    const { user } = renderSessionsPage(fake)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The counts could not be loaded.')
    expect(getTileValue('Active Sessions')).toBe('—')

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))

    await waitFor(() => expect(getTileValue('Active Sessions')).toBe('1'))
  })
})

describe('filtering, searching and sorting', () => {
  function buildMix() {
    return createFakeKeep([
      buildSession({ username: 'carol', type: 'rest', address: '192.168.1.9' }),
      buildSession({ username: 'alice', type: 'browser', address: '10.1.1.1' }),
      buildSession({ username: 'bob', type: 'other', address: '10.1.1.2' }),
      buildSession({ username: 'dave', type: 'browser', address: '172.16.0.4' }),
    ])
  }

  it('filters by session type and puts the filter in the URL', async () => {
    const fake = buildMix()
    const { user, history } = renderSessionsPage(fake)
    await waitFor(() => expect(getRows()).toHaveLength(4))

    await user.selectOptions(screen.getByLabelText('Session type'), 'Browser only')

    await waitFor(() => expect(getUsernames()).toEqual(['alice', 'dave']))
    expect(currentSearch(history).get('type')).toBe('browser')
    expect(fake.requests.at(-1)).toMatch(/type=browser/)
  })

  it('lists the four choices of the session type list', () => {
    renderSessionsPage(buildMix())

    const options = within(screen.getByLabelText('Session type')).getAllByRole('option')
    expect(options.map((option) => option.textContent)).toEqual([
      'All',
      'REST API only',
      'Browser only',
      'Other only',
    ])
  })

  it('searches by username or address, after a pause in typing', async () => {
    const fake = buildMix()
    const { user, history } = renderSessionsPage(fake)
    await waitFor(() => expect(getRows()).toHaveLength(4))
    const search = screen.getByRole('searchbox', { name: 'Search by username or address' })

    await user.type(search, '10.1.1')

    await waitFor(() => expect(getUsernames().sort()).toEqual(['alice', 'bob']))
    expect(currentSearch(history).get('q')).toBe('10.1.1')

    await user.clear(search)
    await user.type(search, 'DAV{Enter}')

    await waitFor(() => expect(getUsernames()).toEqual(['dave']))
  })

  it('puts back the search of the view before when the admin goes Back', async () => {
    const fake = buildMix()
    const { user, history } = renderSessionsPage(fake, '?q=alice')
    const search = screen.getByRole('searchbox', { name: 'Search by username or address' })
    await waitFor(() => expect(getUsernames()).toEqual(['alice']))
    await user.selectOptions(screen.getByLabelText('Session type'), 'rest')
    await user.clear(search)
    await user.type(search, 'bob{Enter}')
    await waitFor(() => expect(currentSearch(history).get('q')).toBe('bob'))

    history.back()

    await waitFor(() => expect(search).toHaveValue('alice'))
    expect(currentSearch(history).get('type')).toBeNull()
    await waitFor(() => expect(getUsernames()).toEqual(['alice']))
  })

  it('sorts by a column header and flips the order on a second click', async () => {
    const fake = buildMix()
    const { user, history } = renderSessionsPage(fake)
    await waitFor(() => expect(getRows()).toHaveLength(4))
    const header = () => screen.getByRole('columnheader', { name: /Username/ })

    expect(screen.getByRole('columnheader', { name: /Last Active/ })).toHaveAttribute(
      'aria-sort',
      'descending'
    )

    await user.click(screen.getByRole('button', { name: 'Username' }))

    await waitFor(() => expect(getUsernames()).toEqual(['alice', 'bob', 'carol', 'dave']))
    expect(header()).toHaveAttribute('aria-sort', 'ascending')
    expect(currentSearch(history).get('sort')).toBe('username')

    await user.click(screen.getByRole('button', { name: 'Username' }))

    await waitFor(() => expect(getUsernames()).toEqual(['dave', 'carol', 'bob', 'alice']))
    expect(header()).toHaveAttribute('aria-sort', 'descending')
    expect(currentSearch(history).get('order')).toBe('desc')
  })

  it('opens a shared view from the URL', async () => {
    const fake = buildMix()

    renderSessionsPage(fake, '?type=browser&sort=username&order=desc')

    await waitFor(() => expect(getUsernames()).toEqual(['dave', 'alice']))
    expect(screen.getByLabelText('Session type')).toHaveValue('browser')
    expect(fake.requests.find((r) => r.includes('/admin/sessions?'))).toMatch(
      /type=browser&sort=username&order=desc/
    )
  })
})
