import { fixed, times, whole } from '../lib/format'
import type { RunFigures } from '../load/measure'

type Figures = Readonly<Record<keyof RunFigures, number>>

export interface ValidationFigures {
  readonly keep: Figures
  readonly peer: Figures
  readonly floor: Figures
  readonly ceiling: Figures
  readonly lookup: Figures
  readonly bodyLimit: Figures
  readonly nodeHash: Figures
}

const micros = (rps: number) => 1e6 / rps

/**
 * What the diagnostic servers say about the cost of Keep's validated request, each figure a
 * difference of machine time per request between two servers measured in the same run.
 */
export function explainValidation(figures: ValidationFigures): string[] {
  const { keep, peer, floor, ceiling, lookup, bodyLimit, nodeHash } = figures
  const keepCost = micros(keep.rps)
  const share = (value: number) => `${fixed((100 * value) / keepCost, 0)} %`
  const hashSaving = keepCost - micros(nodeHash.rps)
  const bodyLimitCost = micros(bodyLimit.rps) - micros(ceiling.rps)
  const lookupCost = micros(lookup.rps) - micros(floor.rps)
  const remainder = keepCost - micros(lookup.rps)

  return [
    `Validation: Keep costs ${whole(keepCost)} µs of machine time per request, the raw floor ${whole(micros(floor.rps))} µs and the ceiling ${whole(micros(ceiling.rps))} µs; the peer with its default touch ${whole(micros(peer.rps))} µs. Keep issues ${fixed(keep.selects, 2)} SELECT and ${fixed(keep.writes, 3)} write statements per request; the peer ${fixed(peer.selects, 2)} and ${fixed(peer.writes, 2)}.`,
    describeHash({ keep, nodeHash, saving: hashSaving, share: share(hashSaving) }),
    `Validation, body limit: the API applies hono/body-limit to every route (createKeepApi: app.use(limitBody, ...)). On a GET it reads c.req.raw.body, which makes @hono/node-server build a full Request (headers, AbortSignal) that the route never needs: in this run the ceiling with that middleware costs ${whole(bodyLimitCost)} µs more per request (${whole(ceiling.rps)} → ${whole(bodyLimit.rps)} req/s), ${share(bodyLimitCost)} of a Keep request. Fix (packages/api/src/http/create-keep-api.ts): mount limitBody only on the routes that take a body (login, logout, users, bulk delete), or skip it for GET and HEAD.`,
    `Validation, statement shape: Keep's lookup (unique token-hash index, then the row, then a JOIN to users for the role), run raw with node:crypto hashing, differs from the floor's primary-key select by ${whole(lookupCost)} µs per request (${whole(floor.rps)} → ${whole(lookup.rps)} req/s). ${lookupCost > 0.05 * keepCost ? 'Storing the role on the session row, as the username already is, would make it a single-table lookup; a server-side prepared statement (mysql2 execute) would also spare the parse of each statement.' : 'The statement shape is not where Keep loses time.'}`,
    `Validation, the rest: Keep itself (middleware chain, client info, drizzle mapping, crypto.subtle, touch writes) adds ${whole(remainder)} µs per request over its raw lookup statement, ${share(remainder)} of a Keep request.`,
  ]
}

function describeHash(input: {
  readonly keep: Figures
  readonly nodeHash: Figures
  readonly saving: number
  readonly share: string
}): string {
  const { keep, nodeHash, saving } = input
  const measured = `Keep with the token hashed by node:crypto's createHash instead of crypto.subtle.digest: ${whole(keep.rps)} → ${whole(nodeHash.rps)} req/s (${times(nodeHash.rps / keep.rps)}, ${whole(saving)} µs per request)`

  if (nodeHash.rps < keep.rps * 1.03) {
    return `Validation, SHA-256: ${measured}; no gain beyond noise in this run.`
  }

  return `Validation, SHA-256: ${measured}, ${input.share} of a request. crypto.subtle.digest converts its arguments through WebIDL, normalises the algorithm name and settles a promise on every call, far more work than hashing 43 bytes. Fix (packages/core/src/token.ts, hashSessionToken): compute the digest synchronously — core may not import node:crypto, so either let packages/api inject a node:crypto hasher into the session service, or use a small pure SHA-256 in core — and keep the async signature.`
}
