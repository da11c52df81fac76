import type * as MupdfModule from 'mupdf'
import type { Page as MupdfPage, PDFPage, Quad as MupdfQuad } from 'mupdf'
import type { Box, Quad, ReadPage, Word } from '../reading/document-reading.ts'
import { PAGE_SEPARATOR } from '../reading/document-reading.ts'
import type { OcrEngine, OcrLine } from '../ports.ts'

/**
 * What the PDF and image readers share: MuPDF loaded once, a page's text and word geometry from MuPDF's structured
 * text, a page's text from OCR of its pixels, and the pages joined into one text.
 *
 * Coordinates are MuPDF's page space: points, origin at the top left of the page as displayed (after /Rotate), y
 * down. OCR boxes are converted from the rendered pixels into the same space.
 */

export type Mupdf = typeof MupdfModule

let loading: Promise<Mupdf> | undefined

/** MuPDF's WASM module, loaded at first use (it is large, and its import has a top-level await). */
export const loadMupdf = (): Promise<Mupdf> =>
  (loading ??= import('mupdf').then((mupdf) => {
    // MuPDF writes its warnings ("repairing PDF document", syntax errors) straight to standard error, around the
    // logger and in the middle of the command line's output. The readers turn what matters into notes and problems
    // on the document, so the raw messages go nowhere.
    mupdf.setLog({ warning: () => undefined, error: () => undefined })
    return mupdf
  }))

/**
 * How MuPDF builds the structured text: `preserve-whitespace` keeps the file's whitespace characters (tabs, no-break
 * spaces) as they are instead of turning them into plain spaces. Invisible text (render mode 3, the text layer OCR
 * software lays over a scan) is extracted like any other. Reading order across columns is `orderByColumns`' work:
 * MuPDF's `segment` option would do it too, but nests the blocks where its JavaScript walk does not go.
 */
export const STRUCTURED_TEXT_OPTIONS = 'preserve-whitespace'

/** The page's text and words, before the pages are joined. */
export interface PageText {
  readonly text: string
  readonly words: readonly Word[]
}

export interface ExtractedText extends PageText {
  /** Characters other than whitespace. */
  readonly visible: number
  /** Characters MuPDF could not map to Unicode (U+FFFD): a font without a character map. */
  readonly unmapped: number
}

const round = (value: number): number => Math.round(value * 100) / 100

const isSpace = (character: string): boolean =>
  character === ' ' || character === '\t' || character === '\u00a0' || character.trim() === ''

/** A line of MuPDF's structured text, as gathered from the walk. */
export interface StructuredLine {
  /** Its place in MuPDF's order. */
  readonly sequence: number
  readonly characters: string[]
  /** Eight numbers a character: its quad. */
  readonly quads: number[]
  readonly bbox: readonly [number, number, number, number]
  /** The index of MuPDF's block the line is in. */
  readonly block: number
  readonly upright: boolean
}

/** A line in reading order, and whether it starts a new column (so a new paragraph in the text). */
export interface OrderedLine {
  readonly line: StructuredLine
  readonly newColumn: boolean
}

/** The narrowest gutter taken as a gap between columns, in points. */
const MIN_GUTTER = 9
/** The narrowest a column of text can be, as a share of the page's width: narrower ones are form labels or tables. */
const MIN_COLUMN_SHARE = 0.2

/**
 * Puts a page's lines in reading order when the page has columns of text: a recursive XY-cut. A region is cut at its
 * widest gap: across (between rows) or down (a gutter between columns), and each part is ordered in turn, top before
 * bottom and left before right. A cut down the page counts only when both sides are columns of text (each at least a
 * fifth of the page wide, with more than one line), so that a form's labels and values, or a table's cells, stay row
 * by row as MuPDF gave them. When no such cut is found the page keeps MuPDF's order: undefined is returned.
 *
 * MuPDF orders blocks by the content stream, which is column by column for most producers; some draw the columns row
 * by row (left line, right line, …), and MuPDF's own `segment` option (which fixes that) nests the blocks in a way
 * its JavaScript walk does not enter.
 */
