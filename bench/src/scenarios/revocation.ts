import { setTimeout as sleep } from 'node:timers/promises'

import { table, whole } from '../lib/format'
import { deleteOne, meStatus } from '../load/api-calls'
import { startLoad } from '../load/cannon'
import type { Credential, TaggedResponse } from '../load/cannon'
import type { SeededSession } from '../seed/keep-sessions'
import { addSessions, KEEP_ME, keepCredentials, seedKeep, startKeep } from './contenders'
import type { Scenario, ScenarioContext, Section } from './types'

interface VictimResult {
  readonly probesAccepted: number
  readonly probes: number
  /** Requests of the load generator sent after the deletion had returned. */
  readonly loadAfter: number
  readonly loadAcceptedAfter: number
}

const LOAD_SESSIONS = 1_000
const SETTLE_MS = 1_000
const GAP_MS = 300
// The load runs until the last victim is checked; this bounds it should anything hang.
const MAX_LOAD_SECONDS = 120

export const revocation: Scenario = {
  number: 5,
  title: 'Revocation across two instances',
  run: async (context) => {
    const { victims: perRun } = context.settings.revocation
    const seed = await seedKeep(context, LOAD_SESSIONS + context.settings.runs * perRun)
    const admin = await addSessions(context, { sessions: 1, label: 'bench-admin', role: 'admin' })
    const [a, b] = await Promise.all([startKeep(context, 'keep-a'), startKeep(context, 'keep-b')])
    const adminToken = admin.sessions[0]?.token ?? ''
    const bystanders = seed.sessions.slice(0, LOAD_SESSIONS)
    const results: VictimResult[] = []

    try {
      for (let run = 0; run < context.settings.runs; run += 1) {
        const victims = seed.sessions.slice(
          LOAD_SESSIONS + run * perRun,
          LOAD_SESSIONS + (run + 1) * perRun
        )

        results.push(
          ...(await revokeUnderLoad(context, {
            a: a.url,
            b: b.url,
            adminToken,
            victims,
            bystanders,
          }))
        )
        context.log(
          `  run ${run + 1}: ${results.reduce((sum, result) => sum + result.loadAcceptedAfter + result.probesAccepted, 0)} accepted after deletion so far`
        )
      }

      return describe(context, results)
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
  },
}

interface RevocationJob {
  readonly a: string
  readonly b: string
  readonly adminToken: string
  readonly victims: readonly SeededSession[]
  readonly bystanders: readonly SeededSession[]
}

/**
 * Load on B where half the requests present one of the victims; each victim is deleted through
 * A, and from the moment A's answer arrives every request to B with it must be refused.
 */
async function revokeUnderLoad(
  context: ScenarioContext,
  job: RevocationJob
): Promise<VictimResult[]> {
  const deletedAt = new Map<string, number>()
  const tallies = new Map(job.victims.map((victim) => [victim.id, { after: 0, accepted: 0 }]))
  const running = startLoad({
    url: job.b,
    path: KEEP_ME,
    durationSeconds: MAX_LOAD_SECONDS,
    connections: context.settings.load.connections,
    maxRequests: context.settings.load.maxRequests,
    pick: halfVictims(
      keepCredentials({ users: [], sessions: job.victims }),
      keepCredentials({ users: [], sessions: job.bystanders })
    ),
    onResponse: (response) => tallyAfterDeletion(response, { deletedAt, tallies }),
  })
  const probes: number[] = []

  await sleep(SETTLE_MS)

  for (const victim of job.victims) {
    await deleteOne(job.a, { token: job.adminToken, id: victim.id })
    deletedAt.set(victim.id, performance.now())
    probes.push(
      await probe(job.b, { token: victim.token, count: context.settings.revocation.probes })
    )
    await sleep(GAP_MS)
  }

  running.stop()
  await running.done

  return job.victims.map((victim, index) => ({
    probesAccepted: probes[index] ?? 0,
    probes: context.settings.revocation.probes,
    loadAfter: tallies.get(victim.id)?.after ?? 0,
    loadAcceptedAfter: tallies.get(victim.id)?.accepted ?? 0,
  }))
}

function halfVictims(
  victims: readonly Credential[],
  others: readonly Credential[]
): () => Credential {
  const fallback = others[0] ?? victims[0]

  if (!fallback) throw new Error('No credentials to load with')

  return () => {
    const pool = Math.random() < 0.5 ? victims : others

    return pool[Math.floor(Math.random() * pool.length)] ?? fallback
  }
}

function tallyAfterDeletion(
  response: TaggedResponse,
  state: {
    readonly deletedAt: ReadonlyMap<string, number>
    readonly tallies: Map<string, { after: number; accepted: number }>
  }
): void {
  const deletedAt = state.deletedAt.get(response.key)
  const tally = state.tallies.get(response.key)

  if (deletedAt === undefined || !tally || response.sentAt < deletedAt) {
    return
  }

  tally.after += 1

  if (response.status === 200) tally.accepted += 1
}

/** Requests to B with the deleted token, one after the other, right after the deletion. */
async function probe(
  b: string,
  job: { readonly token: string; readonly count: number }
): Promise<number> {
  let accepted = 0

  for (let index = 0; index < job.count; index += 1) {
    if ((await meStatus(b, job.token)) === 200) accepted += 1
  }

  return accepted
}

function describe(context: ScenarioContext, results: readonly VictimResult[]): Section {
  const sum = (pick: (result: VictimResult) => number) =>
    results.reduce((total, result) => total + pick(result), 0)
  const accepted = sum((result) => result.probesAccepted + result.loadAcceptedAfter)

  return {
    title: '5. Revocation across two instances',
    body: [
      `Two Keep processes (server names keep-a and keep-b) on one database. Load on B: ${context.settings.load.connections} connections, half the requests presenting one of the ${context.settings.revocation.victims} sessions about to be deleted, half one of ${whole(LOAD_SESSIONS)} others. Each victim is deleted through A (DELETE /keep/api/admin/sessions/{id}); once A's 204 has arrived, a loop sends ${context.settings.revocation.probes} requests to B with the deleted token, and the load generator tallies every request it sent after that moment with the token. ${context.settings.runs} runs.`,
      '',
      table(
        ['', 'requests after deletion', 'accepted (200)'],
        [
          [
            'probe loop on B',
            whole(sum((result) => result.probes)),
            whole(sum((result) => result.probesAccepted)),
          ],
          [
            'load generator on B',
            whole(sum((result) => result.loadAfter)),
            whole(sum((result) => result.loadAcceptedAfter)),
          ],
        ]
      ),
    ].join('\n'),
    targets: [
      {
        name: '0 requests accepted after a deletion (other instance, under load)',
        pass: accepted === 0,
        figures: `${whole(accepted)} accepted of ${whole(sum((result) => result.probes + result.loadAfter))} sent after ${whole(results.length)} deletions`,
      },
    ],
    findings: [],
  }
}
