import { describe, expect, it } from 'vitest'
import { PAGE_SEPARATOR } from '../reading/document-reading.ts'
import { describePages, joinPages, orderByColumns, textFromOcr, type StructuredLine } from './mupdf-pages.ts'

let sequence = 0
const line = (text: string, x0: number, y0: number, x1: number, block = 0, upright = true): StructuredLine => ({
  sequence: sequence++,
  characters: [...text],
  quads: [],
  bbox: [x0, y0, x1, y0 + 12],
  block,
  upright,
})
const texts = (ordered: ReturnType<typeof orderByColumns>) => ordered?.map((entry) => entry.line.characters.join(''))

describe('reading order across columns', () => {
  it('reads a page drawn row by row across two columns column by column, under a full-width heading', () => {
    sequence = 0
    const lines = [
      line('Heading', 56, 60, 540),
      line('L1', 56, 100, 280),
      line('R1', 320, 100, 540),
      line('L2', 56, 114, 280),
      line('R2', 320, 114, 540),
      line('L3', 56, 128, 270),
      line('R3', 320, 128, 530),
    ]
    const ordered = orderByColumns(lines, 595)
    expect(texts(ordered)).toEqual(['Heading', 'L1', 'L2', 'L3', 'R1', 'R2', 'R3'])
    expect(ordered?.map((entry) => entry.newColumn)).toEqual([false, false, false, false, true, false, false])
  })

  it('keeps MuPDF’s order for a single column', () => {
    sequence = 0
    const lines = [line('one', 56, 100, 540), line('two', 56, 114, 500), line('three', 56, 128, 540)]
    expect(orderByColumns([...lines, line('four', 56, 142, 300)], 595)).toBeUndefined()
  })

  it('keeps a form’s labels beside their values, row by row', () => {
    sequence = 0
    const lines = [
      line('Name:', 56, 100, 90),
      line('Priya Testperson', 200, 100, 320),
      line('Email:', 56, 114, 92),
      line('priya.testperson@example.org', 200, 114, 400),
      line('Phone:', 56, 128, 95),
      line('07700 900123', 200, 128, 290),
    ]
    expect(orderByColumns(lines, 595)).toBeUndefined()
  })

  it('keeps MuPDF’s order on a page with turned text', () => {
    sequence = 0
    const lines = [
      line('L1', 56, 100, 280),
      line('R1', 320, 100, 540),
      line('L2', 56, 114, 280),
      line('R2', 320, 114, 540, 0, false),
    ]
    expect(orderByColumns(lines, 595)).toBeUndefined()
  })
})

describe('page text from OCR lines', () => {
  it('joins words with spaces and lines with newlines, and converts pixels to points', () => {
    const page = textFromOcr(
      [
        { words: [{ text: 'Dear', x: 278, y: 278, width: 100, height: 40, confidence: 0.96 }] },
        { words: [] },
        {
          words: [
            { text: 'Priya', x: 278, y: 330, width: 100, height: 40, confidence: 0.9 },
            { text: 'Testperson', x: 400, y: 330, width: 200, height: 40, confidence: 0.8 },
          ],
        },
      ],
      200 / 72,
    )
    expect(page.text).toBe('Dear\nPriya Testperson')
    expect(page.words.map((word) => [word.text, word.start, word.end])).toEqual([
      ['Dear', 0, 4],
      ['Priya', 5, 10],
      ['Testperson', 11, 21],
    ])
    expect(page.words[0]?.box).toEqual({ x: 100.08, y: 100.08, width: 36, height: 14.4 })
  })

  it('adds the rendered page’s origin to the pixels', () => {
    const page = textFromOcr([{ words: [{ text: 'x', x: 10, y: 20, width: 2, height: 2, confidence: 1 }] }], 2, 4, 6)
    expect(page.words[0]?.box).toEqual({ x: 7, y: 13, width: 1, height: 1 })
  })

  it('has no text for no lines', () => {
    expect(textFromOcr([], 1)).toEqual({ text: '', words: [] })
  })
})

describe('joining pages', () => {
  it('joins the pages’ texts with the separator and records where each starts', () => {
    const base = { width: 1, height: 1, rotation: 0, words: [], ocr: false }
    const joined = joinPages([
      { ...base, number: 1, text: 'one' },
      { ...base, number: 2, text: '' },
      { ...base, number: 3, text: 'three' },
    ])
    expect(joined.text).toBe(`one${PAGE_SEPARATOR}${PAGE_SEPARATOR}three`)
    expect(joined.pages.map((page) => page.offset)).toEqual([0, 6, 9])
  })
})

describe('page numbers in notes', () => {
  it.each([
    { pages: [3], text: 'Page 3' },
    { pages: [1, 2], text: 'Pages 1 and 2' },
    { pages: [1, 2, 3], text: 'Pages 1–3' },
    { pages: [1, 3, 5, 6, 7, 8, 9], text: 'Pages 1, 3 and 5–9' },
    { pages: [2, 3, 7], text: 'Pages 2, 3 and 7' },
  ])('$pages', ({ pages, text }) => {
    expect(describePages(pages)).toBe(text)
  })
})
