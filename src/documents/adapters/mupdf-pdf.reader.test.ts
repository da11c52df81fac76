import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import {
  corruptPdf,
  CREATED_AT,
  EMAIL_AT,
  encryptedPdf,
  LEFT_COLUMN,
  manyPagesPdf,
  MODIFIED_AT,
  PERSON,
  personalDataPdf,
  RIGHT_COLUMN,
  rotatedPagePdf,
  rotatedTextPdf,
  scannedPdf,
  scannedPdfWithTextLayer,
  smallScanImages,
  textPdf,
  textPdfPage,
  threeScannedPagesPdf,
  truncatedPdf,
  twoColumnPdf,
} from '../../../test/fixtures/documents/pdfs.ts'
import { findPersonalData } from '../pii/find-personal-data.ts'
import type { OcrEngine, OcrLine } from '../ports.ts'
import {
  DEFAULT_READ_LIMITS,
  PAGE_SEPARATOR,
  type DocumentReading,
  type ReadLimits,
  type ReadPage,
} from '../reading/document-reading.ts'
import { boxesForSpan } from '../reading/page-geometry.ts'
import { parsePdfDate, PDF_MESSAGES, readPdf } from './mupdf-pdf.reader.ts'
import { createTesseractOcr } from './tesseract.ocr.ts'

const mupdf = await import('mupdf')

const NO_OCR: ReadLimits = { ...DEFAULT_READ_LIMITS, ocr: false }
const OCR_TIMEOUT = 90_000

const read = (bytes: Uint8Array, limits: ReadLimits = NO_OCR, ocr?: OcrEngine) =>
  readPdf({ bytes, name: 'document.pdf', depth: 0 }, limits, ocr)

const readOk = async (bytes: Uint8Array, limits: ReadLimits = NO_OCR, ocr?: OcrEngine): Promise<DocumentReading> => {
  const result = await read(bytes, limits, ocr)
  if (!result.ok) throw new Error(`expected a reading, got the problem ${result.error.code}`)
  return result.value
}

/** The word whose text is `text` (the first), or a failure that names it. */
const wordOf = (page: ReadPage | undefined, text: string) => {
  const found = page?.words.find((word) => word.text === text)
  if (found === undefined) throw new Error(`no word "${text}" on the page`)
  return found
}

/** What every reading must hold: pages joined by the separator at their offsets, words at theirs. */
const expectConsistent = (reading: DocumentReading): void => {
  expect(reading.text).toBe(reading.pages.map((page) => page.text).join(PAGE_SEPARATOR))
  for (const page of reading.pages) {
    expect(reading.text.slice(page.offset, page.offset + page.text.length)).toBe(page.text)
    let previousEnd = 0
    for (const word of page.words) {
      expect(page.text.slice(word.start, word.end)).toBe(word.text)
      expect(word.start).toBeGreaterThanOrEqual(previousEnd)
      previousEnd = word.end
    }
  }
}

