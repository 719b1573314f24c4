const MAX_CAUSE_DEPTH = 5

/** Whether a failure means the database cannot be reached right now (a 503, not a 500). */
export function isStoreUnavailable(error: unknown): boolean {
  let current = error

  for (
    let depth = 0;
    depth < MAX_CAUSE_DEPTH && typeof current === 'object' && current;
    depth += 1
  ) {
    const link = current as { name?: unknown; kind?: unknown; cause?: unknown }

    if (link.name === 'StoreError') {
      return link.kind === 'unavailable'
    }

    current = link.cause
  }

  return false
}
