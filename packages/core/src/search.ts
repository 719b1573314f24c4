import type { Session } from './session'

/** A session matches when its username or address contains the text, ignoring case. */
export function matchesSearch(session: Session, search: string): boolean {
  const needle = search.toLowerCase()

  return (
    session.user.username.toLowerCase().includes(needle) ||
    session.address.toLowerCase().includes(needle)
  )
}
