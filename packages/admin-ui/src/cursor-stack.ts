/**
 * Where the table is in a cursor-paged list: the cursors of the pages before, so Previous can
 * go back without offsets, and the cursor of the page shown (undefined on the first page).
 */
export interface CursorStack {
  readonly before: readonly (string | undefined)[]
  readonly cursor: string | undefined
}

export const FIRST_PAGE: CursorStack = { before: [], cursor: undefined }

export function goToNextPage(stack: CursorStack, nextCursor: string): CursorStack {
  return { before: [...stack.before, stack.cursor], cursor: nextCursor }
}

export function goToPreviousPage(stack: CursorStack): CursorStack {
  if (stack.before.length === 0) {
    return stack
  }

  return { before: stack.before.slice(0, -1), cursor: stack.before.at(-1) }
}

/** The page number shown to people, counting from 1. */
export function getPageNumber(stack: CursorStack): number {
  return stack.before.length + 1
}
