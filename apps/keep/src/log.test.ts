import { createManualClock } from '@keep/core/testing'
import { describe, expect, it } from 'vitest'

import { createLogger } from './log'

function capture(format: 'json' | 'pretty') {
  const lines: string[] = []
  const logger = createLogger({
    format,
    sink: (line) => lines.push(line),
    clock: createManualClock(),
  })

  return { lines, logger }
}

describe('createLogger', () => {
  it('should write one JSON object per event', () => {
    const { lines, logger } = capture('json')

    logger.info('login', { username: 'alice', type: 'rest' })

    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: '2026-01-15T09:00:00.000Z',
      level: 'info',
      event: 'login',
      username: 'alice',
      type: 'rest',
    })
  })

  it('should write readable lines, quoting values with spaces', () => {
    const { lines, logger } = capture('pretty')

    logger.warn('sweep_failed', { error: 'StoreError: down for now', sessions: 3 })

    expect(lines).toEqual([
      '2026-01-15T09:00:00.000Z WARN  sweep_failed error="StoreError: down for now" sessions=3',
    ])
  })

  it('should never write a field that is named like a secret', () => {
    const { lines, logger } = capture('json')

    logger.info('oops', {
      token: 'abc',
      password: 'p',
      sessionToken: 'x',
      Authorization: 'Bearer y',
    })

    expect(lines[0]).not.toMatch(/abc|"p"|"x"|Bearer/)
    expect(lines[0]).toContain('[redacted]')
  })

  it('should set a notice apart from the log lines', () => {
    const { lines, logger } = capture('pretty')

    logger.notice('Title', ['first', 'second'])

    expect(lines[0]).toContain('Title')
    expect(lines[0]?.split('\n')).toHaveLength(5)
  })
})
