import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

import { connectServer } from './db/server'
import { createStatusProbe } from './db/status'
import { describeMachine, packageVersions } from './lib/machine'
import { summarizeProfiles } from './lib/profile-summary'
import { renderReport } from './report/render'
import { SCENARIOS } from './scenarios/index'
import type { Section } from './scenarios/types'
import { PROFILE_DIR, readSettings } from './settings'

const log = (line: string) => {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`)
}

async function main(): Promise<void> {
  const settings = readSettings()

  if (settings.profile) {
    rmSync(PROFILE_DIR, { recursive: true, force: true })
  }
  const startedAt = new Date()
  const server = await connectServer(settings.serverUrl)
  const machine = await describeMachine(server, startedAt)
  const status = await createStatusProbe(server)
  const sections: Section[] = []
  const failures: string[] = []

  log(
    `bench ${settings.quick ? '(quick)' : '(full)'}: load average ${machine.loadAverage.map((v) => v.toFixed(2)).join(' ')}`
  )

  for (const scenario of SCENARIOS.filter((entry) => settings.only.has(entry.number))) {
    log(`scenario ${scenario.number}: ${scenario.title}`)

    try {
      sections.push(await scenario.run({ settings, server, status, log }))
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error)

      failures.push(`${scenario.number}. ${scenario.title}: ${message.split('\n')[0] ?? ''}`)
      log(`scenario ${scenario.number} failed: ${message}`)
    }
  }

  await server.close()

  const minutes = (Date.now() - startedAt.getTime()) / 60_000
  const report = renderReport({
    settings,
    machine,
    versions: packageVersions(),
    sections,
    failures,
    minutes,
    ...(settings.profile ? { profiles: summarizeProfiles(PROFILE_DIR) } : {}),
  })

  mkdirSync(dirname(settings.reportPath), { recursive: true })
  writeFileSync(settings.reportPath, report)
  log(`report written to ${settings.reportPath}`)

  if (failures.length > 0) {
    process.exitCode = 1
  }
}

await main()
