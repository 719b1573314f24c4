import type { LogFields, Logger } from '@keep/api'
import { systemClock } from '@keep/core'
import type { Clock } from '@keep/core'

import type { LogFormat } from './env'

export type LogLevel = 'info' | 'warn' | 'error'

/** Where finished log lines go; the default writes info to stdout and the rest to stderr. */
export type LogSink = (line: string, level: LogLevel) => void

export interface KeepLogger extends Logger {
  /**
   * A notice for the operator that must stand out, such as the generated admin password on
   * first start. Not for anything that repeats.
   */
  notice(title: string, lines: readonly string[]): void
}

export interface LoggerOptions {
  readonly format: LogFormat
  readonly sink?: LogSink
  readonly clock?: Clock
}

// A field with one of these names never reaches a sink, whoever passes it.
const SECRET_FIELD = /token|password|secret|cookie|authorization/i

const defaultSink: LogSink = (line, level) => {
  const stream = level === 'info' ? process.stdout : process.stderr

  stream.write(`${line}\n`)
}

/** Keep's logger: one line per event, JSON lines or readable text. */
export function createLogger(options: LoggerOptions): KeepLogger {
  const sink = options.sink ?? defaultSink
  const clock = options.clock ?? systemClock
  const format = options.format === 'json' ? formatJson : formatPretty

  const write =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      sink(format({ time: clock.now(), level, event, fields: redact(fields) }), level)
    }

  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    notice: (title, lines) => {
      sink(formatNotice(options.format, { time: clock.now(), title, lines }), 'info')
    },
  }
}

interface LogRecord {
  readonly time: Date
  readonly level: LogLevel
  readonly event: string
  readonly fields: LogFields
}

function redact(fields: LogFields): LogFields {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      SECRET_FIELD.test(key) ? '[redacted]' : value,
    ])
  )
}

function formatJson(record: LogRecord): string {
  return JSON.stringify({
    time: record.time.toISOString(),
    level: record.level,
    event: record.event,
    ...record.fields,
  })
}

function formatPretty(record: LogRecord): string {
  const fields = Object.entries(record.fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${formatValue(value)}`)

  return [
    record.time.toISOString(),
    record.level.toUpperCase().padEnd(5),
    record.event,
    ...fields,
  ].join(' ')
}

function formatValue(value: LogFields[string]): string {
  const text = String(value)

  return /^[\w.:/@-]+$/.test(text) ? text : JSON.stringify(text)
}

interface Notice {
  readonly time: Date
  readonly title: string
  readonly lines: readonly string[]
}

function formatNotice(format: LogFormat, notice: Notice): string {
  if (format === 'json') {
    return JSON.stringify({
      time: notice.time.toISOString(),
      level: 'info',
      event: 'notice',
      title: notice.title,
      lines: notice.lines,
    })
  }

  const rule = '='.repeat(72)

  return [rule, `  ${notice.title}`, ...notice.lines.map((line) => `  ${line}`), rule].join('\n')
}