export const orderByColumns = (lines: readonly StructuredLine[], pageWidth: number): OrderedLine[] | undefined => {
  if (lines.length < 4 || lines.some((line) => !line.upright)) return undefined
  const minColumnWidth = pageWidth * MIN_COLUMN_SHARE
  const ordered: OrderedLine[] = []
  let cutDown = false

  const widthOf = (group: readonly StructuredLine[]): number => {
    let x0 = Infinity
    let x1 = -Infinity
    for (const line of group) {
      if (line.bbox[0] < x0) x0 = line.bbox[0]
      if (line.bbox[2] > x1) x1 = line.bbox[2]
    }
    return x1 - x0
  }

  /** The groups a region splits into at its gaps along one axis (0 for x, 1 for y), and the widest gap. */
  const gaps = (region: readonly StructuredLine[], axis: 0 | 1): { widest: number; groups: StructuredLine[][] } => {
    const sorted = [...region].sort((a, b) => a.bbox[axis] - b.bbox[axis])
    const cuts: { at: number; width: number }[] = []
    const far = axis === 0 ? 2 : 3
    let reach = sorted[0]?.bbox[far] ?? 0
    for (let index = 1; index < sorted.length; index += 1) {
      const line = sorted[index]
      if (line === undefined) continue
      if (line.bbox[axis] > reach) cuts.push({ at: index, width: line.bbox[axis] - reach })
      reach = Math.max(reach, line.bbox[far])
    }
    const widest = cuts.reduce((most, cut) => Math.max(most, cut.width), 0)
    // Every gap as wide as the widest (within a point): evenly spaced lines are split in one step, not one by one.
    const chosen = cuts.filter((cut) => cut.width >= widest - 1).map((cut) => cut.at)
    const groups: StructuredLine[][] = []
    let from = 0
    for (const at of [...chosen, sorted.length]) {
      groups.push(sorted.slice(from, at))
      from = at
    }
    return { widest, groups }
  }

  const order = (region: readonly StructuredLine[], newColumn: boolean): void => {
    if (region.length === 1) {
      const [line] = region
      if (line !== undefined) ordered.push({ line, newColumn })
      return
    }
    const across = gaps(region, 1)
    const down = gaps(region, 0)
    const columns =
      down.widest >= MIN_GUTTER &&
      down.widest > across.widest &&
      down.groups.every((group) => group.length > 1 && widthOf(group) >= minColumnWidth)
    if (columns) {
      cutDown = true
      down.groups.forEach((group, index) => order(group, newColumn || index > 0))
    } else if (across.groups.length > 1) {
      across.groups.forEach((group, index) => order(group, newColumn && index === 0))
    } else {
      // No gap either way (lines that overlap): the order MuPDF gave.
      const original = [...region].sort((a, b) => a.sequence - b.sequence)
      original.forEach((line, index) => ordered.push({ line, newColumn: newColumn && index === 0 }))
    }
  }

  order(lines, false)
  return cutDown ? ordered : undefined
}

/**
 * A page's text and words from MuPDF's structured text: lines joined by "\n", blocks by "\n\n", each line trimmed of
 * the whitespace at its ends, words split on whitespace and at punctuation (`classify`), lines in reading order
 * (`orderByColumns`). A word's box is
 * the union of its characters' quads; its quad (the first character's left corners, the last character's right
 * corners) is kept when its line does not run left to right along the page, as for rotated text and for text on a
 * page with a /Rotate.
 */
export const extractPageText = (page: MupdfPage): ExtractedText => {
  const lines: StructuredLine[] = []
  let block = -1
  let current: StructuredLine | undefined
  const structured = page.toStructuredText(STRUCTURED_TEXT_OPTIONS)
  try {
    structured.walk({
      beginTextBlock: () => {
        block += 1
      },
      beginLine: (bbox, _wmode, direction) => {
        current = {
          sequence: lines.length,
          characters: [],
          quads: [],
          bbox: [bbox[0], bbox[1], bbox[2], bbox[3]],
          block,
          upright: Math.abs(direction[1]) < 1e-3 && direction[0] > 0,
        }
        lines.push(current)
      },
      onChar: (character, _origin, font, _size, quad: MupdfQuad) => {
        // The walk makes a Font object for every character; freeing it at once spares the garbage collector.
        font.destroy()
        current?.characters.push(character)
        current?.quads.push(...quad)
      },
    })
  } finally {
    structured.destroy()
  }
  const bounds = page.getBounds()
  const ordered =
    orderByColumns(lines, bounds[2] - bounds[0]) ?? lines.map((line): OrderedLine => ({ line, newColumn: false }))
  return writeLines(ordered)
}

