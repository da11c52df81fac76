import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectDelimiter, parseCsv, readCsv, type Delimiter } from './csv.reader.ts'

const read = (text: string, name = 'list.csv') => readCsv({ bytes: new TextEncoder().encode(text), name, depth: 0 })

describe('the CSV reader', () => {
  it('parses quotes, doubled quotes, line breaks in quoted cells, CRLF and a trailing newline', () => {
    const parsed = parseCsv('Name,Note\r\n"Testperson, Priya","Said ""hello""\r\ntwice"\r\nOliver,\r\n', ',')
    expect(parsed).toEqual({
      rows: [
        ['Name', 'Note'],
        ['Testperson, Priya', 'Said "hello"\r\ntwice'],
        ['Oliver', ''],
      ],
      unclosedQuote: false,
    })
  })

  it('gives back any table written out as RFC 4180 CSV, whatever the cells hold', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r', '\t', '=', '£') })
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 })
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`
    fc.assert(
      fc.property(table, fc.constantFrom<Delimiter>(',', ';', '\t'), fc.boolean(), (rows, delimiter, crlf) => {
        const newline = crlf ? '\r\n' : '\n'
        const text = rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline
        expect(parseCsv(text, delimiter)).toEqual({ rows, unclosedQuote: false })
      }),
    )
  })

  it('keeps a quote inside an unquoted cell as it is', () => {
    expect(parseCsv('5" floppy,x', ',').rows).toEqual([['5" floppy', 'x']])
  })

  it('detects semicolon- and tab-separated files from the first line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3')).toBe(';')
    expect(detectDelimiter('a\tb\tc')).toBe('\t')
    expect(detectDelimiter('"a;b",c\n')).toBe(',')
    expect(detectDelimiter('single column')).toBe(',')
  })

  it('gives a line per row with cells separated by tabs, and notes the delimiter', () => {
    const reading = read('Name;Postcode\nPriya Testperson;SW1A 2AA\n')
    expect(reading).toMatchObject({
      ok: true,
      value: { kind: 'csv', mediaType: 'text/csv', text: 'Name\tPostcode\nPriya Testperson\tSW1A 2AA' },
    })
    expect(reading.ok && reading.value.notes).toEqual(['The values are separated by semicolons.'])
  })

  it('reads a .tsv file as tab-separated whatever its first line', () => {
    const reading = read('a,b\tc\n1,2\t3\n', 'list.tsv')
    expect(reading).toMatchObject({
      ok: true,
      value: { mediaType: 'text/tab-separated-values', text: 'a,b\tc\n1,2\t3' },
    })
  })

  it('puts a multi-line cell on one line of the text', () => {
    const reading = read('Address\n"10 Example Street\nLondon\nSW1A 2AA"\n')
    expect(reading.ok && reading.value.text).toBe('Address\n10 Example Street London SW1A 2AA')
  })

  it('keeps formula-looking cells as text', () => {
    const reading = read('Cell\n=HYPERLINK("http://example.org")\n+1\n-2\n@SUM(A1)\n')
    expect(reading.ok && reading.value.text).toBe('Cell\n=HYPERLINK("http://example.org")\n+1\n-2\n@SUM(A1)')
  })

  it('notes rows with a different number of cells from the first', () => {
    const reading = read('a,b,c\n1,2,3\n1,2\n\n1,2,3,4\n')
    expect(reading.ok && reading.value.notes).toEqual([
      'Rows 3, 5 have a different number of cells from the first row (3).',
    ])
  })

  it('notes a quoted cell left open at the end of the file', () => {
    const reading = read('a,b\n"never closed,x\n')
    expect(reading.ok && reading.value.notes.join(' ')).toContain('not closed')
  })

  it('refuses an empty file', () => {
    expect(read('')).toMatchObject({ ok: false, error: { code: 'empty' } })
  })
})
