import { describe, expect, it } from 'vitest'

import { spawnKeep } from './testing/keep-process'
import { findFreePort } from './testing/ports'

const STACK_FRAME = /^\s+at /m

describe('the keep process', () => {
  it('should refuse bad settings before starting, naming each, with exit code 1 and no stack', async () => {
    const keep = spawnKeep({ KEEP_PORT: 'eighty', KEEP_SESSION_MAX_AGE: 'soon' })

    expect(await keep.exited).toBe(1)
    expect(keep.stderr()).toContain('KEEP_PORT')
    expect(keep.stderr()).toContain('KEEP_SESSION_MAX_AGE')
    expect(keep.stderr()).not.toMatch(STACK_FRAME)
  })

  it('should name the setting and where it points, and exit 1, when its database refuses', async () => {
    const port = await findFreePort()
    const keep = spawnKeep({
      KEEP_DATABASE_URL: `mysql://root:not-for-logs@127.0.0.1:${port}/keep`,
    })

    expect(await keep.exited).toBe(1)
    expect(keep.stderr()).toBe(
      `Keep cannot start: KEEP_DATABASE_URL: the database at 127.0.0.1:${port} could not be reached (ECONNREFUSED)\n`
    )
    expect(keep.stdout()).not.toContain('not-for-logs')
  })

  it('should start without a database, print the generated admin password once, and stop on SIGTERM', async () => {
    const port = await findFreePort()
    const keep = spawnKeep({
      KEEP_PORT: String(port),
      KEEP_HOST: '127.0.0.1',
      KEEP_LOG_FORMAT: 'pretty',
    })

    await keep.waitForOutput(/keep_started/)
    const health = await fetch(`http://127.0.0.1:${port}/keep/api/health`)
    const password = /Password: (\S+)/.exec(keep.stdout())?.[1] ?? ''
    const login = await fetch(`http://127.0.0.1:${port}/keep/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    })
    keep.child.kill('SIGTERM')

    expect(await keep.exited).toBe(0)
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'memory' })
    expect(login.status).toBe(200)
    expect(keep.stderr()).toContain(
      'No KEEP_DATABASE_URL: sessions live in memory and end when Keep stops'
    )
    expect(keep.stdout().match(/Password: /g)).toHaveLength(1)
    expect(keep.stdout()).toMatch(/keep_stopped/)
  })
})
