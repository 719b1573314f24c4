import { describe, expect, it } from 'vitest'

import {
  getHeaderCheckState,
  getSelectableIds,
  keepShownSelection,
  toggleAllSelectable,
  toggleSelected,
} from './selection'

const rows = [
  { id: 'a', own: false },
  { id: 'mine', own: true },
  { id: 'b', own: false },
]

describe('selection rules', () => {
  it('offers every row but the acting admin’s own', () => {
    expect(getSelectableIds(rows)).toEqual(['a', 'b'])
  })

  it('shows an empty header checkbox when nothing is selected', () => {
    expect(getHeaderCheckState(rows, new Set())).toEqual({
      checked: false,
      indeterminate: false,
      disabled: false,
    })
  })

  it('shows the mixed state when some selectable rows are selected', () => {
    expect(getHeaderCheckState(rows, new Set(['a']))).toMatchObject({
      checked: false,
      indeterminate: true,
    })
  })

  it('shows checked when every selectable row is selected, own rows aside', () => {
    expect(getHeaderCheckState(rows, new Set(['a', 'b']))).toMatchObject({
      checked: true,
      indeterminate: false,
    })
  })

  it('disables the header checkbox when no row is selectable', () => {
    expect(getHeaderCheckState([{ id: 'mine', own: true }], new Set())).toMatchObject({
      checked: false,
      disabled: true,
    })
  })

  it('selects all selectable rows, then clears them', () => {
    const all = toggleAllSelectable(rows, new Set(['a']))

    expect([...all]).toEqual(['a', 'b'])
    expect(toggleAllSelectable(rows, all).size).toBe(0)
  })

  it('never selects an own row', () => {
    expect(toggleSelected(new Set(), { id: 'mine', own: true }).size).toBe(0)
    expect([...toggleSelected(new Set(), { id: 'a', own: false })]).toEqual(['a'])
    expect(toggleSelected(new Set(['a']), { id: 'a', own: false }).size).toBe(0)
  })

  it('forgets rows that are no longer shown', () => {
    const shown = [{ id: 'b', own: false }]

    expect([...keepShownSelection(shown, new Set(['a', 'b']))]).toEqual(['b'])
  })
})
