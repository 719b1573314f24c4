import { describe, expect, it } from 'vitest'

import { describeUserAgent } from './user-agent'

describe('describeUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'Chrome 120 · Windows 10',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      'Mobile Safari 17 · iOS 17.4',
    ],
    [
      'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      'Firefox 128 · Ubuntu',
    ],
    ['curl/8.5.0', 'curl 8.5.0'],
    ['python-requests/2.31.0', 'python-requests 2.31.0'],
    ['node', 'node'],
    ['', 'Unknown'],
    ['   ', 'Unknown'],
  ])('describes %j as %j', (raw, text) => {
    expect(describeUserAgent(raw)).toBe(text)
  })
})
