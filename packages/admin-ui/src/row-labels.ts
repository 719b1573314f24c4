import { SESSION_TYPE_LABELS } from '@keep/core'
import type { SessionItem } from '@keep/sdk'

import { formatRelativeTime, parseTime } from './relative-time'

type Described = Pick<SessionItem, 'id' | 'username' | 'type' | 'address' | 'lastActiveAt'>

/**
 * A name per row for its checkbox and Delete button, e.g. "alice (REST API, 10.0.0.1, active
 * 2 min ago)". Screen reader users pick a control by its name, so rows that would still read
 * the same are told apart by their place among their twins ("…, 2 of 2)").
 */
export function getRowLabels(items: readonly Described[], now: Date): ReadonlyMap<string, string> {
  const names = items.map((item) => `${item.username} (${describeSession(item, now)}`)
  const totals = countEach(names)
  const seen = new Map<string, number>()
  const labels = new Map<string, string>()

  items.forEach((item, index) => {
    const name = names[index] ?? item.username
    const total = totals.get(name) ?? 1
    const place = (seen.get(name) ?? 0) + 1

    seen.set(name, place)
    labels.set(item.id, total > 1 ? `${name}, ${String(place)} of ${String(total)})` : `${name})`)
  })

  return labels
}

/** What tells one session from another, the user aside: "REST API, 10.0.0.1, active 2 min ago". */
function describeSession(item: Described, now: Date): string {
  const lastActive = parseTime(item.lastActiveAt)
  const active = lastActive ? `active ${formatRelativeTime(lastActive, now)}` : 'activity unknown'

  return `${SESSION_TYPE_LABELS[item.type]}, ${item.address}, ${active}`
}

function countEach(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)

  return counts
}
