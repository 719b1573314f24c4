import { cleanup, screen, waitFor, within } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { COLUMNS_STORAGE_KEY } from './column-storage'
import { buildSession } from './testing/build-session'
import { createFakeKeep } from './testing/fake-keep'
import { getRows } from './testing/queries'
import { renderSessionsPage } from './testing/render-page'

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'

beforeEach(() => localStorage.clear())

afterEach(cleanup)

function headers(): string[] {
  return within(screen.getByRole('table'))
    .getAllByRole('columnheader')
    .map((th) => th.textContent?.replace(/[▲▼]/g, '') ?? '')
    .filter((text) => text !== '' && text !== 'Actions')
}

function renderOne() {
  const fake = createFakeKeep([
    buildSession({ username: 'alice', serverName: 'keep-eu-2', userAgent: CHROME_ON_WINDOWS }),
  ])

  return renderSessionsPage(fake)
}

async function openMenu(user: ReturnType<typeof renderOne>['user']) {
  await user.click(screen.getByRole('button', { name: 'Show/Hide Columns' }))

  return within(screen.getByRole('group', { name: 'Columns' }))
}

describe('Show/Hide Columns', () => {
  it('adds Server Name and User Agent, hides a default, and remembers it after a remount', async () => {
    const first = renderOne()
    await waitFor(() => expect(getRows()).toHaveLength(1))

    const menu = await openMenu(first.user)
    await first.user.click(menu.getByRole('checkbox', { name: 'Server Name' }))
    await first.user.click(menu.getByRole('checkbox', { name: 'User Agent' }))
    await first.user.click(menu.getByRole('checkbox', { name: 'Address' }))

    const expected = ['Username', 'Session Type', 'Last Active', 'Server Name', 'User Agent']
    expect(headers()).toEqual(expected)
    expect(screen.getByText('keep-eu-2')).toBeInTheDocument()
    const agent = await screen.findByText('Chrome 120 · Windows 10')
    expect(agent).toHaveAttribute('title', CHROME_ON_WINDOWS)

    first.unmount()
    renderOne()
    await waitFor(() => expect(getRows()).toHaveLength(1))

    expect(headers()).toEqual(expected)
  })

  it('keeps at least one column', async () => {
    const { user } = renderOne()
    const menu = await openMenu(user)

    for (const name of ['Session Type', 'Address', 'Last Active']) {
      await user.click(menu.getByRole('checkbox', { name }))
    }

    expect(headers()).toEqual(['Username'])
    expect(menu.getByRole('checkbox', { name: 'Username' })).toBeDisabled()
  })

  it('closes with Escape and gives focus back to its button', async () => {
    const { user } = renderOne()
    await openMenu(user)
    const button = screen.getByRole('button', { name: 'Show/Hide Columns' })
    expect(button).toHaveAttribute('aria-expanded', 'true')

    await user.keyboard('{Escape}')

    expect(screen.queryByRole('group', { name: 'Columns' })).not.toBeInTheDocument()
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })

  it('falls back to the default columns when the stored choice is broken', async () => {
    localStorage.setItem(COLUMNS_STORAGE_KEY, '{"visible": [')

    renderOne()
    await waitFor(() => expect(getRows()).toHaveLength(1))

    expect(headers()).toEqual(['Username', 'Session Type', 'Address', 'Last Active'])
  })
})
