/** Markdown table from a header row and body rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`

  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a'
}

export function whole(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a'
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) {
    return 'n/a'
  }

  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`
}

export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a'
}

export function codeBlock(text: string, language = ''): string {
  return ['```' + language, text.trimEnd(), '```'].join('\n')
}
