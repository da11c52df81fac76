import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findPersonalData } from '../pii/find-personal-data.ts'
import type { PiiType } from '../pii/finding.ts'
import { DEFAULT_READ_LIMITS, type DocumentReading } from '../reading/document-reading.ts'
import { locateSpan } from '../reading/page-geometry.ts'
import { readPdf } from './mupdf-pdf.reader.ts'

/**
 * Real-world PDFs from ../shared/corpus/pdfs (see SOURCES.md there), read in place: they are third-party files and
 * are never copied into this repository. Two are real UK FOI responses, whose contact details the personal-data
 * finder must find, on the right page, with boxes on the page.
 */

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const CORPUS = resolve(repoRoot, '../shared/corpus/pdfs')
const present = existsSync(CORPUS)
const files = present ? readdirSync(CORPUS).filter((name) => name.endsWith('.pdf')) : []

const readings = new Map<string, Promise<DocumentReading>>()
/** The reading of a corpus file (OCR off: these files have text layers), read once for all the tests. */
const reading = (name: string): Promise<DocumentReading> => {
  let pending = readings.get(name)
  if (pending === undefined) {
    pending = readPdf(
      { bytes: new Uint8Array(readFileSync(join(CORPUS, name))), name, depth: 0 },
      { ...DEFAULT_READ_LIMITS, ocr: false },
    ).then((result) => {
      if (!result.ok) throw new Error(`${name} was refused: ${result.error.code} (${result.error.message})`)
      return result.value
    })
    readings.set(name, pending)
  }
  return pending
}

describe('the PDF corpus', () => {
  it('is there to read', () => {
    expect(
      present,
      `The corpus folder ${CORPUS} is missing: the shared corpus of real-world PDFs must sit beside the repository ` +
        '(../shared/corpus/pdfs); it is not part of the repository and is never copied into it.',
    ).toBe(true)
    expect(files.length).toBeGreaterThanOrEqual(15)
  })

  it.each(files)('reads %s', async (name) => {
    const read = await reading(name)
    expect(read.pages.length).toBeGreaterThan(0)
    for (const page of read.pages) {
      expect(read.text.slice(page.offset, page.offset + page.text.length)).toBe(page.text)
      for (const word of page.words) expect(page.text.slice(word.start, word.end)).toBe(word.text)
    }
  })

  it('reads the encrypted issue17215.pdf, whose user password is empty', async () => {
    const read = await reading('issue17215.pdf')
    expect(read.text.trim()).not.toBe('')
  })

  it('gives the rotation of each page', async () => {
    expect((await reading('rotation.pdf')).pages.map((page) => page.rotation)).toEqual([0, 90])
    const scan = await reading('issue5747.pdf')
    expect(scan.pages[0]?.rotation).toBe(270)
    // A scan with an OCR text layer: read as text, not as a scan.
    expect(scan.pages[0]?.text).toMatch(/Lorem/i)
    expect(scan.notes).toEqual([])
  })

  it('reads invisible text (the layer OCR software puts under a scan)', async () => {
    expect((await reading('issue4684.pdf')).text.trim().length).toBeGreaterThan(20)
  })

  it('reads the two columns of a paper one after the other', async () => {
    const page = (await reading('tracemonkey.pdf')).pages[0]?.text ?? ''
    const leftColumnEnd = page.indexOf('the de facto standard for client-side web programming')
    const rightColumnStart = page.indexOf('and is used for the application logic')
    expect(leftColumnEnd).toBeGreaterThan(0)
    expect(rightColumnStart).toBeGreaterThan(leftColumnEnd)
  })

  describe('real FOI responses', () => {
    it.each<{ file: string; contains: readonly string[]; found: readonly [PiiType, string, number][] }>([
      {
        file: 'alaveteli-tfl.pdf',
        contains: ['foi@tfl.gov.uk', 'SW1H 0TL', 'SK9 5AF'],
        found: [
          ['email', 'foi@tfl.gov.uk', 1],
          ['postcode', 'SW1H 0TL', 1],
          ['postcode', 'SK9 5AF', 1],
        ],
      },
      {
        file: 'alaveteli-psni.pdf',
        contains: ['028 9070 0164', 'BT5 6LE', 'foi@psni.pnn.police.uk', 'SK9 5AF'],
        found: [
          ['phone', '028 9070 0164', 2],
          ['postcode', 'BT5 6LE', 2],
          ['email', 'foi@psni.pnn.police.uk', 2],
          ['postcode', 'SK9 5AF', 2],
        ],
      },
    ])(
      'finds the contact details in $file, on their page, boxed inside the page',
      async ({ file, contains, found }) => {
        const read = await reading(file)
        for (const text of contains) expect(read.text).toContain(text)
        const findings = findPersonalData(read.text)
        for (const [type, text, pageNumber] of found) {
          const finding = findings.find((candidate) => candidate.type === type && candidate.text === text)
          expect(finding, `${type} ${text} was not found`).toBeDefined()
          if (finding === undefined) continue
          const locations = locateSpan(read, finding.start, finding.end)
          expect(locations.map((location) => location.page)).toEqual([pageNumber])
          const page = read.pages[pageNumber - 1]
          const boxes = locations[0]?.boxes ?? []
          expect(boxes).toHaveLength(1)
          for (const box of boxes) {
            expect(box.x).toBeGreaterThanOrEqual(0)
            expect(box.y).toBeGreaterThanOrEqual(0)
            expect(box.width).toBeGreaterThan(text.length * 2)
            expect(box.height).toBeGreaterThan(4)
            expect(box.x + box.width).toBeLessThanOrEqual(page?.width ?? 0)
            expect(box.y + box.height).toBeLessThanOrEqual(page?.height ?? 0)
          }
        }
      },
    )
  })

  describe('text outside the page content', () => {
    it.each([
      ['annotation-link-text-popup.pdf', 'Note: Text content'],
      ['annotation-highlight.pdf', 'Highlight comment: Highlight content'],
      ['freetexts.pdf', 'Text box: Hello World from Foxit'],
      ['issue17215.pdf', 'Caret comment: test comment #1'],
      ['prefilled_f1040.pdf', 'Form field “p2-t124”: foobar'],
    ])('adds the comments and form values of %s to its text, and says so', async (name, line) => {
      const read = await reading(name)
      expect(read.text).toContain(line)
      expect(read.notes.join(' ')).toMatch(/comments or filled-in form fields/u)
    })

    it('boxes a comment’s words where the comment sits on the page', async () => {
      const read = await reading('annotation-link-text-popup.pdf')
      const page = read.pages[0]
      const word = page?.words.find((candidate) => candidate.text === 'content')
      expect(word?.box).toMatchObject({ x: 71.03, width: 20, height: 20 })
      expect(page?.text.slice(word?.start, word?.end)).toBe('content')
    })
  })
})
