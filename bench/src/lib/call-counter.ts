/**
 * Wraps an object so that every method call is counted by name: statements counted where they
 * are issued, which no other client of the database server can disturb.
 */
export function countCalls<TTarget extends object>(
  target: TTarget
): { readonly counted: TTarget; readonly counts: Map<string, number> } {
  const counts = new Map<string, number>()
  const counted = new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object)

      if (typeof value !== 'function' || typeof property !== 'string') {
        return value
      }

      // Bound to the target itself: private fields are not reachable through a proxy.
      return (...args: unknown[]): unknown => {
        counts.set(property, (counts.get(property) ?? 0) + 1)

        return (value as (...params: unknown[]) => unknown).apply(object, args)
      }
    },
  })

  return { counted, counts }
}
