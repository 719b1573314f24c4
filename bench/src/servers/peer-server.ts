import type { Server } from 'node:net'

import express from 'express'
import session from 'express-session'

import { readConfig, runChild, tell } from './child-runtime'
import { createPeerStore } from './peer-store'
import type { PeerServerConfig } from './protocol'

declare module 'express-session' {
  interface SessionData {
    user: { id: string; username: string; role: string }
  }
}

/*
 * The common Node MySQL session stack with its defaults: express-session (resave false,
 * saveUninitialized false) over express-mysql-session, which touches the row on every request
 * unless disableTouch is set.
 */
const config = readConfig<PeerServerConfig>('peer')
const store = createPeerStore({
  url: config.databaseUrl,
  poolSize: config.poolSize,
  disableTouch: config.disableTouch,
})
const app = express()

app.use(session({ secret: config.secret, resave: false, saveUninitialized: false, store }))

app.get('/me', (req, res) => {
  const user = req.session.user

  if (!user) {
    res.status(401).json({ error: { code: 'unauthenticated', message: 'Log in first.' } })
    return
  }

  res.json({ user, session: { id: req.sessionID, type: 'rest' } })
})

await store.onReady()

const server: Server = app.listen(0, '127.0.0.1', () => {
  const address = server.address()

  tell({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 })
})

runChild({ server, close: () => store.close() })
