import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Page } from 'playwright-core'

/** Every run writes its screenshots here, where git does not look. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../../test-results/', import.meta.url))

const DOCS_DIR = fileURLToPath(new URL('../../../../docs/', import.meta.url))

interface ScreenshotOptions {
  /** The READMEs show this picture, from docs/. */
  readonly inDocs?: boolean
}

/**
 * Saves a full-page screenshot of this run. With KEEP_UPDATE_SCREENSHOTS=1, one shown in the
 * docs also replaces its copy there, so the tracked picture changes only when someone asks.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: ScreenshotOptions = {}
): Promise<string> {
  const path = join(SCREENSHOT_DIR, name)

  await mkdir(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' })

  if (options.inDocs && process.env['KEEP_UPDATE_SCREENSHOTS'] === '1') {
    await copyFile(path, join(DOCS_DIR, name))
  }

  return path
}
