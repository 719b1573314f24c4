import { cleanup, screen, waitFor, within } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { buildOwnSession, buildSession } from './testing/build-session'
import { createFakeKeep } from './testing/fake-keep'
import {
  getRowCheckbox,
  getRowDeleteButton,
  getRows,
  getTileValue,
  getUsernames,
} from './testing/queries'
import { renderSessionsPage } from './testing/render-page'

beforeEach(() => localStorage.clear())

afterEach(cleanup)

function renderMix() {
  const fake = createFakeKeep([
    buildOwnSession({ id: 's-own', address: '10.9.9.9' }),
    buildSession({ id: 's-alice-1', username: 'alice', address: '10.0.0.1' }),
    buildSession({ id: 's-alice-2', username: 'alice', address: '10.0.0.2', type: 'browser' }),
    buildSession({ id: 's-bob', username: 'bob', address: '10.0.0.3', type: 'other' }),
  ])

  return { fake, ...renderSessionsPage(fake) }
}

describe('deleting one session', () => {
  it('asks first, ends the session, says so and refreshes tiles and table', async () => {
    const { fake, user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))

    await user.click(getRowDeleteButton('bob', '10.0.0.3'))

    const dialog = screen.getByRole('dialog', { name: 'End 1 session of 1 user?' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()

    await user.click(within(dialog).getByRole('button', { name: 'End session' }))

    const status = screen.getByRole('status')
    await waitFor(() => expect(status).toHaveTextContent('Ended the session of bob from 10.0.0.3.'))
    expect(status).toHaveFocus()
    expect(fake.requests).toContain('DELETE /keep/api/admin/sessions/s-bob')
    await waitFor(() => expect(getUsernames()).not.toContain('bob'))
    expect(getTileValue('Active Sessions')).toBe('3')
    expect(getTileValue('Other')).toBe('0')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('reports a session that had already ended', async () => {
    const { fake, user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))
    fake.sessions = fake.sessions.filter((session) => session.id !== 's-bob')

    await user.click(getRowDeleteButton('bob', '10.0.0.3'))
    await user.click(screen.getByRole('button', { name: 'End session' }))

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'The session of bob from 10.0.0.3 had already ended.'
      )
    )
    await waitFor(() => expect(getUsernames()).not.toContain('bob'))
  })

  it('moves focus to the table when the message is dismissed', async () => {
    const { user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))
    await user.click(getRowDeleteButton('bob', '10.0.0.3'))
    await user.click(screen.getByRole('button', { name: 'End session' }))
    const status = screen.getByRole('status')
    await waitFor(() => expect(status).toHaveFocus())

    await user.click(within(status).getByRole('button', { name: 'Dismiss' }))

    expect(status).toBeEmptyDOMElement()
    expect(screen.getByRole('region', { name: 'Sessions' })).toHaveFocus()
  })

  it('says when the deletion failed, claims nothing ended and keeps the row', async () => {
    const { fake, user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))
    fake.failNext('delete', { status: 500, code: 'internal_error', message: 'Boom' })

    await user.click(getRowDeleteButton('bob', '10.0.0.3'))
    await user.click(screen.getByRole('button', { name: 'End session' }))

    const status = screen.getByRole('status')
    await waitFor(() => expect(status).toHaveTextContent(/^The sessions could not be ended\./))
    expect(status).toHaveTextContent('Keep answered with an error (HTTP 500): Boom')
    expect(status).not.toHaveTextContent(/Ended|already ended/)
    expect(status).toHaveAttribute('data-tone', 'error')
    expect(fake.sessions.map((session) => session.id)).toContain('s-bob')
    await waitFor(() => expect(getUsernames()).toContain('bob'))
  })

  it('reports the server refusing to end what has become the admin’s own session', async () => {
    const { fake, user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))
    // Behind the page's back the session now counts as the admin's: the server has the last word.
    fake.sessions = fake.sessions.map((s) => (s.id === 's-bob' ? { ...s, own: true } : s))

    await user.click(getRowDeleteButton('bob', '10.0.0.3'))
    await user.click(screen.getByRole('button', { name: 'End session' }))

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'The session of bob from 10.0.0.3 was not ended: you cannot delete your own session.'
      )
    )
    expect(screen.getByRole('status')).toHaveAttribute('data-tone', 'warning')
    expect(fake.requests).toContain('DELETE /keep/api/admin/sessions/s-bob')
    await waitFor(() =>
      expect(getRowDeleteButton('bob', '10.0.0.3')).toHaveAttribute('aria-disabled', 'true')
    )
  })

  it('cancels with Escape, ends nothing and returns focus to the Delete button', async () => {
    const { fake, user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))
    const button = getRowDeleteButton('bob', '10.0.0.3')

    await user.click(button)
    await user.keyboard('{Escape}')

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(button).toHaveFocus()
    expect(fake.requests.some((request) => request.startsWith('DELETE'))).toBe(false)
  })

  it('keeps Tab inside the dialog', async () => {
    const { user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))

    await user.click(getRowDeleteButton('bob', '10.0.0.3'))
    const dialog = screen.getByRole('dialog')
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' })
    const confirm = within(dialog).getByRole('button', { name: 'End session' })

    await user.tab()
    expect(confirm).toHaveFocus()
    await user.tab()
    expect(cancel).toHaveFocus()
    await user.tab({ shift: true })
    expect(confirm).toHaveFocus()
  })
})

describe('deleting the selected sessions', () => {
  it('confirms with the counts of sessions and users, then ends them in one request', async () => {
    const { fake, user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))

    await user.click(screen.getByRole('checkbox', { name: 'Select all sessions shown' }))
    await user.click(screen.getByRole('button', { name: /Delete Selected/ }))

    const dialog = screen.getByRole('dialog', { name: 'End 3 sessions of 2 users?' })
    expect(dialog).toHaveTextContent('alice')
    expect(dialog).toHaveTextContent('bob')

    await user.click(within(dialog).getByRole('button', { name: 'End sessions' }))

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Ended 3 sessions.'))
    expect(fake.requests).toContain('POST /keep/api/admin/sessions/delete')
    await waitFor(() => expect(getUsernames()).toEqual(['admin']))
    expect(getTileValue('Active Users')).toBe('1')
  })

  it('reports a mix of ended, refused and already ended sessions', async () => {
    const { fake, user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))
    await user.click(screen.getByRole('checkbox', { name: 'Select all sessions shown' }))
    // Behind the page's back: one session ends by itself, another now counts as the admin's own.
    fake.sessions = fake.sessions
      .filter((session) => session.id !== 's-alice-2')
      .map((session) => (session.id === 's-bob' ? { ...session, own: true } : session))

    await user.click(screen.getByRole('button', { name: /Delete Selected/ }))
    await user.click(screen.getByRole('button', { name: 'End sessions' }))

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Ended 1 session. 1 session not ended: you cannot delete your own session. ' +
          '1 session had already ended.'
      )
    )
    await waitFor(() => expect(getRowCheckbox('bob', '10.0.0.3')).toBeDisabled())
    expect(getUsernames()).not.toContain('alice')
  })

  it('says when the request failed and keeps the sessions', async () => {
    const { fake, user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(4))
    fake.failNext('bulk', { status: 503, code: 'service_unavailable' })

    await user.click(getRowCheckbox('alice', '10.0.0.1'))
    await user.click(getRowCheckbox('bob', '10.0.0.3'))
    await user.click(screen.getByRole('button', { name: /Delete Selected/ }))
    await user.click(screen.getByRole('button', { name: 'End sessions' }))

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/The sessions could not be ended/)
    )
    expect(getRows()).toHaveLength(4)
  })
})