const SPACE = 0
const LETTERS = 1
const PUNCTUATION = 2

/** Characters that stay inside a word between two letters or digits: "foi@tfl.gov.uk", "5,000", "O’Neill", "12/03". */
const JOINERS = new Set(['.', '@', '-', '_', '+', "'", '\u2019', ',', '/', '&'])

const isLetterOrDigit = (character: string): boolean => {
  const code = character.charCodeAt(0)
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
  return /[\p{L}\p{N}\p{M}]/u.test(character)
}

/**
 * The class of each character of `characters[first..last]`: space, letters and digits (with the joiners between
 * them), or other punctuation. A word is a run of one class, so "Belfast," is "Belfast" and ",", and
 * "Email:jo@example.org" is "Email", ":" and "jo@example.org": a finding's box then starts and ends on the edges
 * of real characters instead of an estimate across narrow punctuation.
 */
const classify = (characters: readonly string[], first: number, last: number): Uint8Array => {
  const classes = new Uint8Array(last - first + 1)
  for (let index = first; index <= last; index += 1) {
    const character = characters[index] ?? ' '
    classes[index - first] = isSpace(character) ? SPACE : isLetterOrDigit(character) ? LETTERS : PUNCTUATION
  }
  for (let at = 1; at < classes.length - 1; at += 1) {
    if (
      classes[at] === PUNCTUATION &&
      classes[at - 1] === LETTERS &&
      classes[at + 1] === LETTERS &&
      JOINERS.has(characters[first + at] ?? '')
    ) {
      classes[at] = LETTERS
    }
  }
  return classes
}

/**
 * Writes ordered lines into a page's text and words. Words are split at whitespace and where letters and digits meet
 * punctuation (see `classify`).
 */
const writeLines = (ordered: readonly OrderedLine[]): ExtractedText => {
  const parts: string[] = []
  const words: Word[] = []
  let length = 0
  let visible = 0
  let unmapped = 0
  let previousBlock = -1

  for (const { line, newColumn } of ordered) {
    const { characters, quads, upright } = line
    let first = 0
    let last = characters.length - 1
    while (first <= last && isSpace(characters[first] ?? ' ')) first += 1
    while (last >= first && isSpace(characters[last] ?? ' ')) last -= 1
    if (first > last) continue
    if (length > 0) {
      const separator = newColumn || line.block !== previousBlock ? '\n\n' : '\n'
      parts.push(separator)
      length += separator.length
    }
    previousBlock = line.block
    let wordStart = -1
    let firstCharacter = 0
    let x0 = 0
    let y0 = 0
    let x1 = 0
    let y1 = 0
    const endWord = (lastCharacter: number): void => {
      if (wordStart < 0) return
      const box: Box = { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) }
      const text = characters.slice(firstCharacter, lastCharacter + 1).join('')
      if (upright) {
        words.push({ text, start: wordStart, end: wordStart + text.length, box })
      } else {
        const a = firstCharacter * 8
        const b = lastCharacter * 8
        const quad: Quad = [
          round(quads[a] ?? 0),
          round(quads[a + 1] ?? 0),
          round(quads[b + 2] ?? 0),
          round(quads[b + 3] ?? 0),
          round(quads[a + 4] ?? 0),
          round(quads[a + 5] ?? 0),
          round(quads[b + 6] ?? 0),
          round(quads[b + 7] ?? 0),
        ]
        words.push({ text, start: wordStart, end: wordStart + text.length, box, quad })
      }
      wordStart = -1
    }
    const classes = classify(characters, first, last)
    let wordClass = SPACE
    for (let index = first; index <= last; index += 1) {
      const character = characters[index] ?? ' '
      const characterClass = classes[index - first] ?? SPACE
      parts.push(character)
      if (characterClass !== wordClass) endWord(index - 1)
      wordClass = characterClass
      if (characterClass !== SPACE) {
        visible += 1
        if (character === '\ufffd') unmapped += 1
        const q = index * 8
        let minX = quads[q] ?? 0
        let maxX = minX
        let minY = quads[q + 1] ?? 0
        let maxY = minY
        for (let corner = 2; corner < 8; corner += 2) {
          const x = quads[q + corner] ?? 0
          const y = quads[q + corner + 1] ?? 0
          if (x < minX) minX = x
          if (x > maxX) maxX = x
          if (y < minY) minY = y
          if (y > maxY) maxY = y
        }
        if (wordStart < 0) {
          wordStart = length
          firstCharacter = index
          x0 = minX
          y0 = minY
          x1 = maxX
          y1 = maxY
        } else {
          if (minX < x0) x0 = minX
          if (minY < y0) y0 = minY
          if (maxX > x1) x1 = maxX
          if (maxY > y1) y1 = maxY
        }
      }
      length += character.length
    }
    endWord(last)
  }
  return { text: parts.join(''), words, visible, unmapped }
}

