import { KEEP_DATABASE } from '../db/keep-database'
import type { KeepSeed } from '../seed/keep-sessions'
import { spawnServer } from '../servers/spawn'
import { keepCredentials, startKeep, steadyKeep, verified } from './contenders'
import type { Contender } from './contenders'
import type { ScenarioContext } from './types'

/** Labels of the contenders that explain Keep's cost; they carry no target. */
export const DIAGNOSTICS = {
  lookup: "Diagnostic: Keep's lookup SQL, raw mysql2",
  bodyLimit: 'Diagnostic: ceiling + the API-wide body limit',
  nodeHash: 'Diagnostic: Keep with node:crypto SHA-256',
} as const

/**
 * Servers that each isolate one suspected cost of Keep's validated request: its lookup
 * statement without the framework and ORM, the body-limit middleware on a GET, and Keep with
 * the token hashed by node:crypto instead of crypto.subtle.
 */
export async function diagnosticContenders(
  context: ScenarioContext,
  seed: KeepSeed
): Promise<Contender[]> {
  const databaseUrl = context.server.urlFor(KEEP_DATABASE)
  const poolSize = context.settings.load.poolSize
  const credentials = keepCredentials(seed)
  const [lookup, bodyLimit, nodeHash] = await Promise.all([
    spawnServer({ kind: 'lookup', databaseUrl, poolSize }, { label: 'lookup', profile: false }),
    spawnServer(
      { kind: 'ceiling-body-limit', databaseUrl, poolSize },
      { label: 'ceiling-body-limit', profile: false }
    ),
    startKeep(context, 'keep-node-hash', { nodeHash: true }),
  ])

  return Promise.all([
    verified({ label: DIAGNOSTICS.lookup, server: lookup, path: '/lookup', credentials }),
    verified({
      label: DIAGNOSTICS.bodyLimit,
      server: bodyLimit,
      path: '/ceiling-body-limit',
      credentials,
    }),
    verified({ ...steadyKeep(context, { server: nodeHash, seed }), label: DIAGNOSTICS.nodeHash }),
  ])
}
