import type { FailureCounts, LoginFailure, LoginFailureStore } from './login-throttle'

/** Failed log-ins in process memory: for tests, and for trying Keep with no database. */
export class MemoryLoginFailureStore implements LoginFailureStore {
  #failures: LoginFailure[] = []

  record(failure: LoginFailure): Promise<void> {
    this.#failures.push({ ...failure, username: failure.username.toLowerCase() })

    return Promise.resolve()
  }

  count(request: { username: string; address: string; since: Date }): Promise<FailureCounts> {
    const recent = this.#failures.filter((failure) => failure.at > request.since)
    const username = request.username.toLowerCase()

    return Promise.resolve({
      account: recent.filter((failure) => failure.username === username).length,
      address: recent.filter((failure) => failure.address === request.address).length,
    })
  }

  purgeBefore(instant: Date): Promise<number> {
    const before = this.#failures.length

    this.#failures = this.#failures.filter((failure) => failure.at >= instant)

    return Promise.resolve(before - this.#failures.length)
  }
}
