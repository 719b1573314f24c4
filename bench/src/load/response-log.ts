import { percentileOfSorted } from '../lib/stats'

/** When each response arrived and how long it took, for percentiles over any time window. */
export class ResponseLog {
  #ends: number[] = []
  #latencies: number[] = []

  record(endedAt: number, latencyMs: number): void {
    this.#ends.push(endedAt)
    this.#latencies.push(latencyMs)
  }

  get size(): number {
    return this.#ends.length
  }

  percentile(percent: number): number {
    return percentileOfSorted(Float64Array.from(this.#latencies).sort(), percent)
  }

  /** Latencies of the requests in flight at some point between from and to. */
  overlapping(from: number, to: number): Float64Array {
    const picked: number[] = []

    for (let index = 0; index < this.#ends.length; index += 1) {
      const end = this.#ends[index] ?? 0
      const latency = this.#latencies[index] ?? 0

      if (end > from && end - latency < to) {
        picked.push(latency)
      }
    }

    return Float64Array.from(picked).sort()
  }
}
