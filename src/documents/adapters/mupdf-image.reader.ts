import type { Document as MupdfDocument, Page as MupdfPage } from 'mupdf'
import { fail, ok, type Result } from '../../domain/result.ts'
import type { DocumentReading, ReadInput, ReadLimits, ReadProblem } from '../reading/document-reading.ts'
import type { OcrEngine } from '../ports.ts'
import {
  createYielder,
  describePages,
  destroyQuietly,
  imagesOnPage,
  joinPages,
  loadMupdf,
  recognisePage,
  type UnplacedPage,
} from './mupdf-pages.ts'

/**
 * Reads an image (a photograph, a scan) with MuPDF and OCR: PNG, JPEG, TIFF (one page a frame: a multi-page fax or
 * scan), GIF and BMP open as documents of image pages. Each page is rendered in grey at the image's own resolution
 * and read by OCR; boxes are in points as MuPDF places the image on its page (the image's size at its stated
 * resolution). Without OCR the pages are empty and a note says so.
 */

interface ImageType {
  readonly mediaType: string
  readonly matches: (bytes: Uint8Array) => boolean
}

const startsWith = (bytes: Uint8Array, ...signature: number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte)

/** The image types MuPDF reads, by their first bytes (the name of a file is not trusted). */
const IMAGE_TYPES: readonly ImageType[] = [
  { mediaType: 'image/png', matches: (bytes) => startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { mediaType: 'image/jpeg', matches: (bytes) => startsWith(bytes, 0xff, 0xd8, 0xff) },
  {
    mediaType: 'image/tiff',
    matches: (bytes) => startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a),
  },
  { mediaType: 'image/gif', matches: (bytes) => startsWith(bytes, 0x47, 0x49, 0x46, 0x38) },
  { mediaType: 'image/bmp', matches: (bytes) => startsWith(bytes, 0x42, 0x4d) },
]

/** The media type of image bytes MuPDF can read, or undefined. */
export const imageMediaType = (bytes: Uint8Array): string | undefined =>
  IMAGE_TYPES.find((type) => type.matches(bytes))?.mediaType

/** Images are rendered at their own resolution for OCR, but never below 150 dpi nor above 400 dpi. */
const MIN_PIXELS_PER_POINT = 150 / 72
const MAX_PIXELS_PER_POINT = 400 / 72

export const IMAGE_MESSAGES = {
  empty:
    'The file is empty: it has no content at all. Upload it again; if it is still empty, ask whoever supplied it for another copy.',
  unsupported:
    'This is not an image Disclose can read. Images must be PNG, JPEG, TIFF, GIF or BMP: save it in one of those and upload it again.',
  corrupt: 'This image is damaged and could not be opened. Ask whoever supplied it for a fresh copy and upload that.',
  noOcr: 'This image was not read by OCR, so any text in it has not been checked for personal data: check it by eye.',
  ocrFailed: 'OCR could not read this image. Try again later; if it fails again, check the image by eye.',
} as const

const problem = (code: ReadProblem['code'], message: string): Result<DocumentReading, ReadProblem> =>
  fail({ code, message })

const tooManyFrames = (pages: number, limit: number): string =>
  `This image has ${pages.toLocaleString('en-GB')} pages; Disclose reads up to ${limit.toLocaleString('en-GB')} in one document. ` +
  `Split it into parts of no more than ${limit.toLocaleString('en-GB')} pages and upload each part.`

/** Reads an image file, with OCR when `limits.ocr` is on and an engine is given. */
export const readImage = async (
  input: ReadInput,
  limits: ReadLimits,
  ocr?: OcrEngine,
): Promise<Result<DocumentReading, ReadProblem>> => {
  if (input.bytes.length === 0) return problem('empty', IMAGE_MESSAGES.empty)
  const mediaType = imageMediaType(input.bytes)
  if (mediaType === undefined) return problem('unsupported', IMAGE_MESSAGES.unsupported)
  const mupdf = await loadMupdf()
  let doc: MupdfDocument
  try {
    doc = mupdf.Document.openDocument(input.bytes, mediaType)
  } catch {
    return problem('corrupt', IMAGE_MESSAGES.corrupt)
  }
  try {
    const pageCount = doc.countPages()
    if (pageCount === 0) return problem('corrupt', IMAGE_MESSAGES.corrupt)
    if (pageCount > limits.maxPages) return problem('too-many-pages', tooManyFrames(pageCount, limits.maxPages))
    const engine = limits.ocr ? ocr : undefined
    const pages: UnplacedPage[] = []
    const damaged: number[] = []
    const failed: number[] = []
    const yieldNow = createYielder()
    for (let index = 0; index < pageCount; index += 1) {
      const number = index + 1
      let page: MupdfPage | undefined
      try {
        page = doc.loadPage(index)
        const bounds = page.getBounds()
        const base = {
          number,
          width: Math.round((bounds[2] - bounds[0]) * 100) / 100,
          height: Math.round((bounds[3] - bounds[1]) * 100) / 100,
          rotation: 0,
        }
        if (engine === undefined) {
          pages.push({ ...base, text: '', words: [], ocr: false })
        } else {
          const own = imagesOnPage(page, bounds).pixelsPerPoint
          const scale = Math.min(MAX_PIXELS_PER_POINT, Math.max(MIN_PIXELS_PER_POINT, own))
          try {
            const recognised = await recognisePage(mupdf, page, bounds, scale, engine)
            pages.push({ ...base, text: recognised.text, words: recognised.words, ocr: true })
          } catch {
            failed.push(number)
            pages.push({ ...base, text: '', words: [], ocr: false })
          }
        }
      } catch {
        damaged.push(number)
        pages.push({ number, width: 0, height: 0, rotation: 0, text: '', words: [], ocr: false })
      } finally {
        destroyQuietly(page)
      }
      await yieldNow()
    }
    if (damaged.length === pageCount) return problem('corrupt', IMAGE_MESSAGES.corrupt)
    if (engine !== undefined && failed.length + damaged.length === pageCount) {
      return problem('ocr-failed', IMAGE_MESSAGES.ocrFailed)
    }
    const notes: string[] = []
    if (damaged.length > 0) {
      notes.push(
        `${describePages(damaged)} of this image could not be read (damaged) and ${damaged.length > 1 ? 'are' : 'is'} left empty: check ${damaged.length > 1 ? 'them' : 'it'} by eye.`,
      )
    }
    if (engine === undefined) notes.push(IMAGE_MESSAGES.noOcr)
    if (failed.length > 0) {
      notes.push(
        `OCR could not read ${describePages(failed).toLowerCase()} of this image: check ${failed.length > 1 ? 'them' : 'it'} by eye.`,
      )
    }
    const { text, pages: placed } = joinPages(pages)
    return ok({ kind: 'image', mediaType, text, pages: placed, hidden: [], contained: [], notes })
  } catch {
    return problem('corrupt', IMAGE_MESSAGES.corrupt)
  } finally {
    destroyQuietly(doc)
  }
}
