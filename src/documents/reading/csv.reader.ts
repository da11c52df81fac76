import { fail, ok, type Result } from '../../domain/result.ts'
import type { DocumentReading, ReadInput, ReadProblem } from './document-reading.ts'
import { extensionOf } from './file-names.ts'
import { decodeText, EMPTY_FILE, ENCODING_NOTES } from './plain-text.reader.ts'

/**
 * Comma-separated values (RFC 4180, and the semicolon- and tab-separated variants Excel writes in other locales).
 * Cells are kept exactly as written: a cell starting `=`, `+`, `-` or `@` is text here, never a formula.
 */

export type Delimiter = ',' | ';' | '\t'

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t']

/** The delimiter of the first record: whichever of comma, semicolon and tab occurs most outside quotes there. */
export const detectDelimiter = (text: string): Delimiter => {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]))
  let quoted = false
  for (const character of text) {
    if (character === '"') quoted = !quoted
    else if (!quoted && (character === '\n' || character === '\r')) break
    else if (!quoted && (character === ',' || character === ';' || character === '\t')) {
      counts.set(character, (counts.get(character) ?? 0) + 1)
    }
  }
  let best: Delimiter = ','
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter
  return best
}

export interface ParsedCsv {
  readonly rows: readonly (readonly string[])[]
  /** A quoted cell was still open at the end of the file. */
  readonly unclosedQuote: boolean
}

/**
 * Parses CSV text: fields in double quotes may hold the delimiter, line breaks and doubled quotes (`""`); CRLF, LF
 * and CR all end a record; a line break at the very end does not start another record. A quote inside an unquoted
 * field is kept as it is.
 */
export const parseCsv = (text: string, delimiter: Delimiter): ParsedCsv => {
  const rows: string[][] = []
  let row: string[] = []
  let index = 0
  let unclosedQuote = false
  const length = text.length
  const isBreak = (character: string | undefined): boolean => character === '\n' || character === '\r'
  while (index < length) {
    let field: string
    if (text[index] === '"') {
      // A quoted field: runs of text up to the next quote, a doubled quote standing for one.
      const parts: string[] = []
      let position = index + 1
      for (;;) {
        const quote = text.indexOf('"', position)
        if (quote < 0) {
          parts.push(text.slice(position))
          position = length
          unclosedQuote = true
          break
        }
        parts.push(text.slice(position, quote))
        if (text[quote + 1] === '"') {
          parts.push('"')
          position = quote + 2
          continue
        }
        position = quote + 1
        break
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheet programs do.
      let end = position
      while (end < length && text[end] !== delimiter && !isBreak(text[end])) end += 1
      parts.push(text.slice(position, end))
      field = parts.join('')
      index = end
    } else {
      let end = index
      while (end < length && text[end] !== delimiter && !isBreak(text[end])) end += 1
      field = text.slice(index, end)
      index = end
    }
    row.push(field)
    if (index >= length) break
    if (text[index] === delimiter) {
      index += 1
      // A delimiter at the very end still ends a (last, empty) field.
      if (index >= length) row.push('')
      continue
    }
    // A line break ends the record.
    index += text[index] === '\r' && text[index + 1] === '\n' ? 2 : 1
    rows.push(row)
    row = []
  }
  if (row.length > 0) rows.push(row)
  return { rows, unclosedQuote }
}

/** A cell on one line of the reading's text: its own line breaks and tabs become spaces. */
const flatten = (cell: string): string => cell.replace(/[\r\n\t]+/g, ' ')

const describeRows = (rows: readonly number[]): string => {
  const shown = rows.slice(0, 10).join(', ')
  return rows.length > 10 ? `${shown} and ${rows.length - 10} more` : shown
}

/** Reads a CSV or tab-separated file: its text is a line per row, cells separated by a tab. */
export const readCsv = (input: ReadInput): Result<DocumentReading, ReadProblem> => {
  if (input.bytes.length === 0) return fail(EMPTY_FILE)
  const { text, encoding } = decodeText(input.bytes)
  const extension = extensionOf(input.name)
  const delimiter: Delimiter = extension === 'tsv' || extension === 'tab' ? '\t' : detectDelimiter(text)
  const { rows, unclosedQuote } = parseCsv(text, delimiter)
  const notes: string[] = []
  const encodingNote = ENCODING_NOTES[encoding]
  if (encodingNote !== undefined) notes.push(encodingNote)
  if (delimiter !== ',') {
    notes.push(`The values are separated by ${delimiter === ';' ? 'semicolons' : 'tabs'}.`)
  }
  const expected = rows[0]?.length ?? 0
  const uneven: number[] = []
  rows.forEach((row, index) => {
    const blankLine = row.length === 1 && row[0] === ''
    if (row.length !== expected && !blankLine) uneven.push(index + 1)
  })
  if (uneven.length > 0) {
    notes.push(
      `${uneven.length === 1 ? 'Row' : 'Rows'} ${describeRows(uneven)} ${uneven.length === 1 ? 'has' : 'have'} a different number of cells from the first row (${expected}).`,
    )
  }
  if (unclosedQuote) {
    notes.push(
      'A quoted cell is not closed before the end of the file, so the rest of the file was read as one cell. Check the file in a spreadsheet program.',
    )
  }
  return ok({
    kind: 'csv',
    mediaType: delimiter === '\t' ? 'text/tab-separated-values' : 'text/csv',
    text: rows.map((row) => row.map(flatten).join('\t')).join('\n'),
    pages: [],
    hidden: [],
    contained: [],
    notes,
  })
}
