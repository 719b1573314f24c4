import { A } from '@solidjs/router'

export function NotFoundPage() {
  return (
    <section class="card narrow" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <A href="/">Go to the home page</A>
      </p>
    </section>
  )
}
