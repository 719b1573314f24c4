import { Match, Show, Switch } from 'solid-js'

import { SESSION_TYPE_LABELS } from '@keep/core'
import type { SessionItem } from '@keep/sdk'

import type { ColumnId } from './columns'
import { formatExactTime, formatRelativeTime, parseTime } from './relative-time'
import { useUserAgentDescriber } from './user-agent-loader'

interface SessionCellProps {
  readonly column: ColumnId
  readonly item: SessionItem
  readonly now: Date
}

/** One cell of a session row, formatted for reading. */
export function SessionCell(props: SessionCellProps) {
  return (
    <td class="kas-td" data-column={props.column}>
      <Switch>
        <Match when={props.column === 'username'}>
          <span class="kas-username">{props.item.username}</span>
          <Show when={props.item.own}>
            <span class="kas-badge">You</span>
          </Show>
        </Match>
        <Match when={props.column === 'type'}>
          <span class="kas-type" data-type={props.item.type}>
            {SESSION_TYPE_LABELS[props.item.type]}
          </span>
        </Match>
        <Match when={props.column === 'address'}>
          <span class="kas-mono">{props.item.address}</span>
        </Match>
        <Match when={props.column === 'lastActive'}>
          <RelativeTime iso={props.item.lastActiveAt} now={props.now} />
        </Match>
        <Match when={props.column === 'createdAt'}>
          <RelativeTime iso={props.item.createdAt} now={props.now} />
        </Match>
        <Match when={props.column === 'serverName'}>{props.item.serverName}</Match>
        <Match when={props.column === 'userAgent'}>
          <UserAgent raw={props.item.userAgent} />
        </Match>
      </Switch>
    </td>
  )
}

function RelativeTime(props: { readonly iso: string; readonly now: Date }) {
  const time = () => parseTime(props.iso)

  return (
    <Show when={time()} fallback={<span>{props.iso}</span>}>
      {(date) => (
        <time datetime={props.iso} title={formatExactTime(date())}>
          {formatRelativeTime(date(), props.now)}
        </time>
      )}
    </Show>
  )
}

/** The readable form, with the raw header on hover; the raw text stands in while loading. */
function UserAgent(props: { readonly raw: string }) {
  const describe = useUserAgentDescriber()

  return (
    <span class="kas-agent" title={props.raw}>
      {describe()?.(props.raw) ?? props.raw}
    </span>
  )
}
