import { DEFAULT_LOGIN_LIMITS, DEFAULT_SESSION_POLICY, MemoryLoginFailureStore } from '@keep/core'
import { createManualClock } from '@keep/core/testing'

import { connectTo, createKeepDatabase, KEEP_DATABASE, PEER_DATABASE } from '../db/keep-database'
import { writeStatements } from '../db/status'
import type { Counters } from '../db/status'
import { createScryptHasher, createSessionService, openDatabase } from '../keep-api'
import { countCalls } from '../lib/call-counter'
import { fixed, table, whole } from '../lib/format'
import { median } from '../lib/stats'
import { seedKeepSessions } from '../seed/keep-sessions'
import { createPeerTable, seedPeerSessions } from '../seed/peer-sessions'
import { createPeerStore, promisesOf } from '../servers/peer-store'
import { PEER_SECRET } from './contenders'
import type { Scenario, ScenarioContext, Section } from './types'

interface Amplification {
  /** Write statements the store issued, counted at the store's methods. */
  readonly issued: number
  /** Lookups the store issued, counted at the store's methods. */
  readonly lookups: number
  /** The same, as the server's global counters saw them. */
  readonly writes: number
  readonly rowsChanged: number
  readonly selects: number
  readonly statements: number
}

const DAY_MS = 86_400_000

export const writeAmplification: Scenario = {
  number: 2,
  title: 'Write amplification of one busy session',
  run: async (context) => {
    const keepUrl = await createKeepDatabase(context.server, KEEP_DATABASE)
    const peerUrl = context.server.urlFor(PEER_DATABASE)

    await context.server.recreate(PEER_DATABASE)

    const keep: Amplification[] = []
    const peer: Amplification[] = []

    for (let run = 0; run < context.settings.runs; run += 1) {
      keep.push(await measureKeep(context, keepUrl))
      peer.push(await measurePeer(context, peerUrl))
      context.log(
        `  run ${run + 1}: Keep ${keep.at(-1)?.writes} writes, peer ${peer.at(-1)?.writes}`
      )
    }

    return describe(context, { keep, peer })
  },
}

function toAmplification(
  counters: Counters,
  calls: { readonly issued: number; readonly lookups: number }
): Amplification {
  return {
    ...calls,
    writes: writeStatements(counters),
    rowsChanged: counters.Handler_update + counters.Handler_write + counters.Handler_delete,
    selects: counters.Com_select,
    statements: counters.Questions,
  }
}

/** Keep's own validation, in process, over the MySQL store, with a clock the loop moves. */
async function measureKeep(context: ScenarioContext, url: string): Promise<Amplification> {
  const { requests, stepMs } = context.settings.writeAmplification
  const clock = createManualClock(new Date())
  const seed = await seedOne(url, clock.now())
  const database = openDatabase({ url, connectionLimit: context.settings.load.poolSize })
  const sessions = countCalls(database.sessions)
  const passwords = createScryptHasher()
  const service = createSessionService({
    sessions: sessions.counted,
    users: database.users,
    loginFailures: new MemoryLoginFailureStore(),
    passwords,
    clock,
    policy: DEFAULT_SESSION_POLICY,
    loginLimits: DEFAULT_LOGIN_LIMITS,
    serverName: 'bench',
  })

  try {
    const end = await context.status.begin()

    for (let index = 0; index < requests; index += 1) {
      if (!(await service.authenticate(seed.token))) {
        throw new Error(`Keep refused the busy session after ${index} requests`)
      }

      clock.advance(stepMs)
    }

    return toAmplification(await end(), {
      issued: sessions.counts.get('touch') ?? 0,
      lookups: sessions.counts.get('findByTokenHash') ?? 0,
    })
  } finally {
    await database.close()
  }
}

async function seedOne(url: string, now: Date) {
  const connection = await connectTo(url)

  try {
    const seed = await seedKeepSessions(connection, {
      sessions: 1,
      now,
      lastActiveSpreadMs: 1,
      label: `busy-${now.getTime()}`,
    })
    const [first] = seed.sessions

    if (!first) throw new Error('No session was seeded')

    return first
  } finally {
    await connection.end()
  }
}

