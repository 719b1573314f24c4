import { fileURLToPath } from 'node:url'

import { build } from 'vite'

/** Builds the web UI once before the tests, so that they serve the code under test. */
export default async function buildWebUi(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { rolldownOptions: { checks: { pluginTimings: false } } },
  })
}
