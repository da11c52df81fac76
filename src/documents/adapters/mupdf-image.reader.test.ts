import { afterAll, describe, expect, it, vi } from 'vitest'
import {
  encodeGreyTiff,
  PERSON,
  smallScanImages,
  TIFF_PAGES,
  twoPageTiff,
} from '../../../test/fixtures/documents/pdfs.ts'
import { findPersonalData } from '../pii/find-personal-data.ts'
import type { OcrEngine, OcrLine } from '../ports.ts'
import { DEFAULT_READ_LIMITS, PAGE_SEPARATOR, type ReadLimits } from '../reading/document-reading.ts'
import { locateSpan } from '../reading/page-geometry.ts'
import { IMAGE_MESSAGES, imageMediaType, readImage } from './mupdf-image.reader.ts'
import { createTesseractOcr } from './tesseract.ocr.ts'

const NO_OCR: ReadLimits = { ...DEFAULT_READ_LIMITS, ocr: false }
const OCR_TIMEOUT = 90_000

const read = (bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS, ocr?: OcrEngine) =>
  readImage({ bytes, name: 'scan.tif', depth: 0 }, limits, ocr)

const fakeOcr = (answer: () => Promise<readonly OcrLine[]>) => {
  const recognise = vi.fn((_image: Uint8Array) => answer())
  const engine: OcrEngine = { recognise, close: () => Promise.resolve() }
  return { engine, recognise }
}

const HELLO: readonly OcrLine[] = [
  { words: [{ text: 'Hello', x: 100, y: 50, width: 200, height: 40, confidence: 0.8 }] },
]

