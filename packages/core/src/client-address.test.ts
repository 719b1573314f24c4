import { describe, expect, it } from 'vitest'

import { isTrustedProxy, isValidProxyEntry, resolveClientAddress } from './client-address'

describe('resolveClientAddress', () => {
  it('should use the socket peer when no proxy is trusted', () => {
    const address = resolveClientAddress({
      peer: '198.51.100.7',
      forwardedFor: '203.0.113.9',
      trustedProxies: [],
    })

    expect(address).toBe('198.51.100.7')
  })

  it('should believe X-Forwarded-For only from a trusted peer', () => {
    const sources = { forwardedFor: '203.0.113.9', trustedProxies: ['10.0.0.1'] }

    expect(resolveClientAddress({ ...sources, peer: '10.0.0.1' })).toBe('203.0.113.9')
    expect(resolveClientAddress({ ...sources, peer: '10.0.0.2' })).toBe('10.0.0.2')
  })

  it('should walk the chain from the right past every trusted hop', () => {
    const address = resolveClientAddress({
      peer: '10.0.0.1',
      forwardedFor: '1.1.1.1, 203.0.113.9, 10.0.0.5',
      trustedProxies: ['10.0.0.0/8'],
    })

    expect(address).toBe('203.0.113.9')
  })

  it('should unwrap IPv4 addresses mapped into IPv6', () => {
    expect(
      resolveClientAddress({
        peer: '::ffff:127.0.0.1',
        forwardedFor: undefined,
        trustedProxies: [],
      })
    ).toBe('127.0.0.1')
  })

  it('should check proxy entries', () => {
    expect(isValidProxyEntry('10.0.0.0/8')).toBe(true)
    expect(isValidProxyEntry('::1')).toBe(true)
    expect(isValidProxyEntry('10.0.0.0/33')).toBe(false)
    expect(isValidProxyEntry('')).toBe(false)
  })

  it('should tell a trusted proxy by address or range, IPv4-mapped or not', () => {
    expect(isTrustedProxy('::ffff:10.1.2.3', ['10.0.0.0/8'])).toBe(true)
    expect(isTrustedProxy('192.0.2.1', ['10.0.0.0/8', '::1'])).toBe(false)
    expect(isTrustedProxy('::1', ['::1'])).toBe(true)
  })
})
