import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { bytesOf } from '../../../test/fixtures/documents/archives.ts'
import { buildPlainXlsx, buildXlsx, XLSX_PEOPLE } from '../../../test/fixtures/documents/office-files.ts'
import { buildCompoundFile } from '../../../test/fixtures/documents/outlook-msg.ts'
import { cellText, MAX_HIDDEN_CELLS_LISTED, readSpreadsheet } from './exceljs-spreadsheet.reader.ts'

const read = (bytes: Uint8Array) => readSpreadsheet({ bytes, name: 'staff.xlsx', depth: 0 })

describe('the spreadsheet reader', () => {
  it('puts every sheet’s values in the text, hidden ones included', async () => {
    const reading = await read(await buildXlsx())
    expect(reading.ok).toBe(true)
    if (!reading.ok) return
    for (const person of Object.values(XLSX_PEOPLE)) expect(reading.value.text).toContain(person)
    expect(reading.value.text).toContain('Sheet: Staff\nName\tEmail\tPhone\tSalary\tStart date\tNotes\n')
    expect(reading.value.text).toContain('Priya Testperson\tpriya@example.org\t07700 900001\t31000\t2023-04-01')
    expect(reading.value.text).toContain('Sheet: Old list\nHettie Hiddensheet\tSW1A 2AA')
    expect(reading.value.text).toContain('Sheet: Lookup\nVictor Veryhidden\t07700 900999')
  })

  it('gives formulas’ results, not the formulas, and the text of cell notes', async () => {
    const reading = await read(await buildXlsx())
    if (!reading.ok) throw new Error('the workbook should be read')
    expect(reading.value.text).toContain('Total\t\t\t63000')
    expect(reading.value.text).not.toContain('D2+D3')
    expect(reading.value.text).toContain('Note on A10: Checked by Oliver Samplename')
  })

  it('lists what is hidden and how', async () => {
    const reading = await read(await buildXlsx())
    if (!reading.ok) throw new Error('the workbook should be read')
    expect(reading.value.hidden).toEqual(
      expect.arrayContaining([
        { kind: 'sheet', sheet: 'Old list', where: 'sheet', how: 'hidden sheet' },
        { kind: 'sheet', sheet: 'Lookup', where: 'sheet', how: 'very hidden sheet (only visible in the VBA editor)' },
        { kind: 'row', sheet: 'Staff', where: 'row 3', how: 'row hidden' },
        { kind: 'row', sheet: 'Staff', where: 'row 5', how: 'row too short to see' },
        { kind: 'column', sheet: 'Staff', where: 'columns C to D', how: 'column hidden' },
        { kind: 'column', sheet: 'Staff', where: 'column F', how: 'column too narrow to see' },
        { kind: 'cell', sheet: 'Staff', where: 'cell B6', how: 'number format ;;; hides the value' },
        { kind: 'cell', sheet: 'Staff', where: 'cell B7', how: 'white text' },
        { kind: 'cell', sheet: 'Staff', where: 'cell B8', how: 'text the same colour as the cell’s fill' },
      ]),
    )
    expect(reading.value.hidden).toHaveLength(9)
    expect(reading.value.notes[0]).toBe(
      'The workbook has content that is hidden from view: 1 hidden sheet, 1 very hidden sheet, 2 hidden rows, 3 hidden columns and 3 hidden cells. All of it is included in the text; check it before anything is disclosed.',
    )
  })

  it('reads the workbook’s title, author and dates', async () => {
    const reading = await read(await buildXlsx())
    expect(reading).toMatchObject({
      ok: true,
      value: {
        kind: 'spreadsheet',
        title: 'Staff list',
        author: XLSX_PEOPLE.visible,
        createdAt: '2024-01-02T03:04:05.000Z',
        modifiedAt: '2024-01-05T06:07:08.000Z',
      },
    })
  })

  it('has nothing hidden and no notes for a plain workbook, and rounds away floating-point noise', async () => {
    const reading = await read(await buildPlainXlsx())
    expect(reading).toMatchObject({
      ok: true,
      value: { text: 'Sheet: Figures\nQuarter\tRequests\nQ1\t120\nQ2\t0.3', hidden: [], notes: [] },
    })
  })

  it('lists at most 200 hidden cells a sheet one by one and counts the rest', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('White')
    for (let row = 1; row <= MAX_HIDDEN_CELLS_LISTED + 5; row += 1) {
      const cell = sheet.getCell(row, 1)
      cell.value = `Person ${row}`
      cell.font = { color: { argb: 'FFFFFFFF' } }
    }
    const reading = await read(new Uint8Array(await workbook.xlsx.writeBuffer()))
    if (!reading.ok) throw new Error('the workbook should be read')
    expect(reading.value.hidden).toHaveLength(MAX_HIDDEN_CELLS_LISTED)
    expect(reading.value.notes).toContain('Not listed one by one: 5 more hidden cells on sheet White.')
    expect(reading.value.notes[0]).toContain('205 hidden cells')
  })

  it('turns every kind of cell value into text', () => {
    expect(cellText(new Date('2024-03-04T00:00:00Z'))).toBe('2024-03-04')
    expect(cellText(new Date('2024-03-04T10:30:00Z'))).toBe('2024-03-04T10:30:00Z')
    expect(cellText({ richText: [{ text: 'Priya ' }, { text: 'Testperson' }] })).toBe('Priya Testperson')
    expect(cellText({ text: 'Website', hyperlink: 'https://example.org' })).toBe('Website')
    expect(cellText({ formula: 'A1', result: new Date('2024-01-01T00:00:00Z') })).toBe('2024-01-01')
    expect(cellText({ sharedFormula: 'A1', result: 'x' })).toBe('x')
    expect(cellText({ error: '#N/A' })).toBe('#N/A')
    expect(cellText(true)).toBe('TRUE')
    expect(cellText(null)).toBe('')
  })

  it('refuses damaged files as corrupt, saying what to do', async () => {
    const whole = await buildPlainXlsx()
    for (const bytes of [whole.subarray(0, whole.length - 100), bytesOf('not a spreadsheet')]) {
      const reading = await read(bytes)
      expect(reading).toMatchObject({ ok: false, error: { code: 'corrupt' } })
      expect(!reading.ok && reading.error.message).toBe(
        'The spreadsheet could not be read: it may be damaged or not really a spreadsheet. Open it in Excel or LibreOffice, save a new copy and upload that.',
      )
    }
  })

  it('refuses a password-protected workbook as encrypted, and an Excel 97 workbook as unsupported', async () => {
    const locked = await read(buildCompoundFile({ EncryptionInfo: bytesOf('i'), EncryptedPackage: bytesOf('p') }))
    expect(locked).toMatchObject({ ok: false, error: { code: 'encrypted' } })
    expect(!locked.ok && locked.error.message).toContain('remove the password')
    expect(await read(buildCompoundFile({ Workbook: bytesOf('b') }))).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
  })
})
