import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

import type { Plugin } from 'vite'

/** What each file of the build carries, for the table; matched by the start of its name. */
const CONTENTS: readonly (readonly [string, string])[] = [
  ['index', 'the page, the SDK, the session rules it shares with `@keep/core`'],
  ['admin-ui', 'the styles'],
  ['user-agent', '`ua-parser-js`, loaded when the User Agent column is first shown'],
]

interface FileSize {
  readonly name: string
  readonly bytes: number
  readonly gzipped: number
}

/**
 * Prints the build's sizes, minified and gzipped at level 9, as the Markdown table the README
 * shows, so that the figures there come from a build rather than from memory.
 */
export function reportSize(outDir = 'dist'): Plugin {
  return {
    name: 'keep-report-size',
    apply: 'build',
    async closeBundle() {
      const sizes = await measure(outDir)

      console.log(`\n${formatTable(sizes)}\n\n${formatSummary(sizes)}\n`)
    },
  }
}

async function measure(outDir: string): Promise<FileSize[]> {
  const names = (await readdir(outDir)).sort()

  return Promise.all(
    names.map(async (name) => {
      const content = await readFile(join(outDir, name))

      return { name, bytes: content.length, gzipped: gzipSync(content, { level: 9 }).length }
    })
  )
}

function formatTable(sizes: readonly FileSize[]): string {
  const rows = sizes.map((size) => [
    `\`dist/${genericName(size.name)}\``,
    describe(size.name),
    kilobytes(size.bytes),
    `**${kilobytes(size.gzipped)}**`,
  ])

  return [['file', 'what', 'minified', 'gzip -9'], ['---', '---', '---:', '---:'], ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n')
}

function formatSummary(sizes: readonly FileSize[]): string {
  const later = sizes.filter((size) => size.name.startsWith('user-agent'))
  const upFront = sizes.filter((size) => !later.includes(size))
  const sum = (list: readonly FileSize[]) => list.reduce((total, size) => total + size.gzipped, 0)

  return (
    `Up front (JS and CSS): ${kilobytes(sum(upFront))} gzipped; ` +
    `${kilobytes(sum(later))} more when the User Agent column is shown.`
  )
}

/** Chunk names carry a content hash; the table shows the name without it. */
function genericName(name: string): string {
  return name.replace(/-[\w-]{8}\.js$/, '-*.js')
}

function describe(name: string): string {
  return CONTENTS.find(([prefix]) => name.startsWith(prefix))?.[1] ?? ''
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`
}