/** The images drawn on a page: the share of the page they cover (0 to 1), and their resolution in pixels a point. */
export interface PageImages {
  readonly coverage: number
  /** The largest image's pixels per point across the page: what rendering at its own resolution needs. */
  readonly pixelsPerPoint: number
}

/** The images on a page, from a structured text that keeps image blocks (and nothing is decoded). */
export const imagesOnPage = (page: MupdfPage, bounds: readonly [number, number, number, number]): PageImages => {
  const [px0, py0, px1, py1] = bounds
  const pageArea = Math.max(1, (px1 - px0) * (py1 - py0))
  let covered = 0
  let pixelsPerPoint = 0
  let largest = 0
  const structured = page.toStructuredText('preserve-images,inhibit-spaces')
  try {
    structured.walk({
      onImageBlock: (bbox, _transform, image) => {
        const width = Math.min(bbox[2], px1) - Math.max(bbox[0], px0)
        const height = Math.min(bbox[3], py1) - Math.max(bbox[1], py0)
        const area = width > 0 && height > 0 ? width * height : 0
        covered += area
        if (area > largest && bbox[2] - bbox[0] > 0) {
          largest = area
          pixelsPerPoint = image.getWidth() / (bbox[2] - bbox[0])
        }
        image.destroy()
      },
    })
  } finally {
    structured.destroy()
  }
  return { coverage: Math.min(1, covered / pageArea), pixelsPerPoint }
}

/** No page is rendered for OCR beyond this many pixels (an A3 page at 300 dpi is 17 million). */
const MAX_OCR_PIXELS = 30_000_000

/**
 * Renders a page in grey at `pixelsPerPoint` (200 dpi is 200/72), capped at MAX_OCR_PIXELS, reads it by OCR, and
 * turns the lines into the page's text and words, each box converted from pixels to points.
 */
export const recognisePage = async (
  mupdf: Mupdf,
  page: MupdfPage,
  bounds: readonly [number, number, number, number],
  pixelsPerPoint: number,
  ocr: OcrEngine,
): Promise<PageText> => {
  const area = Math.max(1, (bounds[2] - bounds[0]) * (bounds[3] - bounds[1]))
  const scale = Math.min(pixelsPerPoint, Math.sqrt(MAX_OCR_PIXELS / area))
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false, true)
  let png: Uint8Array
  let originX: number
  let originY: number
  try {
    png = pixmap.asPNG()
    originX = pixmap.getX()
    originY = pixmap.getY()
  } finally {
    pixmap.destroy()
  }
  const lines = await ocr.recognise(png)
  return textFromOcr(lines, scale, originX, originY)
}

/**
 * The page's text and words from OCR lines: words joined by a space, lines by "\n", and by "\n\n" where the gap
 * above a line is taller than the line before it (a new paragraph or block). Pixel boxes become points:
 * `(pixel + origin) / scale`, the origin being where the rendered pixmap starts in the scaled page.
 */
