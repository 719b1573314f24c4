import { describe, expect, it } from 'vitest'

import { describeUserAgent } from './user-agent'

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const FIREFOX_ON_UBUNTU =
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'

describe('describeUserAgent', () => {
  it.each([
    [CHROME_ON_WINDOWS, 'Chrome 120 · Windows 10'],
    [SAFARI_ON_IPHONE, 'Mobile Safari 17 · iOS 17.4'],
    [FIREFOX_ON_UBUNTU, 'Firefox 128 · Ubuntu'],
  ])('reads a browser and its system: %j', (raw, text) => {
    expect(describeUserAgent(raw)).toBe(text)
  })

  // Node's fetch sends "node"; scripts and libraries send their product token.
  it.each([
    ['curl/8.11.1', 'curl/8.11.1'],
    ['python-requests/2.32.3', 'python-requests/2.32.3'],
    ['node', 'node'],
    ['  curl/8.11.1 ', 'curl/8.11.1'],
  ])('shows an agent the parser does not know as sent: %j', (raw, text) => {
    expect(describeUserAgent(raw)).toBe(text)
  })

  it.each(['', '   '])('calls an empty agent unknown: %j', (raw) => {
    expect(describeUserAgent(raw)).toBe('Unknown')
  })
})
