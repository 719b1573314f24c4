import { screen, within } from '@solidjs/testing-library'

/** The session rows of the table: no header row, no placeholders, no empty-state row. */
export function getRows(): HTMLElement[] {
  return [...screen.getByRole('table').querySelectorAll<HTMLElement>('tr[data-session-id]')]
}

/** The usernames of the rows shown, top to bottom. */
export function getUsernames(): string[] {
  return getRows().map((row) => row.querySelector('.kas-username')?.textContent ?? '')
}

/** The number on a tile, as text. */
export function getTileValue(label: string): string {
  const tiles = within(screen.getByRole('list', { name: 'Session counts' }))
  const tile = tiles.getByText(label).closest('li')

  return tile?.querySelector('.kas-tile__value')?.textContent ?? ''
}

export function getRowCheckbox(username: string, address: string): HTMLElement {
  return screen.getByRole('checkbox', { name: rowControlName('Select', username, address) })
}

export function getRowDeleteButton(username: string, address: string): HTMLElement {
  return screen.getByRole('button', { name: rowControlName('Delete', username, address) })
}

/** Matches "Delete session of bob (Other, 10.0.0.3, active 2 min ago)" whatever the type and time. */
function rowControlName(verb: string, username: string, address: string): RegExp {
  return new RegExp(`^${verb} session of ${escape(username)} \\([^,]+, ${escape(address)}, `)
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
