/**
 * The general name finder: compromise's part-of-speech model (`.people()`), for names nobody listed and no rule
 * caught. It is slow next to the patterns (hundreds of kilobytes a second), so the text is read in pieces of at most
 * CHUNK characters cut at line ends, which also bounds its memory. Every name it proposes passes `acceptName`.
 */

import nlp from 'compromise'
import type { Finding } from './finding.ts'
import { acceptName } from './names.ts'
import { makeFinding } from './text-scan.ts'

export const MODEL_SCORE = 0.6
const CHUNK = 20_000
/** Offsets, and not the terms: compromise's types do not admit `terms: false`, which it reads. */
const JSON_OPTIONS = { offset: true, terms: false } as unknown as { offset: boolean }

interface PersonJson {
  readonly text?: string
  readonly offset?: { readonly start: number; readonly length: number }
}

/** Pieces of the text, each ending at a line end where one is near: [start, end). */
const chunksOf = (text: string): [number, number][] => {
  const chunks: [number, number][] = []
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + CHUNK)
    if (end < text.length) {
      const lineEnd = text.lastIndexOf('\n', end)
      if (lineEnd > start + CHUNK / 2) end = lineEnd + 1
    }
    chunks.push([start, end])
    start = end
  }
  return chunks
}

export const findNamesByModel = (text: string, out: Finding[]): void => {
  for (const [chunkStart, chunkEnd] of chunksOf(text)) {
    const chunk = text.slice(chunkStart, chunkEnd)
    const people = nlp(chunk).people().json(JSON_OPTIONS) as PersonJson[]
    for (const person of people) {
      if (person.offset === undefined || person.text === undefined) continue
      let start = person.offset.start
      // compromise counts in UTF-16 code units, as JavaScript does; if it ever disagrees, find the text near by.
      if (chunk.slice(start, start + person.text.length) !== person.text) {
        const near = chunk.indexOf(person.text, Math.max(0, start - 16))
        if (near === -1) continue
        start = near
      }
      const span = acceptName(text, chunkStart + start, chunkStart + start + person.text.length, 2)
      if (span === undefined) continue
      out.push(makeFinding('person-name', text, span.start, span.end, MODEL_SCORE, 'name found by the language model'))
    }
  }
}
