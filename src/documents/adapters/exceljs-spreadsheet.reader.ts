import ExcelJS from 'exceljs'
import { fail, ok, type Result } from '../../domain/result.ts'
import {
  DEFAULT_READ_LIMITS,
  type DocumentReading,
  type HiddenContent,
  type ReadInput,
  type ReadLimits,
  type ReadProblem,
} from '../reading/document-reading.ts'
import { damaged, openOfficePackage, readCoreProperties } from '../reading/office-package.ts'
import { EMPTY_FILE } from '../reading/plain-text.reader.ts'

/**
 * Reads an Excel (.xlsx) workbook with exceljs. The text holds every sheet's values, hidden sheets, rows, columns and
 * cells included, because that is where a spreadsheet's personal data is most easily missed (the PSNI's 2023 breach
 * was a hidden sheet). What is hidden, and how, is listed in `hidden`:
 *
 * - sheets whose state is hidden or very hidden;
 * - rows that are hidden or less than 1 point high, and columns that are hidden or narrower than 0.5 characters,
 *   when they hold a value (runs of them are one entry: "rows 4 to 9", "columns C to F");
 * - cells with a value that a reader cannot see: a number format of `;;;` (or `;;` for numbers), white text on no
 *   fill, or text the same colour as the cell's fill. At most 200 such cells a sheet are listed one by one.
 *
 * Formulas give their last calculated value (never the formula); dates are ISO 8601.
 */

/** The most hidden cells listed one by one on a sheet; the rest are counted in a note. */
export const MAX_HIDDEN_CELLS_LISTED = 200

const columnLetters = (column: number): string => {
  let letters = ''
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  }
  return letters
}

const isoDate = (date: Date): string => {
  if (Number.isNaN(date.getTime())) return ''
  const iso = date.toISOString()
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10)
  return iso.replace('.000Z', 'Z')
}

const formatNumber = (value: number): string =>
  Number.isInteger(value) || !Number.isFinite(value) ? String(value) : String(Number(value.toPrecision(15)))

/** A cell's value as text: rich text joined, hyperlinks' text, formulas' results, errors as Excel shows them. */
export const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return isoDate(value)
  if (typeof value !== 'object') return ''
  const record = value as Record<string, unknown>
  if (Array.isArray(record.richText)) {
    return record.richText.map((part: unknown) => cellText((part as { text?: unknown }).text)).join('')
  }
  if ('formula' in record || 'sharedFormula' in record) return cellText(record.result)
  if ('hyperlink' in record) return cellText(record.text)
  if (typeof record.error === 'string') return record.error
  if ('text' in record) return cellText(record.text)
  return ''
}

const isNumeric = (value: unknown): boolean => {
  if (typeof value === 'number' || value instanceof Date) return true
  if (typeof value === 'object' && value !== null && 'result' in value) return isNumeric(value.result)
  return false
}

interface ColourLike {
  readonly argb?: string
  readonly theme?: number
  readonly tint?: number
  readonly indexed?: number
}

const rgbOf = (colour: ColourLike): string | undefined => {
  if (typeof colour.argb === 'string' && /^[0-9a-f]{6,8}$/i.test(colour.argb))
    return colour.argb.slice(-6).toUpperCase()
  if (colour.indexed === 9 || colour.indexed === 1) return 'FFFFFF'
  if (colour.indexed === 8 || colour.indexed === 0) return '000000'
  return undefined
}

const isWhite = (colour: ColourLike): boolean =>
  rgbOf(colour) === 'FFFFFF' || (colour.theme === 0 && (colour.tint ?? 0) === 0)

const sameColour = (a: ColourLike, b: ColourLike): boolean => {
  const rgbA = rgbOf(a)
  const rgbB = rgbOf(b)
  if (rgbA !== undefined && rgbB !== undefined) return rgbA === rgbB
  return a.theme !== undefined && a.theme === b.theme && (a.tint ?? 0) === (b.tint ?? 0)
}

