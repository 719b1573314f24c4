import { UAParser } from 'ua-parser-js'

/**
 * A readable "browser · OS" form of a User-Agent header, e.g. "Chrome 120 · Windows 10". What
 * the parser does not recognise, such as a script's "curl/8.5.0", is shown as sent: guessing
 * at it here would be a second, unmaintained parser.
 */
export function describeUserAgent(raw: string): string {
  const text = raw.trim()
  if (text === '') {
    return 'Unknown'
  }

  const { browser, os } = UAParser(text)
  const parts = [join(browser.name, browser.major), join(os.name, os.version)].filter(Boolean)

  return parts.length > 0 ? parts.join(' · ') : text
}

function join(name: string | undefined, version: string | undefined): string {
  if (!name) {
    return ''
  }

  return version ? `${name} ${version}` : name
}
