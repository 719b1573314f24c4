import type {
  FailureCounts,
  LoginFailure,
  LoginFailureId,
  LoginFailureStore,
} from './login-throttle'

interface StoredFailure extends LoginFailure {
  readonly id: LoginFailureId
}

/** Failed log-ins in process memory: for tests, and for trying Keep with no database. */
export class MemoryLoginFailureStore implements LoginFailureStore {
  #failures: StoredFailure[] = []
  #lastId = 0

  record(failure: LoginFailure): Promise<LoginFailureId> {
    this.#lastId += 1

    const id = String(this.#lastId)

    this.#failures.push({ ...failure, id, username: failure.username.toLowerCase() })

    return Promise.resolve(id)
  }

  count(request: { username: string; address: string; since: Date }): Promise<FailureCounts> {
    const recent = this.#failures.filter((failure) => failure.at > request.since)
    const username = request.username.toLowerCase()

    return Promise.resolve({
      account: recent.filter((failure) => failure.username === username).length,
      address: recent.filter((failure) => failure.address === request.address).length,
    })
  }

  forget(id: LoginFailureId): Promise<void> {
    this.#failures = this.#failures.filter((failure) => failure.id !== id)

    return Promise.resolve()
  }

  purgeBefore(instant: Date): Promise<number> {
    const before = this.#failures.length

    this.#failures = this.#failures.filter((failure) => failure.at >= instant)

    return Promise.resolve(before - this.#failures.length)
  }
}
