import { createSignal } from 'solid-js'
import type { Accessor } from 'solid-js'

type Describe = (raw: string) => string

const [describer, setDescriber] = createSignal<Describe | undefined>()
let loading: Promise<void> | undefined

/**
 * The "browser · OS" formatter, loaded the first time a User Agent cell is shown: the parser
 * is over half of this module's size and the column is hidden by default.
 */
export function useUserAgentDescriber(): Accessor<Describe | undefined> {
  loading ??= import('./user-agent').then((module) => {
    setDescriber(() => module.describeUserAgent)
  })

  return describer
}
