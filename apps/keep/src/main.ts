import { loadConfigFromProcess } from './env'
import { startKeep } from './start'

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const

const config = loadConfigFromProcess()

if (!config.ok) {
  process.stderr.write(
    `Keep cannot start; fix these settings:\n${config.error.map((line) => `  ${line}\n`).join('')}`
  )
  process.exit(1)
}

const keep = await startKeep(config.value).catch((error: unknown) => {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)

  process.stderr.write(`Keep cannot start: ${reason}\n`)
  process.exit(1)
})

let stopping = false

for (const signal of SHUTDOWN_SIGNALS) {
  process.on(signal, () => {
    if (stopping) {
      return
    }

    stopping = true
    keep.logger.info('keep_stopping', { signal })
    keep.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  })
}
