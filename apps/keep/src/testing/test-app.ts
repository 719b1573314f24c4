import { createAccount } from '@keep/api'
import type { Role } from '@keep/core'
import { createManualClock } from '@keep/core/testing'

import { createKeepApp } from '../app'
import type { KeepAppDeps } from '../app'
import { USER_PASSWORD } from './channels'
import { TEST_PASSWORDS, loadTestConfig } from './test-keep'
import type { TestKeepOptions } from './test-keep'

/** Keep's app in process, for `app.request()`, on memory stores with one user per role. */
export async function createTestApp(
  options: TestKeepOptions & { deps?: Partial<KeepAppDeps> } = {}
) {
  const config = loadTestConfig(options)
  const clock = options.clock ?? createManualClock()
  const keep = createKeepApp(config, { clock, passwords: TEST_PASSWORDS, ...options.deps })
  const accountDeps = { users: keep.deps.stores.users, passwords: TEST_PASSWORDS, clock }

  for (const [username, role] of [
    ['alice', 'user'],
    ['root', 'admin'],
  ] as [string, Role][]) {
    await createAccount(accountDeps, { username, password: USER_PASSWORD, role })
  }

  return { ...keep, config, clock }
}

/** Bindings that stand in for the socket peer of an in-process request. */
export function fromPeer(peer: string) {
  return { peer }
}
