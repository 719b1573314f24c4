import type { Server } from 'node:net'

import { isParentMessage } from './protocol'
import type { ChildMessage, ParentMessage, ServerConfig } from './protocol'

/** The configuration the bench passed as the child's one argument. */
export function readConfig<TConfig extends ServerConfig>(
  ...kinds: readonly TConfig['kind'][]
): TConfig {
  const config = JSON.parse(process.argv[2] ?? '{}') as TConfig

  if (!kinds.includes(config.kind)) {
    throw new Error(`Expected a configuration of kind ${kinds.join(' or ')}`)
  }

  return config
}

export function tell(message: ChildMessage): void {
  process.send?.(message)
}

export interface ChildLifecycle {
  readonly server: Server
  /** Runs after the server has closed, before the process exits: pools, stores. */
  readonly close: () => Promise<void>
  readonly onCommand?: (message: ParentMessage) => Promise<void>
}

/**
 * Stops on the parent's word, or when the parent is gone, by exiting normally, so that a CPU
 * profile asked for with --cpu-prof is written.
 */
export function runChild(lifecycle: ChildLifecycle): void {
  const stop = async () => {
    lifecycle.server.close()
    await lifecycle.close().catch(() => undefined)
    process.exit(0)
  }

  process.on('message', (message: unknown) => {
    if (!isParentMessage(message)) {
      return
    }

    if (message.type === 'stop') {
      void stop()
      return
    }

    lifecycle.onCommand?.(message).catch((error: unknown) => {
      tell({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
    })
  })

  process.on('disconnect', () => void stop())
}
