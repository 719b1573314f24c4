import { createKeepClient } from '@keep/sdk'
import type { FetchLike, KeepClient } from '@keep/sdk'

export interface SessionClientOptions {
  /** The Keep root, such as `/keep` in the page or an absolute URL elsewhere. */
  readonly baseUrl: string
  /** Called whenever an authenticated call is answered 401: the session is gone. */
  readonly onUnauthorized: () => void
  readonly fetch?: FetchLike
}

// A 401 here means wrong credentials, not an ended session.
const LOGIN_PATH = '/api/auth/login'

/**
 * The web UI's client: cookie mode, same origin, and a fetch that reports every 401 so that the
 * UI can route to its log-in page whichever page or module made the call.
 */
export function createSessionClient(options: SessionClientOptions): KeepClient {
  const baseFetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init))

  const watchedFetch: FetchLike = async (url, init) => {
    const response = await baseFetch(url, init)

    if (response.status === 401 && !new URL(url, 'http://keep').pathname.endsWith(LOGIN_PATH)) {
      options.onUnauthorized()
    }

    return response
  }

  return createKeepClient({
    baseUrl: options.baseUrl,
    fetch: watchedFetch,
    credentials: 'same-origin',
  })
}
