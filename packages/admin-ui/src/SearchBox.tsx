import { createEffect, createSignal, createUniqueId, on, onCleanup } from 'solid-js'

import { MAX_QUERY_LENGTH } from './view-params'

const SEARCH_DELAY_MS = 300

interface SearchBoxProps {
  readonly value: string
  readonly onSearch: (text: string) => void
}

/** Search by username or address; applies after a pause in typing, or at once on Enter. */
export function SearchBox(props: SearchBoxProps) {
  const id = `kas-search-${createUniqueId()}`
  const [text, setText] = createSignal(props.value)
  let timer: ReturnType<typeof setTimeout> | undefined

  const apply = () => {
    clearTimeout(timer)
    if (text().trim() !== props.value) props.onSearch(text())
  }

  // Follow the URL when it changes from outside, e.g. through Back, without undoing typing.
  createEffect(
    on(
      () => props.value,
      (value) => {
        if (text().trim() !== value) setText(value)
      },
      { defer: true }
    )
  )

  onCleanup(() => clearTimeout(timer))

  return (
    <div class="kas-search">
      <label for={id} class="kas-visually-hidden">
        Search by username or address
      </label>
      <input
        id={id}
        type="search"
        class="kas-input kas-search__input"
        placeholder="Search username or address"
        maxLength={MAX_QUERY_LENGTH}
        autocomplete="off"
        value={text()}
        onInput={(event) => {
          setText(event.currentTarget.value)
          clearTimeout(timer)
          timer = setTimeout(apply, SEARCH_DELAY_MS)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply()
        }}
      />
    </div>
  )
}
