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
  return screen.getByRole('checkbox', { name: `Select session of ${username} from ${address}` })
}

export function getRowDeleteButton(username: string, address: string): HTMLElement {
  return screen.getByRole('button', { name: `Delete session of ${username} from ${address}` })
}
