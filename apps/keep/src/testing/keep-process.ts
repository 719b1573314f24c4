import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface KeepProcess {
  readonly child: ChildProcess
  readonly stdout: () => string
  readonly stderr: () => string
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>
  /** Resolves once stdout has a line matching the pattern. */
  waitForOutput(pattern: RegExp): Promise<void>
}

/** `npm start`'s command (`tsx src/main.ts`) as a child process with these KEEP_* settings. */
export function spawnKeep(env: Readonly<Record<string, string>>): KeepProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: APP_ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''

  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))

  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code))
  )

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(stdout)) {
            child.stdout.off('data', check)
            resolve()
          }
        }

        child.stdout.on('data', check)
        void exited.then(() =>
          reject(new Error(`Keep exited before printing ${String(pattern)}:\n${stdout}\n${stderr}`))
        )
        check()
      }),
  }
}
