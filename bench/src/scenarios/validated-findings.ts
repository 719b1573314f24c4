import { fixed, whole } from '../lib/format'
import type { RunFigures } from '../load/measure'

type Figures = Readonly<Record<keyof RunFigures, number>>

export interface ValidationFigures {
  readonly keep: Figures
  readonly peer: Figures
  readonly floor: Figures
  readonly ceiling: Figures
  readonly lookup: Figures
}

const micros = (rps: number) => 1e6 / rps

/**
 * What the diagnostic server says about the cost of Keep's validated request, each figure a
 * difference of machine time per request between two servers measured in the same run.
 */
export function explainValidation(figures: ValidationFigures): string[] {
  const { keep, peer, floor, ceiling, lookup } = figures
  const keepCost = micros(keep.rps)
  const share = (value: number) => `${fixed((100 * value) / keepCost, 0)} %`
  const lookupCost = micros(lookup.rps) - micros(floor.rps)
  const remainder = keepCost - micros(lookup.rps)

  // A difference at or below zero is two servers within the spread between runs, not a gain.
  const cost = (value: number, over: string) =>
    value > 0
      ? `adds ${whole(value)} µs per request over ${over}, ${share(value)} of a Keep request`
      : `shows no cost over ${over} (${whole(value)} µs per request, within the spread between runs)`

  return [
    `Validation: Keep costs ${whole(keepCost)} µs of machine time per request, the raw floor ${whole(micros(floor.rps))} µs and the ceiling ${whole(micros(ceiling.rps))} µs; the peer with its default touch ${whole(micros(peer.rps))} µs. Keep issues ${fixed(keep.selects, 2)} SELECT and ${fixed(keep.writes, 3)} write statements per request; the peer ${fixed(peer.selects, 2)} and ${fixed(peer.writes, 2)}.`,
    `Validation, statement shape: Keep's lookup (unique token-hash index, then the row, then a JOIN to users for the role, sent as a prepared statement) run through a raw pool ${cost(lookupCost, "the floor's primary-key select")} (${whole(floor.rps)} → ${whole(lookup.rps)} req/s).`,
    `Validation, the rest: Keep itself (middleware chain, client info, row mapping, session rules, touch writes) ${cost(remainder, 'its raw lookup statement')}.`,
  ]
}
