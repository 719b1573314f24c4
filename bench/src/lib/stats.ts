/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN
  }

  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] ?? Number.NaN

  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2
}

/** The nearest-rank percentile of values already sorted ascending. */
export function percentileOfSorted(sorted: ArrayLike<number>, percent: number): number {
  if (sorted.length === 0) {
    return Number.NaN
  }

  const rank = Math.ceil((percent / 100) * sorted.length)

  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1] ?? Number.NaN
}

export function percentile(values: ArrayLike<number>, percent: number): number {
  const sorted = Float64Array.from(values).sort()

  return percentileOfSorted(sorted, percent)
}

/** Applies one measurement to each run and keeps the median of every numeric field. */
export function medianOf<TKey extends string>(
  runs: readonly Readonly<Record<TKey, number>>[]
): Record<TKey, number> {
  const first = runs[0]

  if (!first) {
    throw new Error('No runs to take the median of')
  }

  const keys = Object.keys(first) as TKey[]

  return Object.fromEntries(
    keys.map((key) => [key, median(runs.map((run) => run[key]))])
  ) as Record<TKey, number>
}

export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator
}

export async function timed<TValue>(
  operation: () => Promise<TValue>
): Promise<{ value: TValue; ms: number }> {
  const start = performance.now()
  const value = await operation()

  return { value, ms: performance.now() - start }
}