/*
 * What express-session does for every request that presents an unmodified session with
 * resave false: store.get, then store.touch. The peer's store stamps the row with
 * now + expiration; the simulated now goes in through the cookie's expiry, as it would with
 * a cookie maxAge.
 */
async function measurePeer(context: ScenarioContext, url: string): Promise<Amplification> {
  const { requests, stepMs } = context.settings.writeAmplification
  const connection = await connectTo(url)
  const [seeded] = await createPeerTable(connection)
    .then(() => seedPeerSessions(connection, { sessions: 1, secret: PEER_SECRET, now: new Date() }))
    .finally(() => connection.end())
  const peerStore = createPeerStore({ url, poolSize: context.settings.load.poolSize })
  const { counted: store, counts } = countCalls(promisesOf(peerStore))

  if (!seeded) throw new Error('No peer session was seeded')

  try {
    await peerStore.onReady()

    const end = await context.status.begin()
    let now = Date.now()

    for (let index = 0; index < requests; index += 1) {
      const data = await store.get(seeded.id)

      if (!data) throw new Error(`The peer lost its session after ${index} requests`)

      data.cookie.expires = new Date(now + DAY_MS)
      await store.touch(seeded.id, data)
      now += stepMs
    }

    return toAmplification(await end(), {
      issued: counts.get('touch') ?? 0,
      lookups: counts.get('get') ?? 0,
    })
  } finally {
    await peerStore.close()
  }
}

function describe(
  context: ScenarioContext,
  runs: { keep: readonly Amplification[]; peer: readonly Amplification[] }
): Section {
  const { requests, stepMs } = context.settings.writeAmplification
  const simulatedSeconds = (requests * stepMs) / 1000
  const intervalSeconds = DEFAULT_SESSION_POLICY.touchIntervalMs / 1000
  const bound = Math.ceil(simulatedSeconds / intervalSeconds)
  const pick = (list: readonly Amplification[], key: keyof Amplification) =>
    median(list.map((entry) => entry[key]))
  const row = (label: string, list: readonly Amplification[]) => [
    label,
    whole(pick(list, 'issued')),
    whole(pick(list, 'lookups')),
    whole(pick(list, 'issued') / (simulatedSeconds / 3600)),
    whole(pick(list, 'writes')),
    whole(pick(list, 'rowsChanged')),
    whole(pick(list, 'selects')),
    whole(pick(list, 'statements')),
  ]
  const keepWrites = pick(runs.keep, 'issued')
  const keepCounted = pick(runs.keep, 'writes')

  return {
    title: '2. Write amplification',
    body: [
      `One session, ${whole(requests)} requests, the clock moved ${stepMs} ms per request: ${fixed(simulatedSeconds / 60, 0)} simulated minutes. Keep: createSessionService over MySqlSessionStore with a manual clock. Peer: express-mysql-session's get then touch per request, as express-session calls them. Median of ${context.settings.runs} runs; counts are for the whole loop.`,
      '',
      table(
        [
          '',
          'write statements issued',
          'lookups issued',
          'writes per simulated hour',
          'server: write statements',
          'server: rows changed',
          'server: SELECT',
          'server: all statements',
        ],
        [row('Keep', runs.keep), row('Peer (express-mysql-session)', runs.peer)]
      ),
      '',
      'Issued statements are counted at the store methods (each touch is one UPDATE, each lookup one SELECT); the server columns are the global status counters over the same loop, which also see any other client of the server.',
      '',
      ...(pick(runs.peer, 'rowsChanged') < pick(runs.peer, 'writes')
        ? [
            '',
            "The peer's rows changed is lower than its write statements because it stores expiry in whole seconds: a touch in the same second as the last one leaves the row as it was, yet is still a statement, a round trip and a row lock.",
          ]
        : []),
    ].join('\n'),
    targets: [
      {
        name: 'Writes bounded by one per session per touch interval (one busy session, simulated hour)',
        pass: keepWrites <= bound,
        figures: `Keep issued ${whole(keepWrites)} write statements (server counters: ${whole(keepCounted)}) for ${whole(requests)} requests, bound ${bound} (${fixed(simulatedSeconds, 0)} s ÷ ${intervalSeconds} s); the peer ${whole(pick(runs.peer, 'issued'))}`,
      },
    ],
    findings: [],
  }
}