/** How a cell with a value is hidden from someone looking at the sheet, or undefined when it can be seen. */
const cellHiddenBy = (cell: ExcelJS.Cell): string | undefined => {
  const format = (cell.numFmt ?? '').replace(/\s/g, '')
  if (format === ';;;') return 'number format ;;; hides the value'
  if (format === ';;' && isNumeric(cell.value)) return 'number format ;; hides the value'
  const fontColour = cell.font?.color as ColourLike | undefined
  if (fontColour === undefined) return undefined
  const fill = cell.fill as ExcelJS.Fill | undefined
  const noFill =
    fill === undefined || (fill.type === 'pattern' && (fill.pattern === 'none' || fill.pattern === undefined))
  if (noFill) return isWhite(fontColour) ? 'white text' : undefined
  if (fill.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor !== undefined) {
    if (sameColour(fontColour, fill.fgColor)) return 'text the same colour as the cell’s fill'
  }
  return undefined
}

/** Runs of consecutive numbers hidden the same way: [first, last, how]. */
const runs = (hidden: ReadonlyMap<number, string>): [number, number, string][] => {
  const result: [number, number, string][] = []
  for (const index of [...hidden.keys()].sort((a, b) => a - b)) {
    const how = hidden.get(index) as string
    const last = result.at(-1)
    if (last !== undefined && last[1] === index - 1 && last[2] === how) last[1] = index
    else result.push([index, index, how])
  }
  return result
}

