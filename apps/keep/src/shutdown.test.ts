import { connect } from 'node:net'

import { describe, expect, it } from 'vitest'

import { restLogIn } from './testing/channels'
import { createGatedHasher } from './testing/gated-hasher'
import { ADMIN_PASSWORD, startKeepOnMariaDb } from './testing/test-keep'

/** The error code of a fresh TCP connection to the origin, or 'connected'. */
function tryToConnect(origin: string): Promise<string> {
  const { hostname, port } = new URL(origin)

  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) })

    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
}

describe('closing Keep', () => {
  it('should finish the request in flight, refuse new connections, then close the pool', async () => {
    const gated = createGatedHasher()
    const { keep, database } = await startKeepOnMariaDb({ passwords: gated.passwords })

    try {
      expect(await tryToConnect(keep.url)).toBe('connected')
      const inFlight = restLogIn({ url: keep.url }, { username: 'admin', password: ADMIN_PASSWORD })
      await gated.checking

      const closing = keep.close()
      const newConnection = await tryToConnect(keep.url)
      gated.open()
      const [response] = await Promise.all([inFlight, closing])

      expect(newConnection).toBe('ECONNREFUSED')
      expect(response.status).toBe(200)
      expect(response.headers.get('Connection')).toBe('close')
      await expect(keep.stores.users.findByUsername('admin')).rejects.toMatchObject({
        kind: 'unavailable',
      })
      expect(await database.pool.query('SELECT 1')).toBeTruthy()
      expect(keep.logs.at(-1)).toContain('"event":"keep_stopped"')
    } finally {
      await database.close()
    }
  })
})
