import { KEEP_DATABASE } from '../db/keep-database'
import type { KeepSeed } from '../seed/keep-sessions'
import { spawnServer } from '../servers/spawn'
import { keepCredentials, verified } from './contenders'
import type { Contender } from './contenders'
import type { ScenarioContext } from './types'

/** Labels of the contenders that explain Keep's cost; they carry no target. */
export const DIAGNOSTICS = {
  lookup: "Diagnostic: Keep's lookup SQL, raw mysql2",
} as const

/**
 * A server that isolates the cost of Keep's lookup statement: the same SQL through a raw mysql2
 * pool, without the framework, the ORM, the session rules or touches.
 */
export async function diagnosticContenders(
  context: ScenarioContext,
  seed: KeepSeed
): Promise<Contender[]> {
  const lookup = await spawnServer(
    {
      kind: 'lookup',
      databaseUrl: context.server.urlFor(KEEP_DATABASE),
      poolSize: context.settings.load.poolSize,
    },
    { label: 'lookup', profile: false }
  )

  return [
    await verified({
      label: DIAGNOSTICS.lookup,
      server: lookup,
      path: '/lookup',
      credentials: keepCredentials(seed),
    }),
  ]
}
