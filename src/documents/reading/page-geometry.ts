import type { Box, DocumentReading, Quad, ReadPage, Word } from './document-reading.ts'

/**
 * Where a span of text is on its page: the geometry the redaction step needs for a finding. Pure: it reads only the
 * words a reader recorded (`ReadPage.words`, in text order), never the file.
 */

/** A span of a page's text that sits on one line: the part of the span's geometry a single box can cover. */
interface LinePiece {
  readonly quads: Quad[]
}

const quadOfBox = (box: Box): Quad => [
  box.x,
  box.y,
  box.x + box.width,
  box.y,
  box.x,
  box.y + box.height,
  box.x + box.width,
  box.y + box.height,
]

const boxOfQuads = (quads: readonly Quad[]): Box => {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const quad of quads) {
    for (let index = 0; index < 8; index += 2) {
      const x = quad[index] ?? 0
      const y = quad[index + 1] ?? 0
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
    }
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

const lerp = (a: number, b: number, t: number): number => a + (b - a) * t

/**
 * The part of a word between two fractions of its length, as a quad: the word is cut along its own direction, so a
 * rotated word is cut along its slant. Characters are taken to be of equal width, which is close enough for the
 * part of a word glued to a label ("Email:jo@example.org") and errs by a fraction of a character.
 */
const partOfWord = (word: Word, from: number, to: number): Quad => {
  const quad = word.quad ?? quadOfBox(word.box)
  if (from <= 0 && to >= 1) return quad
  const [ulx, uly, urx, ury, llx, lly, lrx, lry] = quad
  return [
    lerp(ulx, urx, from),
    lerp(uly, ury, from),
    lerp(ulx, urx, to),
    lerp(uly, ury, to),
    lerp(llx, lrx, from),
    lerp(lly, lry, from),
    lerp(llx, lrx, to),
    lerp(lly, lry, to),
  ]
}

/** The index of the first word that ends after `offset` (words are in text order), by binary search. */
const firstWordEndingAfter = (words: readonly Word[], offset: number): number => {
  let low = 0
  let high = words.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((words[middle]?.end ?? Infinity) <= offset) low = middle + 1
    else high = middle
  }
  return low
}

/** The pieces of `[start, end)` on a page, one a line, each the quads of the words (or parts of words) in it. */
const piecesOfSpan = (page: ReadPage, start: number, end: number): LinePiece[] => {
  const pieces: LinePiece[] = []
  if (end <= start) return pieces
  let current: LinePiece | undefined
  let previous: Word | undefined
  for (let index = firstWordEndingAfter(page.words, start); index < page.words.length; index += 1) {
    const word = page.words[index]
    if (word === undefined || word.start >= end) break
    const length = word.end - word.start
    const from = length > 0 ? Math.max(0, (start - word.start) / length) : 0
    const to = length > 0 ? Math.min(1, (end - word.start) / length) : 1
    const quad = partOfWord(word, from, to)
    const newLine = previous === undefined || page.text.slice(previous.end, word.start).includes('\n')
    if (current === undefined || newLine) {
      current = { quads: [quad] }
      pieces.push(current)
    } else {
      current.quads.push(quad)
    }
    previous = word
  }
  return pieces
}

/**
 * The boxes that cover `[start, end)` of a page's text (UTF-16 offsets into `page.text`): one for each line the span
 * crosses, the union of the words in it on that line. A span that starts or ends inside a word (an email address
 * glued to "Email:") covers that word's share of the span, by its fraction of the word's characters. Whitespace
 * between words on a line is covered; a span of whitespace alone has no box.
 */
export const boxesForSpan = (page: ReadPage, start: number, end: number): Box[] =>
  piecesOfSpan(page, start, end).map((piece) => boxOfQuads(piece.quads))

/**
 * As `boxesForSpan`, but as quads that follow rotated text (the four corners of each line's part of the span), for
 * redacting text that is not upright without covering the lines beside it. Upright text gives its box's corners.
 */
export const quadsForSpan = (page: ReadPage, start: number, end: number): Quad[] =>
  piecesOfSpan(page, start, end).map((piece) => {
    const first = piece.quads[0]
    const last = piece.quads[piece.quads.length - 1]
    if (first === undefined || last === undefined) return quadOfBox(boxOfQuads(piece.quads))
    // The first word's left edge and the last word's right edge: the line's words share a direction.
    return [first[0], first[1], last[2], last[3], first[4], first[5], last[6], last[7]]
  })

/**
 * The page that holds a position in the document's text: the page whose text runs from `offset` up to and including
 * its end (so the end of a span on the last character of a page is still on that page). Undefined for a position in
 * the separator between pages, or outside the text.
 */
export const pageOfOffset = (reading: Pick<DocumentReading, 'pages'>, offset: number): ReadPage | undefined => {
  const pages = reading.pages
  let low = 0
  let high = pages.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const page = pages[middle]
    if (page === undefined) return undefined
    if (offset < page.offset) high = middle - 1
    else if (offset > page.offset + page.text.length) low = middle + 1
    else return page
  }
  return undefined
}

/** Where a span of the document's text is: the pages it is on, and on each its boxes. */
export interface SpanLocation {
  readonly page: number
  readonly boxes: readonly Box[]
}

/**
 * A span of `DocumentReading.text` located on its pages: a finding in the whole text, placed for redaction. A span
 * that crosses from one page to the next (rare: text does not flow across a page break in a PDF) is split.
 */
export const locateSpan = (reading: Pick<DocumentReading, 'pages'>, start: number, end: number): SpanLocation[] => {
  const locations: SpanLocation[] = []
  const pages = reading.pages
  // The first page that ends after the span starts, by binary search: findings are many and documents long.
  let low = 0
  let high = pages.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const page = pages[middle]
    if (page !== undefined && page.offset + page.text.length <= start) low = middle + 1
    else high = middle
  }
  for (let index = low; index < pages.length; index += 1) {
    const page = pages[index]
    if (page === undefined || page.offset >= end) break
    const pageEnd = page.offset + page.text.length
    const boxes = boxesForSpan(page, Math.max(start, page.offset) - page.offset, Math.min(end, pageEnd) - page.offset)
    if (boxes.length > 0) locations.push({ page: page.number, boxes })
  }
  return locations
}
