import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

import type { Page } from 'playwright-core'

interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly nodes: readonly { readonly target: readonly string[] }[]
}

let axeSource: Promise<string> | undefined

// WCAG 2.2 AA, which adds the 24 by 24 pixel target size, on top of the 2.0 and 2.1 rules.
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Runs axe-core on the page as it is; answers the WCAG 2.2 A and AA violations, one line each. */
export async function findAccessibilityViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

  // Evaluated through the debugging protocol, which the page's CSP does not govern.
  await page.evaluate(await axeSource)

  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run(options: object): Promise<{ violations: AxeViolation[] }> }
      }
    ).axe
    const result = await axe.run({
      runOnly: { type: 'tag', values: tags },
    })

    return result.violations
  }, WCAG_AA_TAGS)

  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
  )
}
