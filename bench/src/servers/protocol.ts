/** How the bench and its child servers talk over the IPC channel. */

export interface KeepServerConfig {
  readonly kind: 'keep'
  readonly databaseUrl: string
  readonly poolSize: number
  readonly serverName: string
}

export interface PeerServerConfig {
  readonly kind: 'peer'
  readonly databaseUrl: string
  readonly poolSize: number
  readonly secret: string
  readonly disableTouch: boolean
}

export interface RawServerConfig {
  readonly kind: 'floor' | 'ceiling' | 'lookup'
  readonly databaseUrl: string
  readonly poolSize: number
}

export type ServerConfig = KeepServerConfig | PeerServerConfig | RawServerConfig

export interface SweepCommand {
  readonly type: 'sweep'
  readonly batchSize: number
  readonly pauseMs: number
}

export type ParentMessage = { readonly type: 'stop' } | SweepCommand

export interface SweepReport {
  readonly type: 'swept'
  readonly rows: number
  readonly batches: number
  /** Wall time of the whole sweep, pauses included. */
  readonly ms: number
  /** Time spent inside purge calls. */
  readonly busyMs: number
}

export type ChildMessage =
  | { readonly type: 'ready'; readonly port: number }
  | SweepReport
  | { readonly type: 'failed'; readonly message: string }

export function isChildMessage(value: unknown): value is ChildMessage {
  return typeof value === 'object' && value !== null && 'type' in value
}

export function isParentMessage(value: unknown): value is ParentMessage {
  return typeof value === 'object' && value !== null && 'type' in value
}