const noteText = (note: unknown): string => {
  if (typeof note === 'string') return note
  if (typeof note === 'object' && note !== null && 'texts' in note && Array.isArray(note.texts)) {
    return note.texts.map((part: unknown) => cellText((part as { text?: unknown }).text)).join('')
  }
  return ''
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`

interface SheetReading {
  readonly text: string
  readonly hidden: HiddenContent[]
  readonly hiddenRows: number
  readonly hiddenColumns: number
  readonly hiddenCells: number
  readonly unlistedCells: number
  readonly cellNotes: number
}

const readSheet = (sheet: ExcelJS.Worksheet): SheetReading => {
  const name = sheet.name
  const lines = [`Sheet: ${name}`]
  const hidden: HiddenContent[] = []
  const columnsWithValues = new Set<number>()
  const hiddenRows = new Map<number, string>()
  const notes: string[] = []
  let hiddenCells = 0
  let unlistedCells = 0

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = []
    let rowHasValue = false
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const note = noteText(cell.note)
      if (note.trim() !== '')
        notes.push(`Note on ${columnLetters(columnNumber)}${rowNumber}: ${note.replace(/\s+/g, ' ').trim()}`)
      // A merged range keeps its value in its first cell; the others only repeat it.
      if (cell.isMerged && cell.master !== cell) return
      const text = cellText(cell.value)
      if (text === '') return
      rowHasValue = true
      columnsWithValues.add(columnNumber)
      while (cells.length < columnNumber - 1) cells.push('')
      cells[columnNumber - 1] = text.replace(/[\r\n\t]+/g, ' ')
      const how = cellHiddenBy(cell)
      if (how === undefined) return
      hiddenCells += 1
      if (hiddenCells > MAX_HIDDEN_CELLS_LISTED) unlistedCells += 1
      else hidden.push({ kind: 'cell', sheet: name, where: `cell ${columnLetters(columnNumber)}${rowNumber}`, how })
    })
    if (!rowHasValue) return
    lines.push(cells.join('\t'))
    if (row.hidden) hiddenRows.set(rowNumber, 'row hidden')
    else if (row.height !== undefined && row.height < 1) hiddenRows.set(rowNumber, 'row too short to see')
  })

  const hiddenColumns = new Map<number, string>()
  const columns: readonly Partial<ExcelJS.Column>[] = sheet.columns ?? []
  columns.forEach((column, index) => {
    const number = index + 1
    if (!columnsWithValues.has(number)) return
    if (column.hidden === true) hiddenColumns.set(number, 'column hidden')
    else if (column.width !== undefined && column.width < 0.5) hiddenColumns.set(number, 'column too narrow to see')
  })

  const rowRuns = runs(hiddenRows)
  const columnRuns = runs(hiddenColumns)
  hidden.unshift(
    ...rowRuns.map(([first, last, how]): HiddenContent => ({
      kind: 'row',
      sheet: name,
      where: first === last ? `row ${first}` : `rows ${first} to ${last}`,
      how,
    })),
    ...columnRuns.map(([first, last, how]): HiddenContent => ({
      kind: 'column',
      sheet: name,
      where:
        first === last ? `column ${columnLetters(first)}` : `columns ${columnLetters(first)} to ${columnLetters(last)}`,
      how,
    })),
  )
  if (notes.length > 0) lines.push('', `Notes on cells in ${name}:`, ...notes)
  return {
    text: lines.join('\n'),
    hidden,
    hiddenRows: hiddenRows.size,
    hiddenColumns: hiddenColumns.size,
    hiddenCells,
    unlistedCells,
    cellNotes: notes.length,
  }
}

const sheetStateHidden = (state: ExcelJS.WorksheetState): string | undefined =>
  state === 'hidden'
    ? 'hidden sheet'
    : state === 'veryHidden'
      ? 'very hidden sheet (only visible in the VBA editor)'
      : undefined

/** Reads an Excel workbook. Never throws for bad bytes: a damaged file is `corrupt`, a password-protected one `encrypted`. */
export const readSpreadsheet = async (
  input: ReadInput,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<Result<DocumentReading, ReadProblem>> => {
  if (input.bytes.length === 0) return fail(EMPTY_FILE)
  const opened = openOfficePackage(input.bytes, 'spreadsheet', 'xl/workbook.xml', limits)
  if (!opened.ok) return opened

  const workbook = new ExcelJS.Workbook()
  try {
    const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer)
  } catch {
    return fail(damaged('spreadsheet'))
  }

  const hidden: HiddenContent[] = []
  const texts: string[] = []
  let hiddenSheets = 0
  let veryHiddenSheets = 0
  let hiddenRows = 0
  let hiddenColumns = 0
  let hiddenCells = 0
  let cellNotes = 0
  const unlisted: string[] = []
  try {
    for (const sheet of workbook.worksheets) {
      const sheetHow = sheetStateHidden(sheet.state)
      if (sheetHow !== undefined) {
        hidden.push({ kind: 'sheet', sheet: sheet.name, where: 'sheet', how: sheetHow })
        if (sheet.state === 'veryHidden') veryHiddenSheets += 1
        else hiddenSheets += 1
      }
      const reading = readSheet(sheet)
      texts.push(reading.text)
      hidden.push(...reading.hidden)
      hiddenRows += reading.hiddenRows
      hiddenColumns += reading.hiddenColumns
      hiddenCells += reading.hiddenCells
      cellNotes += reading.cellNotes
      if (reading.unlistedCells > 0) {
        unlisted.push(
          `${plural(reading.unlistedCells, 'more hidden cell', 'more hidden cells')} on sheet ${sheet.name}`,
        )
      }
    }
  } catch {
    return fail(damaged('spreadsheet'))
  }

  const notes: string[] = []
  const counts = [
    hiddenSheets > 0 ? plural(hiddenSheets, 'hidden sheet', 'hidden sheets') : '',
    veryHiddenSheets > 0 ? plural(veryHiddenSheets, 'very hidden sheet', 'very hidden sheets') : '',
    hiddenRows > 0 ? plural(hiddenRows, 'hidden row', 'hidden rows') : '',
    hiddenColumns > 0 ? plural(hiddenColumns, 'hidden column', 'hidden columns') : '',
    hiddenCells > 0 ? plural(hiddenCells, 'hidden cell', 'hidden cells') : '',
  ].filter((count) => count !== '')
  if (counts.length > 0) {
    const list = counts.length === 1 ? counts[0] : `${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}`
    notes.push(
      `The workbook has content that is hidden from view: ${list}. All of it is included in the text; check it before anything is disclosed.`,
    )
  }
  if (unlisted.length > 0) notes.push(`Not listed one by one: ${unlisted.join('; ')}.`)
  if (cellNotes > 0) {
    notes.push(
      `The workbook has ${plural(cellNotes, 'cell note', 'cell notes')} (comments): their text follows each sheet's values.`,
    )
  }

  const { title, author, createdAt, modifiedAt } = readCoreProperties(opened.value)
  return ok({
    kind: 'spreadsheet',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    text: texts.join('\n\n'),
    pages: [],
    ...(title === undefined ? {} : { title }),
    ...(author === undefined ? {} : { author }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(modifiedAt === undefined ? {} : { modifiedAt }),
    hidden,
    contained: [],
    notes,
  })
}
