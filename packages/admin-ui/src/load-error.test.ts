import { describe, expect, it } from 'vitest'

import { KeepClientError, KeepNetworkError } from '@keep/sdk'

import { describeLoadError } from './load-error'

describe('describeLoadError', () => {
  it('explains a network failure', () => {
    expect(describeLoadError(new KeepNetworkError('fetch failed'))).toMatch(/could not be reached/)
  })

  it('explains an unavailable store', () => {
    const error = new KeepClientError({
      status: 503,
      code: 'service_unavailable',
      message: 'Database unreachable',
    })

    expect(describeLoadError(error)).toMatch(/not available right now/)
  })

  it('passes on the message of other API errors', () => {
    const error = new KeepClientError({ status: 500, code: 'internal_error', message: 'Boom' })

    expect(describeLoadError(error)).toBe('Keep answered with an error (HTTP 500): Boom')
  })

  it('has a fallback for anything else', () => {
    expect(describeLoadError(new Error('x'))).toBe('Something went wrong. Try again.')
  })
})
