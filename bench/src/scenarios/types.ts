import type { DbServer } from '../db/server'
import type { StatusProbe } from '../db/status'
import type { Settings } from '../settings'

/** What every scenario is handed. */
export interface ScenarioContext {
  readonly settings: Settings
  readonly server: DbServer
  readonly status: StatusProbe
  readonly log: (line: string) => void
}

/** One target of the brief, checked against figures measured in the same run. */
export interface TargetCheck {
  readonly name: string
  readonly pass: boolean
  /** The figures the verdict rests on, in words. */
  readonly figures: string
}

/** A scenario's part of the report. */
export interface Section {
  readonly title: string
  readonly body: string
  readonly targets: readonly TargetCheck[]
  /** Observations worth reading first: misses, their causes, what would fix them. */
  readonly findings: readonly string[]
}

export interface Scenario {
  readonly number: number
  readonly title: string
  run(context: ScenarioContext): Promise<Section>
}
