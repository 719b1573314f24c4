import { A } from '@solidjs/router'
import type { RouteSectionProps } from '@solidjs/router'
import { For, Show } from 'solid-js'

import { ADMIN_SECTIONS } from '../admin-module'
import { getSectionModules } from '../modules'
import { useSession } from '../session'

/** The admin area: its menu of sections beside the chosen page; admins only. */
export function AdminLayout(props: RouteSectionProps) {
  const session = useSession()
  const isAdmin = () => session.me()?.user.role === 'admin'

  return (
    <Show when={isAdmin()} fallback={<Forbidden />}>
      <div class="admin">
        <nav class="admin-menu" aria-label="Admin">
          <For each={ADMIN_SECTIONS}>
            {(section) => (
              <section aria-labelledby={`menu-${section.id}`}>
                <h2 id={`menu-${section.id}`}>{section.label}</h2>
                <ul>
                  <For
                    each={getSectionModules(section.id)}
                    fallback={<li class="muted">Nothing here yet</li>}
                  >
                    {(module) => (
                      <li>
                        <A href={`/admin/${module.path}`} activeClass="active">
                          {module.label}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            )}
          </For>
        </nav>
        <div class="admin-page">{props.children}</div>
      </div>
    </Show>
  )
}

function Forbidden() {
  return (
    <section class="card narrow" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">Admins only</h1>
      <p>The admin area needs the admin role.</p>
    </section>
  )
}
