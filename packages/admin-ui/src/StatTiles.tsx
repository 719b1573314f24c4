import { For } from 'solid-js'

import { SESSION_TYPES, SESSION_TYPE_LABELS } from '@keep/core'
import type { SessionStats } from '@keep/sdk'

interface StatTilesProps {
  readonly stats: SessionStats | undefined
}

const numberFormat = new Intl.NumberFormat()

/** The headline counts: users and sessions, then sessions per channel. */
export function StatTiles(props: StatTilesProps) {
  const show = (value: number | undefined) =>
    value === undefined ? '—' : numberFormat.format(value)

  return (
    <ul class="kas-tiles" aria-label="Session counts" aria-busy={props.stats === undefined}>
      <Tile label="Active Users" value={show(props.stats?.activeUsers)} primary />
      <Tile label="Active Sessions" value={show(props.stats?.activeSessions)} primary />
      <For each={SESSION_TYPES}>
        {(type) => (
          <Tile
            label={SESSION_TYPE_LABELS[type]}
            value={show(props.stats?.byType[type])}
            type={type}
          />
        )}
      </For>
    </ul>
  )
}

interface TileProps {
  readonly label: string
  readonly value: string
  readonly primary?: boolean
  readonly type?: string
}

function Tile(props: TileProps) {
  return (
    <li
      class="kas-tile"
      classList={{ 'kas-tile--primary': props.primary === true }}
      data-type={props.type}
    >
      <span class="kas-tile__label">{props.label}</span>
      <span class="kas-tile__value">{props.value}</span>
    </li>
  )
}
