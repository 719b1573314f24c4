import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync } from 'node:fs'

import { PROFILE_DIR } from '../settings'
import { isChildMessage } from './protocol'
import type { ChildMessage, ParentMessage, ServerConfig } from './protocol'

/** A server under test in a process of its own, so the load generator never shares its loop. */
export interface ChildServer {
  readonly label: string
  readonly url: string
  readonly pid: number
  send(message: ParentMessage): void
  /** The next message of the given type, e.g. the report of a sweep. */
  next<TType extends ChildMessage['type']>(
    type: TType
  ): Promise<Extract<ChildMessage, { type: TType }>>
  stop(): Promise<void>
}

const ENTRIES: Readonly<Record<ServerConfig['kind'], string>> = {
  keep: 'keep-server.ts',
  peer: 'peer-server.ts',
  floor: 'raw-server.ts',
  ceiling: 'raw-server.ts',
  lookup: 'raw-server.ts',
}

const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 10_000

export interface SpawnOptions {
  readonly label: string
  readonly profile: boolean
}

export async function spawnServer(
  config: ServerConfig,
  options: SpawnOptions
): Promise<ChildServer> {
  const entry = new URL(ENTRIES[config.kind], import.meta.url).pathname
  const child = fork(entry, [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx', ...profileArgs(options)],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ready = await waitFor(child, 'ready', START_TIMEOUT_MS)

  return {
    label: options.label,
    url: `http://127.0.0.1:${ready.port}`,
    pid: child.pid ?? -1,
    send: (message) => child.send(message),
    next: (type) => waitFor(child, type),
    stop: () => stopChild(child),
  }
}

function profileArgs(options: SpawnOptions): string[] {
  if (!options.profile) {
    return []
  }

  // One folder per server: the module loader's thread writes a profile of its own.
  const directory = `${PROFILE_DIR}${options.label}`

  mkdirSync(directory, { recursive: true })

  return ['--cpu-prof', `--cpu-prof-dir=${directory}`]
}

function waitFor<TType extends ChildMessage['type']>(
  child: ChildProcess,
  type: TType,
  timeoutMs?: number
): Promise<Extract<ChildMessage, { type: TType }>> {
  return new Promise((resolve, reject) => {
    const timer = timeoutMs
      ? setTimeout(() => finish(new Error(`No ${type} in time`)), timeoutMs)
      : undefined

    const onMessage = (message: unknown) => {
      if (!isChildMessage(message)) return
      if (message.type === 'failed') finish(new Error(`Child server failed: ${message.message}`))
      if (message.type === type)
        finish(undefined, message as Extract<ChildMessage, { type: TType }>)
    }

    const onExit = (code: number | null) => finish(new Error(`Child server exited with ${code}`))

    function finish(error?: Error, message?: Extract<ChildMessage, { type: TType }>) {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)

      if (message) resolve(message)
      else reject(error ?? new Error('No message'))
    }

    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return
  }

  const exited = once(child, 'exit')
  child.send({ type: 'stop' } satisfies ParentMessage)

  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)

  await exited
  clearTimeout(timer)
}
