import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'

/** Debian's Chromium: the tests drive the browser the machine has and never download one. */
export const CHROMIUM_PATH = process.env['KEEP_TEST_CHROMIUM'] || '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Starts headless Chromium, or fails saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)

    throw new Error(
      `Chromium did not start from ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` (${reason})`,
      { cause: error }
    )
  }
}
