import { isKeepClientError, isKeepNetworkError } from '@keep/sdk'

const KNOWN_ERRORS: Partial<Record<string, string>> = {
  forbidden: 'Only administrators can see sessions.',
  service_unavailable: 'The session store is not available right now. Try again in a moment.',
  too_many_attempts: 'Too many requests. Wait a moment and try again.',
}

/** A sentence for a failed request that tells an admin what went wrong and what to do. */
export function describeLoadError(error: unknown): string {
  if (isKeepNetworkError(error)) {
    return 'Keep could not be reached. Check the connection and try again.'
  }

  if (!isKeepClientError(error)) {
    return 'Something went wrong. Try again.'
  }

  const known = KNOWN_ERRORS[error.code]

  return known ?? `Keep answered with an error (HTTP ${String(error.status)}): ${error.message}`
}
