import type { Document as MupdfDocument, Page as MupdfPage, PDFPage } from 'mupdf'
import { fail, ok, type Result } from '../../domain/result.ts'
import type { Box, DocumentReading, ReadInput, ReadLimits, ReadProblem, Word } from '../reading/document-reading.ts'
import type { OcrEngine } from '../ports.ts'
import {
  createYielder,
  describePages,
  destroyQuietly,
  extractPageText,
  imagesOnPage,
  joinPages,
  loadMupdf,
  recognisePage,
  rotationOf,
  safely,
  type Mupdf,
  type PageText,
  type UnplacedPage,
} from './mupdf-pages.ts'

/**
 * Reads a PDF with MuPDF: the text of every page with each word's box, the document's title, author and dates, and,
 * for pages that are pictures of text (scans), the text OCR finds in them.
 *
 * Never throws for a bad file: a PDF that cannot be opened, needs a password or is too long is a `ReadProblem` that
 * says what to do; a damaged file MuPDF can repair is read, with a note. One page that cannot be read in an
 * otherwise good file becomes an empty page with a note, rather than refusing the whole document: the reviewer
 * keeps the other 499 pages and is told exactly which page to check by eye. A file none of whose pages can be read
 * is refused as corrupt.
 */

/** Pages with fewer characters than this (not counting spaces) are candidates for OCR when images cover them. */
const SCANNED_TEXT_BELOW = 16
/** The share of a page images must cover for it to be taken as a scan. */
const SCANNED_IMAGE_COVERAGE = 0.25
/** The share of characters without a Unicode mapping beyond which a page's text is unreadable and worth OCR. */
const UNMAPPED_SHARE = 0.5
/** Scans are rendered at 200 dpi for OCR. */
const OCR_PIXELS_PER_POINT = 200 / 72

const formatCount = (count: number): string => count.toLocaleString('en-GB')

const problem = (code: ReadProblem['code'], message: string): Result<DocumentReading, ReadProblem> =>
  fail({ code, message })

export const PDF_MESSAGES = {
  empty:
    'The file is empty: it has no content at all. Upload it again; if it is still empty, ask whoever supplied it for another copy.',
  unopenable:
    'This PDF is damaged and could not be opened. Ask whoever supplied it for a fresh copy, or open it in a PDF reader, save it as a new PDF and upload that.',
  noPages:
    'This PDF has no pages that can be read: it is damaged or incomplete. Ask whoever supplied it for a fresh copy, or open it in a PDF reader, save it as a new PDF and upload that.',
  noReadablePage:
    'None of the pages of this PDF could be read: it is damaged. Ask whoever supplied it for a fresh copy, or open it in a PDF reader, save it as a new PDF and upload that.',
  encrypted:
    'This PDF is protected by a password. Ask whoever supplied it for a copy without a password, or remove the protection and upload it again.',
  notPdf:
    'This file is not a PDF, though it was given to Disclose as one. Check what it is, save it in a format Disclose reads (a PDF, for example) and upload it again.',
  repaired: 'The PDF was damaged and has been repaired; check that every page is there.',
} as const

export const tooManyPagesMessage = (pages: number, limit: number): string =>
  `This PDF has ${formatCount(pages)} pages; Disclose reads up to ${formatCount(limit)} in one document. ` +
  `Split it into parts of no more than ${formatCount(limit)} pages and upload each part.`

/**
 * A PDF date ("D:20240101120000Z", "D:20240101120000+01'00'", "D:2024") as an ISO 8601 UTC date-time, or undefined
 * when it is not one. A date without a time zone is taken as UTC.
 */
export const parsePdfDate = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  const match =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?\s*$/.exec(
      value.trim(),
    )
  if (match === null) return undefined
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, zoneHours, zoneMinutes] =
    match
  const numbers = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const [y, mo, d, h, mi, s] = numbers
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined
  const utc = Date.UTC(y, mo - 1, d, h, mi, s)
  const check = new Date(utc)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined
  const offsetMinutes =
    sign === '+' || sign === '-'
      ? (sign === '-' ? -1 : 1) * (Number(zoneHours ?? '0') * 60 + Number(zoneMinutes ?? '0'))
      : 0
  return new Date(utc - offsetMinutes * 60_000).toISOString()
}

