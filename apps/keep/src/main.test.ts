import { describe, expect, it } from 'vitest'

import { legacyGet, legacyLogIn, readCookie, restLogIn, rpc } from './testing/channels'
import type { Caller, Credentials } from './testing/channels'
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

  it('should start without a database, print the admin password once, serve every channel and the web UI, and stop on SIGTERM', async () => {
    const port = await findFreePort()
    const keep = spawnKeep({
      KEEP_PORT: String(port),
      KEEP_HOST: '127.0.0.1',
      KEEP_LOG_FORMAT: 'pretty',
      KEEP_SERVER_NAME: 'keep-spawned',
    })

    await keep.waitForOutput(/keep_started/)
    const caller = { url: `http://127.0.0.1:${port}` }
    const admin = { username: 'admin', password: /Password: (\S+)/.exec(keep.stdout())?.[1] ?? '' }
    const answers = await useEveryChannel(caller, admin)
    keep.child.kill('SIGTERM')

    expect(await keep.exited).toBe(0)
    expect(answers).toEqual({
      health: { status: 'ok', store: 'memory', serverName: 'keep-spawned' },
      rest: 200,
      legacy: { status: 303, cookie: true, home: 200 },
      rpc: 'token',
      shell: { status: 200, script: 200 },
    })
    expect(keep.stdout()).toMatch(
      new RegExp(
        ` INFO  keep_started url=http://localhost:${port}/keep/ store=memory serverName=keep-spawned `
      )
    )
    expect(keep.stderr()).toContain(
      'No KEEP_DATABASE_URL: sessions live in memory and end when Keep stops'
    )
    expect(keep.stdout().match(/Password: /g)).toHaveLength(1)
    expect(keep.stdout()).toMatch(/keep_stopped/)
  })
})

/** Logs in through every channel and loads the web UI, answering what each said. */
async function useEveryChannel(caller: Caller, admin: Credentials) {
  const health = (await (await fetch(`${caller.url}/keep/api/health`)).json()) as unknown
  const rest = await restLogIn(caller, admin)
  const legacy = await legacyLogIn(caller, admin)
  const cookie = readCookie(legacy, 'keep_legacy_session')
  const home = await legacyGet(caller, '/keep/legacy/', cookie)
  const rpcLogin = await rpc(caller, 'session.login', admin)
  const rpcToken = (rpcLogin.body.result as { token?: unknown } | undefined)?.token

  return {
    health,
    rest: rest.status,
    legacy: { status: legacy.status, cookie: cookie !== undefined, home: home.status },
    rpc: typeof rpcToken === 'string' ? 'token' : JSON.stringify(rpcLogin.body),
    shell: await loadShell(caller),
  }
}

async function loadShell(caller: Caller) {
  const shell = await fetch(`${caller.url}/keep/`)
  const script = /<script[^>]+src="(\/keep\/assets\/[^"]+\.js)"/.exec(await shell.text())?.[1]
  const asset = script ? await fetch(`${caller.url}${script}`) : undefined

  return { status: shell.status, script: asset?.status }
}
