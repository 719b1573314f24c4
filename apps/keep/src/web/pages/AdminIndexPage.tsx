import { A } from '@solidjs/router'
import { For } from 'solid-js'

import { ADMIN_SECTIONS } from '../admin-module'
import { getSectionModules } from '../modules'

export function AdminIndexPage() {
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Administration</h1>
      <For each={ADMIN_SECTIONS}>
        {(section) => (
          <section class="card" aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`}>{section.label}</h2>
            <ul class="links">
              <For
                each={getSectionModules(section.id)}
                fallback={<li class="muted">No pages are installed in this section.</li>}
              >
                {(module) => (
                  <li>
                    <A href={`/admin/${module.path}`}>{module.label}</A>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
    </section>
  )
}
