import type { DocumentReading } from './reading/document-reading.ts'

/** A slice of a document's text for the search index: a page, or a piece of a long unpaged text. */
export interface TextSlice {
  readonly seq: number
  readonly page: number | null
  readonly offset: number
  readonly text: string
}

/** About the most one index row holds: PostgreSQL's tsvector stops at 1 MB, and a hit should point somewhere near. */
export const MAX_SLICE_LENGTH = 50_000

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff

/**
 * Cuts a document's text into slices that together are the whole text, in order: a page each for paged documents
 * (the separator after a page goes with it), and pieces of at most MAX_SLICE_LENGTH, ending at a line break where one
 * is near, for the rest.
 */
export const sliceText = (reading: Pick<DocumentReading, 'text' | 'pages'>): TextSlice[] => {
  if (reading.pages.length > 0) {
    return reading.pages.map((page, index) => {
      const next = reading.pages[index + 1]
      const end = next === undefined ? reading.text.length : next.offset
      return { seq: index, page: page.number, offset: page.offset, text: reading.text.slice(page.offset, end) }
    })
  }
  const slices: TextSlice[] = []
  let offset = 0
  const text = reading.text
  while (offset < text.length) {
    let end = Math.min(offset + MAX_SLICE_LENGTH, text.length)
    if (end < text.length) {
      const lineBreak = text.lastIndexOf('\n', end)
      if (lineBreak > offset + MAX_SLICE_LENGTH / 2) end = lineBreak + 1
      else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1
    }
    slices.push({ seq: slices.length, page: null, offset, text: text.slice(offset, end) })
    offset = end
  }
  return slices
}
