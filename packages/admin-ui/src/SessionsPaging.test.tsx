import { cleanup, screen, waitFor } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { buildSession } from './testing/build-session'
import { createFakeKeep } from './testing/fake-keep'
import { getRows, getUsernames } from './testing/queries'
import { currentSearch, renderSessionsPage } from './testing/render-page'

beforeEach(() => localStorage.clear())

afterEach(cleanup)

function buildUsers(count: number) {
  return Array.from({ length: count }, (_, i) =>
    buildSession({ username: `user${String(i + 1).padStart(2, '0')}` })
  )
}

describe('paging', () => {
  it('walks through the pages with the cursor, and back', async () => {
    const fake = createFakeKeep(buildUsers(30))
    const { user } = renderSessionsPage(fake, '?sort=username&limit=25')
    const next = () => screen.getByRole('button', { name: 'Next' })
    const previous = () => screen.getByRole('button', { name: 'Previous' })

    await waitFor(() => expect(getRows()).toHaveLength(25))
    expect(screen.getByText('1–25 of 30')).toBeInTheDocument()
    expect(previous()).toHaveAttribute('aria-disabled', 'true')

    await user.click(next())

    await waitFor(() => expect(getUsernames()[0]).toBe('user26'))
    expect(getRows()).toHaveLength(5)
    expect(screen.getByText('26–30 of 30')).toBeInTheDocument()
    expect(next()).toHaveAttribute('aria-disabled', 'true')
    expect(fake.requests.at(-1)).toMatch(/cursor=/)

    await user.click(previous())

    await waitFor(() => expect(getUsernames()[0]).toBe('user01'))
    expect(previous()).toHaveAttribute('aria-disabled', 'true')
  })

  it('changes the page size and keeps it in the URL', async () => {
    const fake = createFakeKeep(buildUsers(30))
    const { user, history } = renderSessionsPage(fake)
    await waitFor(() => expect(getRows()).toHaveLength(30))

    await user.selectOptions(screen.getByLabelText('Rows per page'), '25')

    await waitFor(() => expect(getRows()).toHaveLength(25))
    expect(currentSearch(history).get('limit')).toBe('25')
    expect(fake.requests.at(-1)).toMatch(/limit=25/)
  })

  it('starts again on the first page when the sort changes', async () => {
    const fake = createFakeKeep(buildUsers(30))
    const { user } = renderSessionsPage(fake, '?limit=25&sort=username')
    await waitFor(() => expect(getRows()).toHaveLength(25))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(getRows()).toHaveLength(5))

    await user.click(screen.getByRole('button', { name: 'Username' }))

    await waitFor(() => expect(getUsernames()[0]).toBe('user30'))
    expect(fake.requests.at(-1)).not.toMatch(/cursor=/)
    expect(screen.getByText('1–25 of 30')).toBeInTheDocument()
  })

  it('steps back a page when a deletion empties the last one', async () => {
    const fake = createFakeKeep(buildUsers(26))
    const { user } = renderSessionsPage(fake, '?sort=username&limit=25')
    await waitFor(() => expect(getRows()).toHaveLength(25))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(getUsernames()).toEqual(['user26']))

    await user.click(screen.getByRole('button', { name: /^Delete session of user26 / }))
    await user.click(screen.getByRole('button', { name: 'End session' }))

    await waitFor(() => expect(getUsernames()[0]).toBe('user01'))
    expect(getRows()).toHaveLength(25)
    expect(screen.getByText('1–25 of 25')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveAttribute(
      'aria-disabled',
      'true'
    )
    expect(screen.getByRole('status')).toHaveTextContent(/^Ended the session of user26 /)
  })
})
