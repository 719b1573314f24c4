import { cleanup, screen, waitFor } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { buildOwnSession, buildSession } from './testing/build-session'
import { createFakeKeep } from './testing/fake-keep'
import { getRowCheckbox, getRowDeleteButton, getRows } from './testing/queries'
import { renderSessionsPage } from './testing/render-page'

beforeEach(() => localStorage.clear())

afterEach(cleanup)

function renderMix() {
  const fake = createFakeKeep([
    buildOwnSession({ address: '10.9.9.9' }),
    buildSession({ username: 'alice', address: '10.0.0.1' }),
    buildSession({ username: 'bob', address: '10.0.0.2' }),
  ])

  return renderSessionsPage(fake)
}

const headerCheckbox = () => screen.getByRole('checkbox', { name: 'Select all sessions shown' })

describe('selecting rows', () => {
  it('protects the admin’s own rows: greyed checkbox and Delete, with the reason', async () => {
    const { user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(3))
    const checkbox = getRowCheckbox('admin', '10.9.9.9')
    const button = getRowDeleteButton('admin', '10.9.9.9')

    expect(checkbox).toBeDisabled()
    expect(checkbox).toHaveAccessibleDescription('You cannot delete your own session')
    expect(checkbox.closest('td')).toHaveAttribute('title', 'You cannot delete your own session')
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAccessibleDescription('You cannot delete your own session')
    expect(button).toHaveAttribute('title', 'You cannot delete your own session')

    await user.click(button)

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(getRowCheckbox('alice', '10.0.0.1')).toBeEnabled()
    expect(getRowDeleteButton('alice', '10.0.0.1')).not.toHaveAttribute('aria-disabled')
  })

  it('selects only the selectable rows from the header checkbox, then clears them', async () => {
    const { user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(3))

    await user.click(headerCheckbox())

    expect(getRowCheckbox('alice', '10.0.0.1')).toBeChecked()
    expect(getRowCheckbox('bob', '10.0.0.2')).toBeChecked()
    expect(getRowCheckbox('admin', '10.9.9.9')).not.toBeChecked()
    expect(headerCheckbox()).toBeChecked()
    expect(screen.getByRole('button', { name: /Delete Selected/ })).toHaveTextContent('(2)')

    await user.click(headerCheckbox())

    expect(getRowCheckbox('alice', '10.0.0.1')).not.toBeChecked()
    expect(getRowCheckbox('bob', '10.0.0.2')).not.toBeChecked()
    expect(screen.getByRole('button', { name: /Delete Selected/ })).toBeDisabled()
  })

  it('shows the mixed state when some selectable rows are selected', async () => {
    const { user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(3))

    await user.click(getRowCheckbox('alice', '10.0.0.1'))

    expect(headerCheckbox()).toBePartiallyChecked()

    await user.click(getRowCheckbox('bob', '10.0.0.2'))

    expect(headerCheckbox()).not.toBePartiallyChecked()
    expect(headerCheckbox()).toBeChecked()
  })

  it('disables the header checkbox when only own rows are shown', async () => {
    const fake = createFakeKeep([buildOwnSession()])

    renderSessionsPage(fake)

    await waitFor(() => expect(getRows()).toHaveLength(1))
    expect(headerCheckbox()).toBeDisabled()
  })

  it('drops the selection when the filter changes', async () => {
    const { user } = renderMix()
    await waitFor(() => expect(getRows()).toHaveLength(3))
    await user.click(getRowCheckbox('alice', '10.0.0.1'))

    await user.selectOptions(screen.getByLabelText('Session type'), 'rest')

    expect(screen.getByRole('button', { name: /Delete Selected/ })).toBeDisabled()
  })
})
