import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>

export type LoginNotice = 'session_ended' | 'logged_out'

export interface LoginPageProps {
  readonly notice?: LoginNotice | undefined
  readonly error?: string | undefined
  readonly username?: string | undefined
}

export interface HomePageProps {
  readonly username: string
  readonly role: string
  readonly startedAt: Date
  readonly serverName: string
}

const NOTICES: Readonly<Record<LoginNotice, string>> = {
  session_ended: 'Your session has ended. Log in again to continue.',
  logged_out: 'You have logged out.',
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, sans-serif; color: #1b1f24; background: #f4f5f7; }
  body { margin: 0; }
  main { max-width: 26rem; margin: 4rem auto; padding: 2rem; background: #fff; border: 1px solid #c9ced6; border-radius: 8px; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin: 1rem 0 0.3rem; }
  input { box-sizing: border-box; width: 100%; padding: 0.55rem; font: inherit; border: 1px solid #6b7280; border-radius: 4px; }
  button { margin-top: 1.4rem; padding: 0.6rem 1.2rem; font: inherit; color: #fff; background: #1d4ed8; border: 0; border-radius: 4px; cursor: pointer; }
  button:hover { background: #1e40af; }
  :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .notice, .error { padding: 0.7rem; border-radius: 4px; }
  .notice { background: #e0ecff; color: #0b3a8c; }
  .error { background: #fde8e8; color: #8a1111; }
  dt { font-weight: 600; margin-top: 0.6rem; }
  dd { margin: 0.2rem 0 0; }
`

export function layout(title: string, body: Markup): Markup {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Keep</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`
}

export function loginPage(props: LoginPageProps): Markup {
  return layout(
    'Log in',
    html`<h1>Log in to Keep</h1>
      ${props.notice ? html`<p class="notice" role="status">${NOTICES[props.notice]}</p>` : ''}
      ${props.error ? html`<p class="error" role="alert">${props.error}</p>` : ''}
      <form method="post" action="/keep/legacy/login">
        <label for="username">Username</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          required
          value="${props.username ?? ''}"
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <button type="submit">Log in</button>
      </form>`
  )
}

export function homePage(props: HomePageProps): Markup {
  return layout(
    'Home',
    html`<h1>Welcome, ${props.username}</h1>
      <dl>
        <dt>Role</dt>
        <dd>${props.role}</dd>
        <dt>Session started</dt>
        <dd>
          <time datetime="${props.startedAt.toISOString()}">${formatUtc(props.startedAt)}</time>
        </dd>
        <dt>Server</dt>
        <dd>${props.serverName}</dd>
      </dl>
      <form method="post" action="/keep/legacy/logout">
        <button type="submit">Log out</button>
      </form>`
  )
}

export function messagePage(title: string, message: string): Markup {
  return layout(
    title,
    html`<h1>${title}</h1>
      <p>${message}</p>
      <p><a href="/keep/legacy/login">Log in</a></p>`
  )
}

function formatUtc(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