/** The width and height in a PNG's header. */
const pngSize = (png: Uint8Array | undefined) => {
  const view = new DataView((png ?? new Uint8Array(24)).buffer, png?.byteOffset ?? 0)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

describe('reading images', () => {
  describe('with tesseract', () => {
    const ocr = createTesseractOcr()
    afterAll(() => ocr.close())

    it(
      'reads both pages of a multi-page TIFF by OCR, and finds the email and the phone number on them',
      async () => {
        const result = await read(await twoPageTiff(), DEFAULT_READ_LIMITS, ocr)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        const reading = result.value
        expect(reading).toMatchObject({ kind: 'image', mediaType: 'image/tiff', notes: [] })
        expect(reading.pages.map((page) => [page.number, page.ocr, page.width, page.height])).toEqual([
          [1, true, 360, 144],
          [2, true, 360, 144],
        ])
        expect(reading.pages[0]?.text).toContain(PERSON.email)
        expect(reading.pages[1]?.text).toContain(PERSON.landline)
        expect(reading.text).toBe(reading.pages.map((page) => page.text).join(PAGE_SEPARATOR))
        const findings = findPersonalData(reading.text, { types: ['email', 'phone'] })
        const where = new Map(
          findings.map((finding) => [finding.text, locateSpan(reading, finding.start, finding.end)]),
        )
        expect(where.get(PERSON.email)?.map((location) => location.page)).toEqual([1])
        expect(where.get(PERSON.landline)?.map((location) => location.page)).toEqual([2])
        for (const locations of where.values()) {
          for (const box of locations.flatMap((location) => location.boxes)) {
            expect(box.x).toBeGreaterThanOrEqual(0)
            expect(box.y).toBeGreaterThanOrEqual(0)
            expect(box.x + box.width).toBeLessThanOrEqual(360)
            expect(box.y + box.height).toBeLessThanOrEqual(144)
          }
        }
        // The second line of page 2 was drawn with its top 60 points down, in 16-point type.
        expect(TIFF_PAGES[1]).toContain(PERSON.landline)
        const phone = where.get(PERSON.landline)?.[0]?.boxes[0]
        expect(phone?.y).toBeGreaterThan(55)
        expect(phone?.y).toBeLessThan(70)
      },
      OCR_TIMEOUT,
    )
  })

  it.each([
    { type: 'PNG', mediaType: 'image/png', bytes: async () => (await smallScanImages()).png },
    { type: 'JPEG', mediaType: 'image/jpeg', bytes: async () => (await smallScanImages()).jpeg },
  ])('reads a $type by OCR of it rendered in grey at its own resolution', async ({ mediaType, bytes }) => {
    const { engine, recognise } = fakeOcr(() => Promise.resolve(HELLO))
    const result = await read(await bytes(), DEFAULT_READ_LIMITS, engine)
    expect(recognise).toHaveBeenCalledTimes(1)
    // 5 × 2 inches at 200 dpi.
    expect(pngSize(recognise.mock.calls[0]?.[0])).toEqual({ width: 1000, height: 400 })
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: 'image',
        mediaType,
        text: 'Hello',
        pages: [
          {
            number: 1,
            width: 360,
            height: 144,
            rotation: 0,
            offset: 0,
            ocr: true,
            words: [{ text: 'Hello', start: 0, end: 5, box: { x: 36, y: 18, width: 72, height: 14.4 } }],
          },
        ],
      },
    })
  })

  it('leaves every page empty, with a note, when OCR is off', async () => {
    const { engine, recognise } = fakeOcr(() => Promise.resolve(HELLO))
    const result = await read(await twoPageTiff(), NO_OCR, engine)
    expect(recognise).not.toHaveBeenCalled()
    expect(result).toMatchObject({
      ok: true,
      value: { text: PAGE_SEPARATOR, notes: [IMAGE_MESSAGES.noOcr], pages: [{ text: '' }, { text: '' }] },
    })
  })

  it('leaves the pages empty, with a note, when there is no OCR engine', async () => {
    const result = await read(await twoPageTiff())
    expect(result.ok && result.value.notes).toEqual([IMAGE_MESSAGES.noOcr])
  })

  it('refuses an image OCR could not read at all', async () => {
    const { engine } = fakeOcr(() => Promise.reject(new Error('the OCR worker stopped')))
    expect(await read(await twoPageTiff(), DEFAULT_READ_LIMITS, engine)).toEqual({
      ok: false,
      error: { code: 'ocr-failed', message: IMAGE_MESSAGES.ocrFailed },
    })
  })

  it('notes the page OCR could not read when it read the others', async () => {
    let calls = 0
    const { engine } = fakeOcr(() => {
      calls += 1
      return calls === 2 ? Promise.reject(new Error('the OCR worker stopped')) : Promise.resolve(HELLO)
    })
    const result = await read(await twoPageTiff(), DEFAULT_READ_LIMITS, engine)
    expect(result.ok && result.value.notes).toEqual(['OCR could not read page 2 of this image: check it by eye.'])
  })

  it('refuses a TIFF with more pages than allowed', async () => {
    const result = await read(await twoPageTiff(), { ...NO_OCR, maxPages: 1 })
    expect(result.ok ? undefined : result.error.code).toBe('too-many-pages')
  })

  it.each([
    { what: 'an empty file', bytes: () => new Uint8Array(), code: 'empty' },
    { what: 'text', bytes: () => new TextEncoder().encode('not an image'), code: 'unsupported' },
    {
      what: 'a PNG cut off after its signature',
      bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
      code: 'corrupt',
    },
    {
      what: 'a TIFF whose directory points nowhere',
      bytes: () => {
        const tiff = encodeGreyTiff([{ width: 4, height: 4, samples: new Uint8Array(16) }], 72)
        new DataView(tiff.buffer).setUint32(4, 1_000_000, true)
        return tiff
      },
      code: 'corrupt',
    },
  ])('refuses $what ($code)', async ({ bytes, code }) => {
    const result = await read(bytes())
    expect(result.ok ? undefined : result.error.code).toBe(code)
  })
})

describe('image types by their first bytes', () => {
  it.each([
    { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: 'image/png' },
    { bytes: [0xff, 0xd8, 0xff, 0xe0], type: 'image/jpeg' },
    { bytes: [0x49, 0x49, 0x2a, 0x00], type: 'image/tiff' },
    { bytes: [0x4d, 0x4d, 0x00, 0x2a], type: 'image/tiff' },
    { bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], type: 'image/gif' },
    { bytes: [0x42, 0x4d, 0, 0], type: 'image/bmp' },
    { bytes: [0x25, 0x50, 0x44, 0x46], type: undefined },
    { bytes: [], type: undefined },
  ])('$type', ({ bytes, type }) => {
    expect(imageMediaType(new Uint8Array(bytes))).toBe(type)
  })
})
