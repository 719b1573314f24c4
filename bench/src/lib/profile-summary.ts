import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { table } from './format'

interface ProfileNode {
  readonly id: number
  readonly callFrame: {
    readonly functionName: string
    readonly url: string
    readonly lineNumber: number
  }
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

// The main thread's profile; the module loader's thread writes one too, with a thread id above 0.
const MAIN_THREAD = /\.\d+\.0\.\d+\.cpuprofile$/
const NOT_BUSY = new Set(['(idle)', '(program)'])

/** Where each server's main thread spent its busy time, by package and by function. */
export function summarizeProfiles(directory: string): string {
  const servers = listDirectories(directory)

  if (servers.length === 0) {
    return 'No CPU profiles were written.'
  }

  return servers
    .map((server) => {
      const file = readdirSync(join(directory, server)).find((name) => MAIN_THREAD.test(name))

      return file ? summarize(server, readProfile(join(directory, server, file))) : ''
    })
    .join('\n\n')
}

function listDirectories(directory: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  } catch {
    return []
  }
}

function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
}

function summarize(server: string, profile: CpuProfile): string {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const byPackage = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let busy = 0

  profile.samples.forEach((id, index) => {
    const frame = frames.get(id)
    const micros = profile.timeDeltas[index] ?? 0

    if (!frame || NOT_BUSY.has(frame.functionName)) return

    const owner = ownerOf(frame.url, frame.functionName)

    busy += micros
    add(byPackage, owner, micros)
    add(
      byFunction,
      `${frame.functionName || '(anonymous)'} (${owner}:${frame.lineNumber + 1})`,
      micros
    )
  })

  return [
    `**${server}**: ${(busy / 1e6).toFixed(1)} s busy`,
    '',
    table(['where', 'share of busy time'], top(byPackage, busy, 10)),
    '',
    table(['function (self time)', 'share of busy time'], top(byFunction, busy, 12)),
  ].join('\n')
}

function ownerOf(url: string, functionName: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)

  if (inPackage?.[1]) return inPackage[1]

  const inRepo = /\/(packages\/[^/]+|bench)\//.exec(url)

  if (inRepo?.[1]) return inRepo[1]

  if (url.startsWith('node:')) return 'node core'

  return url ? url : `native ${functionName}`
}

function add(totals: Map<string, number>, key: string, micros: number): void {
  totals.set(key, (totals.get(key) ?? 0) + micros)
}

function top(totals: Map<string, number>, busy: number, count: number): string[][] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => [`\`${name}\``, `${((100 * micros) / busy).toFixed(1)} %`])
}