export const textFromOcr = (lines: readonly OcrLine[], scale: number, originX = 0, originY = 0): PageText => {
  const parts: string[] = []
  const words: Word[] = []
  let length = 0
  let previousBottom: number | undefined
  let previousHeight = 0
  for (const line of lines) {
    if (line.words.length === 0) continue
    let top = Infinity
    let bottom = -Infinity
    for (const word of line.words) {
      top = Math.min(top, word.y)
      bottom = Math.max(bottom, word.y + word.height)
    }
    if (previousBottom !== undefined) {
      const separator = top - previousBottom > previousHeight ? '\n\n' : '\n'
      parts.push(separator)
      length += separator.length
    }
    previousBottom = bottom
    previousHeight = bottom - top
    line.words.forEach((word, index) => {
      if (index > 0) {
        parts.push(' ')
        length += 1
      }
      parts.push(word.text)
      words.push({
        text: word.text,
        start: length,
        end: length + word.text.length,
        box: {
          x: round((word.x + originX) / scale),
          y: round((word.y + originY) / scale),
          width: round(word.width / scale),
          height: round(word.height / scale),
        },
        confidence: Math.round(word.confidence * 1000) / 1000,
      })
      length += word.text.length
    })
  }
  return { text: parts.join(''), words }
}

/** A page before its place in the document's text is known. */
export type UnplacedPage = Omit<ReadPage, 'offset'>

/** The document's text (the pages' texts joined by PAGE_SEPARATOR) and the pages with their offsets into it. */
export const joinPages = (unplaced: readonly UnplacedPage[]): { text: string; pages: ReadPage[] } => {
  const pages: ReadPage[] = []
  let offset = 0
  for (const page of unplaced) {
    if (pages.length > 0) offset += PAGE_SEPARATOR.length
    pages.push({ ...page, offset })
    offset += page.text.length
  }
  return { text: pages.map((page) => page.text).join(PAGE_SEPARATOR), pages }
}

/** A page's /Rotate, normalised to 0, 90, 180 or 270 as MuPDF applies it; 0 for pages that are not PDF pages. */
export const rotationOf = (page: MupdfPage): number => {
  if (!page.isPDF()) return 0
  const object = safely(() => (page as PDFPage).getObject())
  const rotate = safely(() => object?.getInheritable('Rotate'))
  const value = safely(() => (rotate?.isNumber() === true ? rotate.asNumber() : 0)) ?? 0
  destroyQuietly(rotate)
  destroyQuietly(object)
  const quarter = Math.round(value / 90)
  return (((quarter % 4) + 4) % 4) * 90
}

/** "Page 3", "Pages 1 and 2", "Pages 1, 3 and 5–9": page numbers for a note, with runs shortened. */
export const describePages = (numbers: readonly number[]): string => {
  const runs: string[] = []
  let index = 0
  while (index < numbers.length) {
    const start = numbers[index] ?? 0
    let stop = start
    while (numbers[index + 1] === stop + 1) {
      stop += 1
      index += 1
    }
    runs.push(stop === start ? String(start) : stop === start + 1 ? `${start}, ${stop}` : `${start}–${stop}`)
    index += 1
  }
  const list = runs.join(', ').split(', ')
  const text =
    list.length === 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}`
  return numbers.length === 1 ? `Page ${text}` : `Pages ${text}`
}

/** Gives the event loop a turn now and then during long synchronous MuPDF work, so a server stays responsive. */
export const createYielder = (everyMilliseconds = 40): (() => Promise<void>) => {
  let last = performance.now()
  return async () => {
    if (performance.now() - last < everyMilliseconds) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    last = performance.now()
  }
}

/** The value `read` gives, or undefined when MuPDF throws (a damaged object, a missing key). */
export const safely = <T>(read: () => T): T | undefined => {
  try {
    return read()
  } catch {
    return undefined
  }
}

/** Closes a MuPDF object, ignoring a failure: the reading is done either way. */
export const destroyQuietly = (object: { destroy(): void } | undefined): void => {
  try {
    object?.destroy()
  } catch {
    // Nothing to do: the object is gone or was never whole.
  }
}
