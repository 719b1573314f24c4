import type { NewSession, Role, SessionType, SessionUser } from '../session'
import { generateId, generateSessionToken, hashSessionToken } from '../token'
import type { NewUser } from '../user-store'

export function buildUser(overrides: Partial<NewUser> = {}): NewUser {
  return {
    id: generateId(),
    username: `user-${generateId().slice(0, 8)}`,
    role: 'user' satisfies Role,
    passwordHash: 'not-a-real-hash',
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    ...overrides,
  }
}

export interface SessionOverrides {
  readonly user: SessionUser
  readonly type?: SessionType
  readonly address?: string
  readonly serverName?: string
  readonly userAgent?: string
  readonly createdAt?: Date
  readonly lastActiveAt?: Date
}

export interface BuiltSession {
  readonly token: string
  readonly session: NewSession
}

export async function buildSession(overrides: SessionOverrides): Promise<BuiltSession> {
  const token = generateSessionToken()
  const createdAt = overrides.createdAt ?? new Date('2026-01-15T08:30:00.000Z')

  return {
    token,
    session: {
      id: generateId(),
      tokenHash: await hashSessionToken(token),
      type: 'rest',
      address: '192.0.2.10',
      serverName: 'keep-1',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0',
      lastActiveAt: createdAt,
      ...overrides,
      createdAt,
    },
  }
}

export function toSessionUser(user: NewUser): SessionUser {
  return { id: user.id, username: user.username, role: user.role }
}
