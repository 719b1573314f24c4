import { describeLoadError } from './load-error'

interface ErrorNoticeProps {
  readonly title: string
  readonly error: unknown
  readonly onRetry: () => void
}

/** A failed load, said plainly, with a way to try again. */
export function ErrorNotice(props: ErrorNoticeProps) {
  return (
    <div class="kas-notice" role="alert">
      <p class="kas-notice__text">
        <strong>{props.title}</strong> {describeLoadError(props.error)}
      </p>
      <button type="button" class="kas-button kas-button--small" onClick={() => props.onRetry()}>
        Retry
      </button>
    </div>
  )
}