/** An OCR engine that answers from a script and counts its calls. */
const fakeOcr = (answer: () => Promise<readonly OcrLine[]>) => {
  const recognise = vi.fn((_image: Uint8Array) => answer())
  const engine: OcrEngine = { recognise, close: () => Promise.resolve() }
  return { engine, recognise }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('reading a text PDF', () => {
  it('gives the text, the title, the author and the dates', async () => {
    const reading = await readOk(await personalDataPdf())
    expect(reading).toMatchObject({
      kind: 'pdf',
      mediaType: 'application/pdf',
      title: 'Response to FOI-2024-0042',
      author: 'Information Governance Team',
      createdAt: CREATED_AT,
      modifiedAt: MODIFIED_AT,
      notes: [],
      hidden: [],
      contained: [],
    })
    expect(reading.pages).toHaveLength(1)
    expect(reading.pages[0]).toMatchObject({ number: 1, width: 595.28, height: 841.89, rotation: 0, ocr: false })
    for (const expected of [PERSON.name, PERSON.email, PERSON.mobile, PERSON.landline, PERSON.postcode]) {
      expect(reading.text).toContain(expected)
    }
    expectConsistent(reading)
  })

  it('puts a word’s box where it was drawn', async () => {
    const reading = await readOk(await personalDataPdf())
    const email = reading.pages[0]?.words.find((word) => word.text === PERSON.email)
    expect(email).toBeDefined()
    // pdfkit draws a line with its top at y; MuPDF's box runs from the font's ascent to its descent.
    expect(email?.box.x).toBeCloseTo(EMAIL_AT.x, 0)
    expect(email?.box.y).toBeGreaterThan(EMAIL_AT.y - 8)
    expect(email?.box.y).toBeLessThan(EMAIL_AT.y + 2)
    expect(email?.box.height).toBeGreaterThan(10)
    expect(email?.box.height).toBeLessThan(20)
    expect(email?.box.width).toBeGreaterThan(150)
    expect(email?.quad).toBeUndefined()
  })

  it('boxes only the email address when it is glued to its label, from the characters’ own edges', async () => {
    const reading = await readOk(await personalDataPdf())
    const page = reading.pages[0]
    const label = page?.words.find((word) => word.text === 'Email')
    const colon = page?.words.find((word) => word.start === label?.end)
    const address = page?.words.find((word) => word.start === colon?.end)
    expect([label?.text, colon?.text, address?.text]).toEqual(['Email', ':', PERSON.email])
    const finding = findPersonalData(page?.text ?? '', { types: ['email'] }).find(
      (found) => found.start === address?.start,
    )
    expect(finding?.text).toBe(PERSON.email)
    const boxes = page === undefined || finding === undefined ? [] : boxesForSpan(page, finding.start, finding.end)
    expect(boxes).toHaveLength(1)
    for (const side of ['x', 'y', 'width', 'height'] as const)
      expect(boxes[0]?.[side]).toBeCloseTo(address?.box[side] ?? 0, 6)
    expect(boxes[0]?.x).toBeGreaterThanOrEqual((colon?.box.x ?? 0) + (colon?.box.width ?? 0) - 0.01)
  })

  it('splits words at punctuation as well as at spaces, keeping the joins inside addresses and numbers', async () => {
    const reading = await readOk(await personalDataPdf())
    const words = reading.pages[0]?.words.map((word) => word.text) ?? []
    expect(words).toEqual(expect.arrayContaining(['Testperson', ',', '(', 'synthetic', ')', 'FOI-2024-0042']))
    expect(words).not.toContain('Testperson,')
  })

  it('reads the left column before the right one, even when the columns are drawn row by row', async () => {
    const reading = await readOk(await twoColumnPdf())
    expect(reading.text).toContain(LEFT_COLUMN.join('\n'))
    expect(reading.text).toContain(RIGHT_COLUMN.join('\n'))
    expect(reading.text.indexOf(LEFT_COLUMN[2])).toBeLessThan(reading.text.indexOf(RIGHT_COLUMN[0]))
    expectConsistent(reading)
  })

  it('reads a page turned by /Rotate 90, in the turned page’s space, with quads for its sideways words', async () => {
    const reading = await readOk(await rotatedPagePdf())
    const page = reading.pages[0]
    expect(page).toMatchObject({ rotation: 90, width: 841.89, height: 595.28 })
    expect(page?.text).toContain(PERSON.email)
    expect(page?.words.length).toBeGreaterThan(3)
    for (const word of page?.words ?? []) {
      expect(word.quad).toBeDefined()
      // The text now runs down the page: each word of five letters or more is taller than it is wide.
      if (word.text.length >= 5) expect(word.box.height).toBeGreaterThan(word.box.width)
      expect(word.box.x).toBeGreaterThanOrEqual(0)
      expect(word.box.x + word.box.width).toBeLessThanOrEqual(841.89)
      expect(word.box.y + word.box.height).toBeLessThanOrEqual(595.28)
    }
  })

  it('keeps the quads of turned text and none for upright text', async () => {
    const reading = await readOk(await rotatedTextPdf())
    const page = reading.pages[0]
    expect(wordOf(page, 'heading').quad).toBeUndefined()
    const turned = wordOf(page, PERSON.email)
    expect(turned.quad).toHaveLength(8)
    const [ulx, uly, urx, ury] = turned.quad ?? []
    // Turned 30 degrees anticlockwise: the top edge rises to the right at about tan(30°).
    expect(((uly ?? 0) - (ury ?? 0)) / ((urx ?? 0) - (ulx ?? 0))).toBeCloseTo(Math.tan(Math.PI / 6), 1)
  })

  it('reads every page of a long document, each with its own person', async () => {
    const reading = await readOk(textPdf(20))
    expect(reading.pages).toHaveLength(20)
    reading.pages.forEach((page, index) => {
      expect(page.text).toContain(textPdfPage(index).email)
      expect(page.text).toContain(textPdfPage(index).phone)
    })
    expectConsistent(reading)
  })
})

describe('reading scanned pages', () => {
  it('leaves a scanned page empty, with a note, when OCR is off', async () => {
    const { engine, recognise } = fakeOcr(() => Promise.resolve([]))
    const reading = await readOk(await scannedPdf(), NO_OCR, engine)
    expect(recognise).not.toHaveBeenCalled()
    expect(reading.pages[0]).toMatchObject({ text: '', words: [], ocr: false })
    expect(reading.notes).toEqual([
      'Page 1 looks scanned and was not read by OCR: its text has not been checked for personal data.',
    ])
  })

  it('leaves a scanned page empty, with a note, when there is no OCR engine', async () => {
    const reading = await readOk(await scannedPdf(), DEFAULT_READ_LIMITS)
    expect(reading.notes).toEqual([expect.stringMatching(/^Page 1 looks scanned and was not read by OCR/)])
  })

  it('names the scanned pages in one note', async () => {
    const reading = await readOk(await threeScannedPagesPdf())
    expect(reading.notes).toEqual([
      'Pages 1–3 look scanned and were not read by OCR: their text has not been checked for personal data.',
    ])
  })

  it('reads the invisible text layer of a scan as text, without OCR', async () => {
    const { engine, recognise } = fakeOcr(() => Promise.resolve([]))
    const reading = await readOk(await scannedPdfWithTextLayer(), DEFAULT_READ_LIMITS, engine)
    expect(recognise).not.toHaveBeenCalled()
    expect(reading.notes).toEqual([])
    expect(reading.pages[0]?.ocr).toBe(false)
    expect(reading.text).toContain(PERSON.email)
    expect(reading.text).toContain(PERSON.mobile)
  })

  it('turns OCR’s pixel boxes into points on the page, rendered at 200 dpi', async () => {
    const { engine, recognise } = fakeOcr(() =>
      Promise.resolve([
        { words: [{ text: 'Hello', x: 200, y: 400, width: 100, height: 50, confidence: 0.9 }] },
        { words: [{ text: 'there', x: 200, y: 460, width: 100, height: 50, confidence: 0.5 }] },
        { words: [{ text: 'again', x: 200, y: 700, width: 100, height: 50, confidence: 0.75 }] },
      ]),
    )
    const reading = await readOk(await scannedPdf(), DEFAULT_READ_LIMITS, engine)
    expect(recognise).toHaveBeenCalledTimes(1)
    const png = recognise.mock.calls[0]?.[0]
    expect([...(png?.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47])
    const page = reading.pages[0]
    // A new paragraph where the gap above a line is taller than the line before.
    expect(page).toMatchObject({ ocr: true, text: 'Hello\nthere\n\nagain' })
    expect(page?.words[0]).toEqual({
      text: 'Hello',
      start: 0,
      end: 5,
      box: { x: 72, y: 144, width: 36, height: 18 },
      confidence: 0.9,
    })
    expect(reading.notes).toEqual([])
  })

  it('notes a scanned page OCR could not read, and goes on', async () => {
    const { engine } = fakeOcr(() => Promise.reject(new Error('the OCR worker stopped')))
    const reading = await readOk(await scannedPdf(), DEFAULT_READ_LIMITS, engine)
    expect(reading.pages[0]).toMatchObject({ text: '', ocr: false })
    expect(reading.notes).toEqual(['Page 1 looks scanned, but OCR could not read it: check it by eye.'])
  })

  describe('with tesseract', () => {
    const ocr = createTesseractOcr()
    afterAll(() => ocr.close())

    it(
      'finds the email address and the phone number on a scan, with boxes where they were drawn',
      async () => {
        const reading = await readOk(await scannedPdf(), DEFAULT_READ_LIMITS, ocr)
        const page = reading.pages[0]
        expect(page?.ocr).toBe(true)
        expect(reading.notes).toEqual([])
        const findings = findPersonalData(page?.text ?? '', { types: ['email', 'phone', 'postcode'] })
        expect(findings.map((finding) => finding.text)).toEqual(
          expect.arrayContaining([PERSON.email, PERSON.mobile, PERSON.postcode]),
        )
        const email = wordOf(page, PERSON.email)
        // Drawn at x 72 on the second line (top at y 120) in 16-point type, after "Email ".
        expect(email.box.x).toBeGreaterThan(100)
        expect(email.box.x).toBeLessThan(130)
        expect(email.box.y).toBeGreaterThan(112)
        expect(email.box.y).toBeLessThan(128)
        expect(email.confidence).toBeGreaterThan(0.5)
        expect(email.confidence).toBeLessThanOrEqual(1)
        expectConsistent(reading)
      },
      OCR_TIMEOUT,
    )
  })
})

describe('PDFs that cannot be read, or only just', () => {
  it('refuses a PDF with a user password, saying what to do', async () => {
    expect(await read(await encryptedPdf())).toEqual({
      ok: false,
      error: { code: 'encrypted', message: PDF_MESSAGES.encrypted },
    })
  })

  it('reads what it can of a cut-off PDF, with a note to check the pages', async () => {
    const reading = await readOk(truncatedPdf())
    expect(reading.notes).toContain(PDF_MESSAGES.repaired)
    expect(reading.pages[0]?.text).toContain(textPdfPage(0).name)
    expectConsistent(reading)
  })

  it.each([
    { what: 'noise after a PDF header', bytes: corruptPdf, code: 'corrupt' },
    {
      what: 'plain text',
      bytes: () => new TextEncoder().encode('Minutes of the meeting (synthetic)\n'),
      code: 'corrupt',
    },
    { what: 'a PNG called a PDF', bytes: async () => (await smallScanImages()).png, code: 'unsupported' },
  ])('refuses $what ($code)', async ({ bytes, code }) => {
    const result = await read(await bytes())
    expect(result.ok ? undefined : result.error.code).toBe(code)
  })

  it('refuses an empty file', async () => {
    expect(await read(new Uint8Array())).toEqual({ ok: false, error: { code: 'empty', message: PDF_MESSAGES.empty } })
  })

  it('refuses a 10,000-page PDF before reading any page', async () => {
    const pagesRead = vi.spyOn(mupdf.Page.prototype, 'toStructuredText')
    expect(await read(manyPagesPdf(10_000))).toEqual({
      ok: false,
      error: {
        code: 'too-many-pages',
        message:
          'This PDF has 10,000 pages; Disclose reads up to 5,000 in one document. Split it into parts of no more than 5,000 pages and upload each part.',
      },
    })
    expect(pagesRead).not.toHaveBeenCalled()
  })

  it('reads a document of exactly the most pages allowed', async () => {
    const result = await read(manyPagesPdf(3), { ...NO_OCR, maxPages: 3 })
    expect(result.ok).toBe(true)
    expect((await read(manyPagesPdf(3), { ...NO_OCR, maxPages: 2 })).ok).toBe(false)
  })

  it('leaves a page that cannot be read empty, with a note, and reads the rest', async () => {
    type Page = InstanceType<typeof mupdf.Page>
    const original = Reflect.get(mupdf.Page.prototype, 'toStructuredText')
    let calls = 0
    vi.spyOn(mupdf.Page.prototype, 'toStructuredText').mockImplementation(function (this: Page, options: unknown) {
      calls += 1
      if (calls === 2) throw new Error('damaged content stream')
      return original.call(this, options)
    })
    const reading = await readOk(textPdf(3))
    expect(reading.pages.map((page) => page.text === '')).toEqual([false, true, false])
    expect(reading.pages[1]).toMatchObject({ number: 2, width: 595.28, height: 841.89 })
    expect(reading.notes).toEqual([
      'Page 2 could not be read (it is damaged) and is left empty: check it by eye before disclosing anything from this document.',
    ])
    expectConsistent(reading)
  })

  it('refuses a PDF none of whose pages can be read', async () => {
    vi.spyOn(mupdf.Page.prototype, 'toStructuredText').mockImplementation(() => {
      throw new Error('damaged content stream')
    })
    expect(await read(textPdf(2))).toEqual({
      ok: false,
      error: { code: 'corrupt', message: PDF_MESSAGES.noReadablePage },
    })
  })
})

describe('PDF dates', () => {
  it.each([
    { date: 'D:20240101120000Z', iso: '2024-01-01T12:00:00.000Z' },
    { date: "D:20240101120000+01'00'", iso: '2024-01-01T11:00:00.000Z' },
    { date: "D:20240101120000-05'30", iso: '2024-01-01T17:30:00.000Z' },
    { date: 'D:20240101120000', iso: '2024-01-01T12:00:00.000Z' },
    { date: '20240315', iso: '2024-03-15T00:00:00.000Z' },
    { date: 'D:2024', iso: '2024-01-01T00:00:00.000Z' },
    { date: "D:20240229000000Z00'00'", iso: '2024-02-29T00:00:00.000Z' },
    { date: 'D:20230229000000Z', iso: undefined },
    { date: 'D:20241301000000Z', iso: undefined },
    { date: 'D:20240101250000Z', iso: undefined },
    { date: 'yesterday', iso: undefined },
    { date: '', iso: undefined },
    { date: undefined, iso: undefined },
  ])('$date is $iso', ({ date, iso }) => {
    expect(parsePdfDate(date)).toBe(iso)
  })
})
