import { describe, expect, it } from 'vitest'

import { FIRST_PAGE, getPageNumber, goToNextPage, goToPreviousPage } from './cursor-stack'

describe('cursor stack', () => {
  it('walks forward and back through the cursors', () => {
    const second = goToNextPage(FIRST_PAGE, 'c1')
    const third = goToNextPage(second, 'c2')

    expect(getPageNumber(third)).toBe(3)
    expect(third.cursor).toBe('c2')
    expect(goToPreviousPage(third)).toEqual(second)
    expect(goToPreviousPage(second)).toEqual(FIRST_PAGE)
  })

  it('stays on the first page when going back from it', () => {
    expect(goToPreviousPage(FIRST_PAGE)).toBe(FIRST_PAGE)
    expect(getPageNumber(FIRST_PAGE)).toBe(1)
  })
})