const metadata = (doc: MupdfDocument): Pick<DocumentReading, 'title' | 'author' | 'createdAt' | 'modifiedAt'> => {
  const text = (key: string): string | undefined => {
    const value = safely(() => doc.getMetaData(key))?.trim()
    return value === undefined || value === '' ? undefined : value
  }
  const title = text('info:Title')
  const author = text('info:Author')
  const createdAt = parsePdfDate(text('info:CreationDate'))
  const modifiedAt = parsePdfDate(text('info:ModDate'))
  return {
    ...(title === undefined ? {} : { title }),
    ...(author === undefined ? {} : { author }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(modifiedAt === undefined ? {} : { modifiedAt }),
  }
}

/** Why a page was left without text, for the notes. */
type Unread = 'damaged' | 'scanned' | 'unmapped' | 'ocr-failed'

const UNREAD_NOTES: Readonly<Record<Unread, (pages: string, plural: boolean) => string>> = {
  damaged: (pages, plural) =>
    `${pages} could not be read (${plural ? 'they are' : 'it is'} damaged) and ${plural ? 'are' : 'is'} left empty: check ${plural ? 'them' : 'it'} by eye before disclosing anything from this document.`,
  scanned: (pages, plural) =>
    `${pages} ${plural ? 'look' : 'looks'} scanned and ${plural ? 'were' : 'was'} not read by OCR: ${plural ? 'their' : 'its'} text has not been checked for personal data.`,
  unmapped: (pages, plural) =>
    `${pages} ${plural ? 'have' : 'has'} text in a font that cannot be turned back into letters and ${plural ? 'were' : 'was'} not read by OCR: check ${plural ? 'them' : 'it'} by eye.`,
  'ocr-failed': (pages, plural) =>
    `${pages} ${plural ? 'look' : 'looks'} scanned, but OCR could not read ${plural ? 'them' : 'it'}: check ${plural ? 'them' : 'it'} by eye.`,
}

/** Notes listing the pages left unread, one a reason, in a fixed order. */
const unreadNotes = (unread: ReadonlyMap<Unread, number[]>): string[] =>
  (['damaged', 'scanned', 'unmapped', 'ocr-failed'] as const).flatMap((reason) => {
    const pages = unread.get(reason)
    return pages === undefined || pages.length === 0
      ? []
      : [UNREAD_NOTES[reason](describePages(pages), pages.length > 1)]
  })

/** Options shared by the PDF and image readers, for what differs between them. */
interface PagedReading {
  readonly ocr: OcrEngine | undefined
  readonly limits: ReadLimits
}

/** What annotation types are called in the text a reviewer reads. */
const ANNOTATION_LABELS: Readonly<Record<string, string>> = {
  Text: 'Note',
  FreeText: 'Text box',
  Highlight: 'Highlight comment',
  Underline: 'Underline comment',
  StrikeOut: 'Strike-out comment',
  Squiggly: 'Squiggly comment',
  Caret: 'Caret comment',
  Stamp: 'Stamp',
  Square: 'Shape comment',
  Circle: 'Shape comment',
  Line: 'Line comment',
  Polygon: 'Shape comment',
  PolyLine: 'Line comment',
  Ink: 'Ink comment',
  FileAttachment: 'Attachment comment',
  Sound: 'Sound comment',
}

/** Widget values that say nothing: a checkbox or radio button left off, or ticked. */
const EMPTY_FIELD_VALUES = new Set(['', 'Off', 'Yes', 'On'])

/**
 * The text a page holds outside its content: comments (sticky notes, text boxes, highlights' notes) and form-field
 * values. Personal data often hides there, and it is not drawn on the page, so the structured text misses it. Each
 * becomes a line ("Note: …", "Form field “name”: …") after the page's text, its words boxed by the annotation's
 * rectangle on the page.
 */
const pageAnnotations = (
  page: MupdfPage,
  width: number,
  height: number,
): { label: string; text: string; box: Box }[] => {
  if (!page.isPDF()) return []
  const pdfPage = page as PDFPage
  const boxOf = (rect: readonly number[] | undefined): Box => {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = rect ?? []
    const x = Math.min(Math.max(x0, 0), width)
    const y = Math.min(Math.max(y0, 0), height)
    return {
      x: Math.round(x * 100) / 100,
      y: Math.round(y * 100) / 100,
      width: Math.round((Math.min(Math.max(x1, 0), width) - x) * 100) / 100,
      height: Math.round((Math.min(Math.max(y1, 0), height) - y) * 100) / 100,
    }
  }
  const found: { label: string; text: string; box: Box }[] = []
  for (const annotation of safely(() => pdfPage.getAnnotations()) ?? []) {
    const type = safely(() => annotation.getType()) ?? ''
    const label = ANNOTATION_LABELS[type]
    const contents = safely(() => annotation.getContents())?.trim() ?? ''
    if (label !== undefined && contents !== '') {
      found.push({ label, text: contents, box: boxOf(safely(() => annotation.getRect())) })
    }
  }
  for (const widget of safely(() => pdfPage.getWidgets()) ?? []) {
    const value = safely(() => widget.getValue())?.trim() ?? ''
    if (EMPTY_FIELD_VALUES.has(value)) continue
    const name =
      (safely(() => widget.getName()) ?? '')
        .split('.')
        .pop()
        ?.replace(/\[\d+\]$/u, '') ?? ''
    found.push({
      label: name === '' ? 'Form field' : `Form field “${name}”`,
      text: value,
      box: boxOf(safely(() => widget.getRect())),
    })
  }
  return found
}

/** Adds the comments and form values after the page's text, with their words. */
const withAnnotations = (
  page: UnplacedPage,
  annotations: readonly { label: string; text: string; box: Box }[],
): UnplacedPage => {
  if (annotations.length === 0) return page
  let text = page.text
  const words: Word[] = [...page.words]
  for (const annotation of annotations) {
    text += `${text === '' ? '' : '\n\n'}${annotation.label}: `
    const start = text.length
    const content = annotation.text.replace(/\s+/gu, ' ')
    text += content
    for (const match of content.matchAll(/\S+/gu)) {
      words.push({
        text: match[0],
        start: start + match.index,
        end: start + match.index + match[0].length,
        box: annotation.box,
      })
    }
  }
  return { ...page, text, words }
}

/** Reads one page: its text layer, or OCR of its pixels when it is a scan (or has no usable text layer). */
const readPage = async (
  mupdf: Mupdf,
  page: MupdfPage,
  number: number,
  options: PagedReading,
  unread: Map<Unread, number[]>,
  annotated: number[],
): Promise<UnplacedPage> => {
  const content = await readPageContent(mupdf, page, number, options, unread)
  const annotations = pageAnnotations(page, content.width, content.height)
  if (annotations.length > 0) annotated.push(number)
  return withAnnotations(content, annotations)
}

const readPageContent = async (
  mupdf: Mupdf,
  page: MupdfPage,
  number: number,
  options: PagedReading,
  unread: Map<Unread, number[]>,
): Promise<UnplacedPage> => {
  const bounds = page.getBounds()
  const base = {
    number,
    width: Math.round((bounds[2] - bounds[0]) * 100) / 100,
    height: Math.round((bounds[3] - bounds[1]) * 100) / 100,
    rotation: rotationOf(page),
  }
  const extracted = extractPageText(page)
  const unmapped = extracted.visible > 0 && extracted.unmapped / extracted.visible > UNMAPPED_SHARE
  const sparse = extracted.visible < SCANNED_TEXT_BELOW
  const scanned = sparse && imagesOnPage(page, bounds).coverage >= SCANNED_IMAGE_COVERAGE
  if (!scanned && !unmapped) return { ...base, text: extracted.text, words: extracted.words, ocr: false }

  const reason: Unread = scanned ? 'scanned' : 'unmapped'
  const engine = options.limits.ocr ? options.ocr : undefined
  if (engine === undefined) {
    addUnread(unread, reason, number)
    // A page with unmappable text keeps what it has: the words' boxes are right even if their letters are not.
    return { ...base, text: scanned ? '' : extracted.text, words: scanned ? [] : extracted.words, ocr: false }
  }
  let recognised: PageText
  try {
    recognised = await recognisePage(mupdf, page, bounds, OCR_PIXELS_PER_POINT, engine)
  } catch {
    addUnread(unread, 'ocr-failed', number)
    return { ...base, text: '', words: [], ocr: false }
  }
  return { ...base, text: recognised.text, words: recognised.words, ocr: true }
}

const addUnread = (unread: Map<Unread, number[]>, reason: Unread, page: number): void => {
  const pages = unread.get(reason)
  if (pages === undefined) unread.set(reason, [page])
  else pages.push(page)
}

/**
 * Reads a PDF. `ocr` reads scanned pages when `limits.ocr` is on; without it, scanned pages are left empty with a
 * note. The page count is checked against `limits.maxPages` before any page is read.
 */
export const readPdf = async (
  input: ReadInput,
  limits: ReadLimits,
  ocr?: OcrEngine,
): Promise<Result<DocumentReading, ReadProblem>> => {
  if (input.bytes.length === 0) return problem('empty', PDF_MESSAGES.empty)
  const mupdf = await loadMupdf()
  let doc: MupdfDocument
  try {
    doc = mupdf.Document.openDocument(input.bytes, 'application/pdf')
  } catch {
    return problem('corrupt', PDF_MESSAGES.unopenable)
  }
  try {
    return await readOpenPdf(mupdf, doc, { ocr, limits })
  } catch {
    // MuPDF threw where no page-by-page recovery applies (the page tree, the trailer): the file is damaged.
    return problem('corrupt', PDF_MESSAGES.unopenable)
  } finally {
    destroyQuietly(doc)
  }
}

const readOpenPdf = async (
  mupdf: Mupdf,
  doc: MupdfDocument,
  options: PagedReading,
): Promise<Result<DocumentReading, ReadProblem>> => {
  // MuPDF looks at the bytes as well as the type it is told: an image opens as an image, whatever it was called.
  if (!doc.isPDF()) return problem('unsupported', PDF_MESSAGES.notPdf)
  if (doc.needsPassword() && doc.authenticatePassword('') === 0) return problem('encrypted', PDF_MESSAGES.encrypted)
  const pageCount = doc.countPages()
  if (pageCount === 0) return problem('corrupt', PDF_MESSAGES.noPages)
  if (pageCount > options.limits.maxPages) {
    return problem('too-many-pages', tooManyPagesMessage(pageCount, options.limits.maxPages))
  }

  const unread = new Map<Unread, number[]>()
  const annotated: number[] = []
  const pages: UnplacedPage[] = []
  const yieldNow = createYielder()
  for (let index = 0; index < pageCount; index += 1) {
    const number = index + 1
    let page: MupdfPage | undefined
    try {
      page = doc.loadPage(index)
      pages.push(await readPage(mupdf, page, number, options, unread, annotated))
    } catch {
      // The page is kept, empty, at its size when MuPDF can say it, so that page numbers still match the file.
      addUnread(unread, 'damaged', number)
      const bounds = page === undefined ? undefined : safely(() => page?.getBounds())
      pages.push({
        number,
        width: bounds === undefined ? 0 : Math.round((bounds[2] - bounds[0]) * 100) / 100,
        height: bounds === undefined ? 0 : Math.round((bounds[3] - bounds[1]) * 100) / 100,
        rotation: page === undefined ? 0 : rotationOf(page),
        text: '',
        words: [],
        ocr: false,
      })
    } finally {
      destroyQuietly(page)
    }
    await yieldNow()
  }
  if (unread.get('damaged')?.length === pageCount) return problem('corrupt', PDF_MESSAGES.noReadablePage)

  const repaired = safely(() => doc.asPDF()?.wasRepaired()) === true
  const notes = [
    ...(repaired ? [PDF_MESSAGES.repaired] : []),
    ...unreadNotes(unread),
    ...(annotated.length === 0
      ? []
      : [
          `${describePages(annotated)} ${annotated.length > 1 ? 'have' : 'has'} comments or filled-in form fields: their text is added after the page's own, and they must be removed or redacted before release.`,
        ]),
  ]
  const { text, pages: placed } = joinPages(pages)
  return ok({
    kind: 'pdf',
    mediaType: 'application/pdf',
    text,
    pages: placed,
    ...metadata(doc),
    hidden: [],
    contained: [],
    notes,
  })
}
