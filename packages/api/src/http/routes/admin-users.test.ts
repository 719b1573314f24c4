import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@keep/core'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { LoginResult, User } from '../schemas'
import { createHarness, signIn } from '../testing-kit/harness'
import type { Harness, SignedIn } from '../testing-kit/harness'
import { allStoreFactories } from '../testing-kit/store-factories'

const NEW_PASSWORD = 'a fresh password'

describe.each(allStoreFactories())('POST /admin/users on $name stores', (factory) => {
  let h: Harness
  let admin: SignedIn

  beforeEach(async () => {
    h = createHarness({ stores: await factory.open() })
    admin = await signIn(h, 'admin')
  })

  afterAll(() => factory.close())

  function createUser(body: Record<string, unknown>) {
    return h.send('/admin/users', { token: admin.token, json: body })
  }

  it('creates a user who can then log in', async () => {
    const response = await createUser({ username: 'grace', password: NEW_PASSWORD, role: 'admin' })
    const user = User.parse(await response.json())

    expect(response.status).toBe(201)
    expect(user).toEqual({ id: user.id, username: 'grace', role: 'admin' })

    const login = await h.send('/auth/login', {
      json: { username: 'grace', password: NEW_PASSWORD },
    })

    expect(LoginResult.parse(await login.json()).user).toEqual(user)
  })

  it('logs who created whom, never the password', async () => {
    const response = await createUser({ username: 'grace', password: NEW_PASSWORD, role: 'user' })
    const user = User.parse(await response.json())

    expect(h.logs).toEqual([
      {
        level: 'info',
        event: 'user_created',
        fields: {
          actorId: admin.user.id,
          actorUsername: admin.user.username,
          userId: user.id,
          username: 'grace',
          role: 'user',
        },
      },
    ])
    expect(JSON.stringify(h.logs)).not.toContain(NEW_PASSWORD)
  })

  it('answers 409 for a taken name, whatever its case', async () => {
    await createUser({ username: 'grace', password: NEW_PASSWORD, role: 'user' })

    const response = await createUser({ username: 'GRACE', password: NEW_PASSWORD, role: 'user' })

    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ error: { code: 'username_taken' } })
  })

  it.each([
    [
      'a username against the rule',
      { username: '-grace', password: NEW_PASSWORD, role: 'user' },
      'username',
    ],
    [
      'a username too long',
      { username: 'g'.repeat(65), password: NEW_PASSWORD, role: 'user' },
      'username',
    ],
    [
      'a short password',
      { username: 'grace', password: 'x'.repeat(MIN_PASSWORD_LENGTH - 1), role: 'user' },
      'password',
    ],
    [
      'a long password',
      { username: 'grace', password: 'x'.repeat(MAX_PASSWORD_LENGTH + 1), role: 'user' },
      'password',
    ],
    ['an unknown role', { username: 'grace', password: NEW_PASSWORD, role: 'root' }, 'role'],
    ['no role', { username: 'grace', password: NEW_PASSWORD }, 'role'],
  ])('refuses %s naming the field, and creates nobody', async (_label, body, field) => {
    const response = await createUser(body)
    const { error } = (await response.json()) as { error: { code: string; message: string } }

    expect(response.status).toBe(400)
    expect(error.code).toBe('invalid_request')
    expect(error.message.startsWith(`${field}: `)).toBe(true)
    expect(await h.stores.users.findByUsername('grace')).toBeNull()
  })
})
