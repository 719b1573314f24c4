import { randomInt } from 'node:crypto'

import { createAccount } from '@keep/api'
import type { AccountDeps } from '@keep/api'

import type { KeepLogger } from './log'

export const ADMIN_USERNAME = 'admin'

const GENERATED_PASSWORD_LENGTH = 24
// No look-alike characters, so the password survives being read off a terminal.
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'

export interface AdminAccountDeps extends AccountDeps {
  readonly logger: KeepLogger
}

/**
 * Creates the built-in admin on first start. Its password is the configured one, or a
 * generated one printed once; a later start leaves an existing admin untouched.
 */
export async function ensureAdminAccount(
  deps: AdminAccountDeps,
  configuredPassword: string | null
): Promise<void> {
  if (await deps.users.findByUsername(ADMIN_USERNAME)) {
    return
  }

  const password = configuredPassword ?? generatePassword()
  const created = await createAccount(deps, { username: ADMIN_USERNAME, password, role: 'admin' })

  // Another instance starting on the same database created it first; its password stands.
  if (!created.ok) {
    return
  }

  deps.logger.info('admin_created', {
    user: ADMIN_USERNAME,
    source: configuredPassword ? 'KEEP_ADMIN_PASSWORD' : 'generated',
  })

  if (!configuredPassword) {
    deps.logger.notice('Keep created the built-in admin user with a generated password.', [
      `Username: ${ADMIN_USERNAME}`,
      `Password: ${password}`,
      'It is shown this once: keep it somewhere safe. Set KEEP_ADMIN_PASSWORD to choose your own',
      'on a fresh database.',
    ])
  }
}

export function generatePassword(): string {
  return Array.from(
    { length: GENERATED_PASSWORD_LENGTH },
    () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]
  ).join('')
}
