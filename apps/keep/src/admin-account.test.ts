import { createScryptHasher } from '@keep/api'
import { MemoryUserStore } from '@keep/core'
import { createManualClock } from '@keep/core/testing'
import { describe, expect, it } from 'vitest'

import { ensureAdminAccount, generatePassword } from './admin-account'
import { createLogger } from './log'

const passwords = createScryptHasher({ N: 1024, r: 8, p: 1 })

function setUp() {
  const lines: string[] = []
  const logger = createLogger({ format: 'pretty', sink: (line) => lines.push(line) })
  const deps = { users: new MemoryUserStore(), passwords, clock: createManualClock(), logger }

  return { deps, lines }
}

describe('ensureAdminAccount', () => {
  it('should create the admin with the configured password and print no password', async () => {
    const { deps, lines } = setUp()

    await ensureAdminAccount(deps, 'configured-password')

    const admin = await deps.users.findByUsername('admin')
    expect(admin?.role).toBe('admin')
    expect(await passwords.verify('configured-password', admin?.passwordHash ?? '')).toBe(true)
    expect(lines.join('\n')).not.toContain('configured-password')
  })

  it('should generate a password and print it once, clearly marked', async () => {
    const { deps, lines } = setUp()

    await ensureAdminAccount(deps, null)
    await ensureAdminAccount(deps, null)

    const notices = lines.filter((line) => line.includes('Password: '))
    const password = /Password: (\S+)/.exec(notices[0] ?? '')?.[1] ?? ''
    const admin = await deps.users.findByUsername('admin')
    expect(notices).toHaveLength(1)
    expect(password.length).toBeGreaterThanOrEqual(20)
    expect(await passwords.verify(password, admin?.passwordHash ?? '')).toBe(true)
  })

  it('should leave an existing admin and its password alone', async () => {
    const { deps } = setUp()
    await ensureAdminAccount(deps, 'first-password')

    await ensureAdminAccount(deps, 'second-password')

    const admin = await deps.users.findByUsername('admin')
    expect(await passwords.verify('first-password', admin?.passwordHash ?? '')).toBe(true)
  })
})

describe('generatePassword', () => {
  it('should make long passwords that differ every time', () => {
    const generated = new Set(Array.from({ length: 50 }, generatePassword))

    expect(generated.size).toBe(50)
    expect([...generated].every((password) => password.length >= 20)).toBe(true)
  })
})
