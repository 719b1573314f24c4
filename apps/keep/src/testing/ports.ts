import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'

/** A local port that was free a moment ago: nothing listens on it unless someone took it since. */
export async function findFreePort(): Promise<number> {
  const server = createServer()

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))

  return port
}
