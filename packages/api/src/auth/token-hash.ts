import { createHash } from 'node:crypto'

/**
 * The same SHA-256 hex digest as core's `hashSessionToken`, computed synchronously. Every
 * validated request hashes its token; node:crypto does that without the argument conversion and
 * promise that crypto.subtle costs per call.
 */
export function hashTokenForLookup(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
