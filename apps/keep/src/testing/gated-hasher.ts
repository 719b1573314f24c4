import type { PasswordHasher } from '@keep/api'

import { TEST_PASSWORDS } from './test-keep'

export interface GatedHasher {
  readonly passwords: PasswordHasher
  /** Resolves once a password check has started and is waiting at the gate. */
  readonly checking: Promise<void>
  /** Lets every waiting and later check go on. */
  open(): void
}

/** The test hasher, but every password check waits until `open`: a log-in held in flight. */
export function createGatedHasher(): GatedHasher {
  const opening: (() => void)[] = []
  const arriving: (() => void)[] = []
  const gate = new Promise<void>((resolve) => opening.push(resolve))
  const checking = new Promise<void>((resolve) => arriving.push(resolve))

  return {
    passwords: {
      hash: (password) => TEST_PASSWORDS.hash(password),
      verify: async (password, stored) => {
        arriving.forEach((arrive) => arrive())
        await gate

        return TEST_PASSWORDS.verify(password, stored)
      },
    },
    checking,
    open: () => opening.forEach((open) => open()),
  }
}
