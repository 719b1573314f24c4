import {
  MemoryLoginFailureStore,
  MemorySessionStore,
  MemoryUserStore,
  createLoginLimits,
  createSessionPolicy,
  getActivityWindow,
  isWellFormedId,
  parseListQuery,
} from '@keep/core'
import type { NewSession } from '@keep/core'
import { createManualClock } from '@keep/core/testing'
import { describe, expect, it } from 'vitest'

import { createAccount } from './accounts'
import { createScryptHasher } from './password'
import { createSessionService } from './session-service'

// Long enough that sharing it by chance is out of the question, short enough to catch a slice.
const SHORTEST_PART = 8
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'

/** Keeps what each log-in handed the store, so that the stored token hash can be read back. */
class RecordingSessionStore extends MemorySessionStore {
  readonly created: NewSession[] = []

  override create(session: NewSession): Promise<void> {
    this.created.push(session)

    return super.create(session)
  }
}

async function logIn() {
  const clock = createManualClock()
  const sessions = new RecordingSessionStore()
  const deps = {
    sessions,
    users: new MemoryUserStore(),
    loginFailures: new MemoryLoginFailureStore(),
    passwords: createScryptHasher({ N: 1024, r: 8, p: 1 }),
    clock,
    policy: createSessionPolicy({}),
    loginLimits: createLoginLimits({}),
    serverName: 'keep-test',
  }
  await createAccount(deps, { username: 'ann', password: 'correct horse', role: 'user' })

  const loggedIn = await createSessionService(deps).login({
    username: 'ann',
    password: 'correct horse',
    type: 'rest',
    address: '192.0.2.4',
    userAgent: undefined,
  })

  if (!loggedIn.ok) {
    throw new Error(`the log-in was refused: ${loggedIn.error.code}`)
  }

  const listed = await sessions.list(listQuery(), getActivityWindow(deps.policy, clock.now()))

  return { token: loggedIn.value.token, stored: sessions.created, listed: listed.items }
}

function listQuery() {
  const parsed = parseListQuery({})

  if (!parsed.ok) {
    throw new Error(parsed.error.message)
  }

  return parsed.value
}

/** The parts of `secret` of the given length that also appear in `text`. */
function sharedParts(text: string, secret: string, length: number): string[] {
  return Array.from({ length: secret.length - length + 1 }, (_, start) =>
    secret.slice(start, start + length)
  ).filter((part) => text.includes(part))
}

function fromBase32(text: string): Buffer {
  const bits = [...text].map((char) => BASE32_ALPHABET.indexOf(char).toString(2).padStart(5, '0'))
  const bytes = bits.join('').match(/.{8}/g) ?? []

  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)))
}

describe('the session id admins see', () => {
  it('should be well formed and neither be nor reveal the token or its stored hash', async () => {
    const { token, stored, listed } = await logIn()
    const [session] = stored
    const id = listed[0]?.id ?? ''
    const tokenHash = session?.tokenHash ?? ''

    expect(listed.map((s) => s.id)).toEqual([session?.id])
    expect(isWellFormedId(id)).toBe(true)
    expect(id).not.toBe(token)
    expect(sharedParts(id, token, SHORTEST_PART)).toEqual([])
    expect(sharedParts(id, tokenHash, SHORTEST_PART)).toEqual([])
  })

  it('should share no bytes with the token or its hash in any encoding', async () => {
    const { token, stored, listed } = await logIn()
    const idBytes = fromBase32(listed[0]?.id ?? '').toString('hex')
    const tokenBytes = Buffer.from(token, 'base64url').toString('hex')

    // Compared as hex, so that a run of four bytes is a part of eight characters.
    expect(sharedParts(idBytes, tokenBytes, SHORTEST_PART)).toEqual([])
    expect(sharedParts(idBytes, stored[0]?.tokenHash ?? '', SHORTEST_PART)).toEqual([])
  })
})
