import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { DbServer } from '../db/server'

export interface Machine {
  readonly cores: number
  readonly memoryGiB: number
  readonly cpuModel: string
  readonly node: string
  readonly os: string
  readonly database: string
  readonly bufferPool: string
  readonly flushAtCommit: string
  readonly loadAverage: readonly number[]
  readonly startedAt: Date
}

export async function describeMachine(server: DbServer, startedAt: Date): Promise<Machine> {
  const bufferPoolBytes = Number(await server.variable('innodb_buffer_pool_size'))

  return {
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 1024 ** 3,
    cpuModel: readCpuModel(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    database: await server.version(),
    bufferPool: `${Math.round(bufferPoolBytes / 1024 ** 2)} MiB`,
    flushAtCommit: await server.variable('innodb_flush_log_at_trx_commit'),
    loadAverage: os.loadavg(),
    startedAt,
  }
}

// Node reports the model string as the kernel does; /proc/cpuinfo sometimes says more.
function readCpuModel(): string {
  const fromNode = os.cpus()[0]?.model.trim() ?? 'unknown'

  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'))

    return line?.split(':')[1]?.trim() ?? fromNode
  } catch {
    return fromNode
  }
}

const PACKAGES = [
  'autocannon',
  'hono',
  '@hono/node-server',
  'drizzle-orm',
  'mysql2',
  'express',
  'express-session',
  'express-mysql-session',
  'tsx',
  'typescript',
] as const

/** The installed version of every package whose code is under test or drives the test. */
export function packageVersions(): [string, string][] {
  const here = fileURLToPath(import.meta.url)
  const versions = PACKAGES.map((name): [string, string] => [name, readVersion(here, name)])
  const peerDir = findPackageDir(here, 'express-mysql-session')
  const peerDriver = peerDir ? readVersion(join(peerDir, 'index.js'), 'mysql2') : 'unknown'

  return [...versions, ['mysql2 (used by express-mysql-session)', peerDriver]]
}

// Read from disk rather than require(), since several packages do not export package.json.
function readVersion(from: string, name: string): string {
  const directory = findPackageDir(from, name)

  if (!directory) {
    return 'not installed'
  }

  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
    version?: string
  }

  return manifest.version ?? 'unknown'
}

function findPackageDir(from: string, name: string): string | undefined {
  const lookups = createRequire(from).resolve.paths(name) ?? []

  return lookups
    .map((root) => join(root, name))
    .find((dir) => existsSync(join(dir, 'package.json')))
}
