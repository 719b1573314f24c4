import { DEFAULT_SESSION_POLICY } from '@keep/core'

import type { DbServer } from './server'
import { KEEP_DATABASE } from './keep-database'

/** Usernames of the sessions the load generators present; other rows are left alone. */
export const LOAD_USER_PREFIX = 'bench-user-'

const { touchIntervalMs, idleTimeoutMs } = DEFAULT_SESSION_POLICY

/**
 * The state of sessions in constant use: Last Active spread evenly over the last touch
 * interval, so each comes due for its next touch at a different moment and a steady load
 * writes about sessions ÷ interval touches a second, however the runs are interleaved.
 */
export function spreadOverTouchInterval(server: DbServer): Promise<void> {
  return spreadLastActive(server, { agoMs: 0, spanMs: touchIntervalMs })
}

/** Every session last used more than a touch interval ago: its next request writes. */
export function makeAllDueForTouch(server: DbServer): Promise<void> {
  return spreadLastActive(server, {
    agoMs: touchIntervalMs + 1_000,
    spanMs: idleTimeoutMs - touchIntervalMs - 5 * 60_000,
  })
}

async function spreadLastActive(
  server: DbServer,
  spread: { readonly agoMs: number; readonly spanMs: number }
): Promise<void> {
  await server.admin.query(
    `UPDATE \`${KEEP_DATABASE}\`.sessions
        SET last_active_at = TIMESTAMPADD(MICROSECOND, -1000 * (? + FLOOR(RAND() * ?)), UTC_TIMESTAMP(3))
      WHERE username LIKE ?`,
    [spread.agoMs, spread.spanMs, `${LOAD_USER_PREFIX}%`]
  )
}
