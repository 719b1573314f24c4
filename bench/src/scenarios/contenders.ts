import { DEFAULT_SESSION_POLICY } from '@keep/core'

import { LOAD_USER_PREFIX, makeAllDueForTouch, spreadOverTouchInterval } from '../db/activity'
import { connectTo, createKeepDatabase, KEEP_DATABASE, PEER_DATABASE } from '../db/keep-database'
import type { Credential } from '../load/cannon'
import { bearer } from '../load/cannon'
import { checkAccepted } from '../load/measure'
import { createPeerTable, seedPeerSessions } from '../seed/peer-sessions'
import { seedKeepSessions } from '../seed/keep-sessions'
import type { KeepSeed } from '../seed/keep-sessions'
import { spawnServer } from '../servers/spawn'
import type { ChildServer } from '../servers/spawn'
import type { ScenarioContext } from './types'

export const PEER_SECRET = 'bench-peer-secret-not-for-production'

/** A server under load, the path it answers on, and the credentials to present to it. */
export interface Contender {
  readonly label: string
  readonly server: ChildServer
  readonly path: string
  readonly credentials: readonly Credential[]
  /** Puts the server's data in the state the contender is measured in, before each run. */
  readonly prepare?: () => Promise<void>
}

export const KEEP_ME = '/keep/api/me'

/**
 * Keep's sessions with Last Active spread over the idle window, so most of them are due a
 * touch on their first request, as they would be in a fresh busy hour.
 */
export async function seedKeep(context: ScenarioContext, sessions: number): Promise<KeepSeed> {
  await createKeepDatabase(context.server, KEEP_DATABASE)

  return addSessions(context, { sessions, label: LOAD_USER_PREFIX.replace(/-$/, '') })
}

/** More users and sessions in the Keep database as it is. */
export async function addSessions(
  context: ScenarioContext,
  options: { readonly sessions: number; readonly label: string; readonly role?: 'user' | 'admin' }
): Promise<KeepSeed> {
  const connection = await connectTo(context.server.urlFor(KEEP_DATABASE))

  try {
    return await seedKeepSessions(connection, {
      ...options,
      now: new Date(),
      lastActiveSpreadMs: DEFAULT_SESSION_POLICY.idleTimeoutMs - 5 * 60_000,
    })
  } finally {
    await connection.end()
  }
}

export function keepCredentials(seed: KeepSeed): Credential[] {
  return seed.sessions.map((session) => bearer(session.id, session.token))
}

export async function startKeep(
  context: ScenarioContext,
  serverName: string
): Promise<ChildServer> {
  return spawnServer(
    {
      kind: 'keep',
      databaseUrl: context.server.urlFor(KEEP_DATABASE),
      poolSize: context.settings.load.poolSize,
      serverName,
    },
    { label: serverName, profile: context.settings.profile }
  )
}

/**
 * Keep as measured for the targets, with its sessions in the state of constant use, and the
 * same server with every session due for a touch, the worst case after a pause.
 */
export async function keepContenders(
  context: ScenarioContext,
  seed: KeepSeed
): Promise<Contender[]> {
  const server = await startKeep(context, 'keep')
  const steady = steadyKeep(context, { server, seed })

  return [
    await verified(steady),
    {
      ...steady,
      label: 'Keep, every session due a touch',
      prepare: () => makeAllDueForTouch(context.server),
    },
  ]
}

/** Keep with its load sessions in the state of constant use before every run. */
export function steadyKeep(
  context: ScenarioContext,
  input: { readonly server: ChildServer; readonly seed: KeepSeed }
): Contender {
  return {
    label: 'Keep',
    server: input.server,
    path: KEEP_ME,
    credentials: keepCredentials(input.seed),
    prepare: () => spreadOverTouchInterval(context.server),
  }
}

export async function peerContenders(
  context: ScenarioContext,
  sessions: number
): Promise<Contender[]> {
  const url = context.server.urlFor(PEER_DATABASE)

  await context.server.recreate(PEER_DATABASE)

  const connection = await connectTo(url)
  const seeded = await seedPeer(connection, sessions).finally(() => connection.end())
  const credentials = seeded.map((session) => ({
    key: session.id,
    headers: { cookie: session.cookie },
  }))
  const start = (disableTouch: boolean, label: string) =>
    spawnServer(
      {
        kind: 'peer',
        databaseUrl: url,
        poolSize: context.settings.load.poolSize,
        secret: PEER_SECRET,
        disableTouch,
      },
      { label: label.replace(/\W+/g, '-'), profile: context.settings.profile }
    )

  return Promise.all([
    start(false, 'peer').then((server) =>
      verified({ label: 'Peer (express-session, touch on)', server, path: '/me', credentials })
    ),
    start(true, 'peer-no-touch').then((server) =>
      verified({ label: 'Peer (disableTouch)', server, path: '/me', credentials })
    ),
  ])
}

async function seedPeer(connection: Awaited<ReturnType<typeof connectTo>>, sessions: number) {
  await createPeerTable(connection)

  return seedPeerSessions(connection, { sessions, secret: PEER_SECRET, now: new Date() })
}

/** The floor and the ceiling, on Keep's own sessions table. */
export async function boundContenders(
  context: ScenarioContext,
  seed: KeepSeed
): Promise<Contender[]> {
  const databaseUrl = context.server.urlFor(KEEP_DATABASE)
  const poolSize = context.settings.load.poolSize
  const ids = seed.sessions.map((session) => bearer(session.id, session.id))
  const [floor, ceiling] = await Promise.all([
    spawnServer({ kind: 'floor', databaseUrl, poolSize }, { label: 'floor', profile: false }),
    spawnServer({ kind: 'ceiling', databaseUrl, poolSize }, { label: 'ceiling', profile: false }),
  ])

  return Promise.all([
    verified({
      label: 'Floor (raw mysql2 PK select)',
      server: floor,
      path: '/floor',
      credentials: ids,
    }),
    verified({
      label: 'Ceiling (no session check)',
      server: ceiling,
      path: '/ceiling',
      credentials: ids,
    }),
  ])
}

export async function verified(contender: Contender): Promise<Contender> {
  const first = contender.credentials[0]

  if (first) {
    await checkAccepted(contender.server.url + contender.path, first.headers)
  }

  return contender
}
