import { UAParser } from 'ua-parser-js'

const PRODUCT_TOKEN = /^([\w.-]+)(?:\/([\w.-]+))?/

/** A readable "browser · OS" form of a User-Agent header, e.g. "Chrome 120 · Windows 10". */
export function describeUserAgent(raw: string): string {
  const text = raw.trim()
  if (text === '') {
    return 'Unknown'
  }

  const { browser, os } = UAParser(text)
  const parts = [join(browser.name, browser.major), join(os.name, os.version)].filter(Boolean)
  if (parts.length > 0) {
    return parts.join(' · ')
  }

  return describeProduct(text)
}

/** Scripts and libraries send "name/version" (curl/8.5.0); show that without the slash. */
function describeProduct(text: string): string {
  const match = PRODUCT_TOKEN.exec(text)
  if (!match?.[1]) {
    return text.slice(0, 40)
  }

  return join(match[1], match[2])
}

function join(name: string | undefined, version: string | undefined): string {
  if (!name) {
    return ''
  }

  return version ? `${name} ${version}` : name
}
