import type { FetchLike } from '../transport.js'

/**
 * A fetch that behaves like a browser on a Keep page: it keeps the cookies the server sets,
 * sends them back, and marks its requests as same-origin the way browsers do.
 */
export function createBrowserFetch(): FetchLike {
  const jar = new Map<string, string>()

  return async (url, init) => {
    const headers = new Headers(init.headers)
    headers.set('Sec-Fetch-Site', 'same-origin')

    if (jar.size > 0) {
      headers.set('Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '))
    }

    const response = await fetch(url, { ...init, headers })

    for (const header of response.headers.getSetCookie()) {
      storeCookie(jar, header)
    }

    return response
  }
}

function storeCookie(jar: Map<string, string>, header: string): void {
  const [pair = ''] = header.split(';')
  const separator = pair.indexOf('=')
  const name = pair.slice(0, separator).trim()
  const value = pair.slice(separator + 1).trim()
  const expired = /;\s*max-age=0/i.test(header) || value === ''

  if (expired) {
    jar.delete(name)
  } else {
    jar.set(name, value)
  }
}
