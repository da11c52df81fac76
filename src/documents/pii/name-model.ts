/**
 * The general name finder: compromise's part-of-speech model (`.people()`), for names nobody listed and no rule
 * caught. It is slow next to the patterns (hundreds of kilobytes a second), so the text is read in pieces of at most
 * CHUNK characters cut at line ends, which also bounds its memory. Every name it proposes passes `acceptName`.
 */

import nlp from 'compromise'
import type { Finding } from './finding.ts'
import { acceptName } from './names.ts'
import { mergeSpans, overlapsAny, type Span } from './spans.ts'
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

/** Two or more capitalised words side by side: a name the model proposes passes `acceptName` only inside one. */
const CAPITALISED_RUN = /\p{Lu}[\p{L}'’-]*\.?(?:[ \t]+\p{Lu}[\p{L}'’-]*\.?)+/gu
const WORD = /\S+/gu

/**
 * Whether a run of capitalised words could hold a name the model would add: two to four of its words side by side,
 * none of them already found (by a rule, the gazetteer, an address), that `acceptName` accepts ("Information
 * Governance Team" and "Example Street" have none).
 */
const couldHoldName = (text: string, runStart: number, run: string, covered: readonly Span[]): boolean => {
  const words = [...run.matchAll(WORD)].map((word) => {
    const start = runStart + word.index
    const end = start + word[0].length
    return { start, end, covered: overlapsAny({ start, end }, covered) }
  })
  for (let first = 0; first < words.length - 1; first += 1) {
    for (let last = first + 1; last < Math.min(words.length, first + 4); last += 1) {
      // Words already found (a postcode after a name, a name a rule found) are explained: not the model's to add.
      if (words[last]?.covered === true) break
      if (words[first]?.covered === true) break
      const start = words[first]?.start ?? 0
      const end = words[last]?.end ?? 0
      if (acceptName(text, start, end, 2) !== undefined) return true
    }
  }
  return false
}

/** A line of the text the model reads: where it is in the text, and in the text given to the model. */
interface Piece {
  readonly at: number
  readonly from: number
  readonly length: number
}

/**
 * The lines worth the model's time, one after another: those with capitalised words side by side that no rule or
 * list has already explained and that could pass `acceptName` as a name (see couldHoldName). In
 * a letter most lines have none, and the model — the slowest part of finding personal data — reads a fraction of the
 * text. Each line is given whole, so the model still sees a name's context within its line.
 */
const candidateLines = (text: string, covered: readonly Span[]): { text: string; pieces: Piece[] } => {
  const pieces: Piece[] = []
  const kept: string[] = []
  let from = 0
  for (let lineStart = 0; lineStart <= text.length;) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    const line = text.slice(lineStart, lineEnd)
    for (const match of line.matchAll(CAPITALISED_RUN)) {
      if (couldHoldName(text, lineStart + match.index, match[0], covered)) {
        pieces.push({ at: lineStart, from, length: line.length })
        kept.push(line)
        from += line.length + 1
        break
      }
    }
    if (newline === -1) break
    lineStart = newline + 1
  }
  return { text: kept.join('\n'), pieces }
}

/** The piece a position in the model's text falls in (pieces are in order of `from`). */
const pieceAt = (pieces: readonly Piece[], position: number): Piece | undefined => {
  let low = 0
  let high = pieces.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((pieces[middle]?.from ?? 0) <= position) low = middle + 1
    else high = middle
  }
  return pieces[low - 1]
}

/**
 * Adds the names the model finds in `text` to `out`. `covered` are findings already made (by rules, the gazetteer,
 * addresses): lines whose capitalised words they all explain are not read again.
 */
export const findNamesByModel = (text: string, out: Finding[], covered: readonly Span[] = []): void => {
  const candidates = candidateLines(text, mergeSpans(covered))
  if (candidates.pieces.length === 0) return
  const modelText = candidates.text
  for (const [chunkStart, chunkEnd] of chunksOf(modelText)) {
    const chunk = modelText.slice(chunkStart, chunkEnd)
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
      const modelStart = chunkStart + start
      const piece = pieceAt(candidates.pieces, modelStart)
      // A name the model ran across two lines is not one this can place: the rules see line breaks in names.
      if (piece === undefined || modelStart + person.text.length > piece.from + piece.length) continue
      const at = piece.at + (modelStart - piece.from)
      const span = acceptName(text, at, at + person.text.length, 2)
      if (span === undefined) continue
      out.push(makeFinding('person-name', text, span.start, span.end, MODEL_SCORE, 'name found by the language model'))
    }
  }
}

export const REPEAT_SCORE = 0.85

const escapeForPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')

/**
 * Every other place a name already found appears in the same text: a person named in a greeting ("Dear Priya
 * Testperson") is the same person further down ("you can reach Priya Testperson at …"), whatever rule found the
 * first. Only names of two words or more, so that a lone given name is not chased through the text.
 */
export const findRepeatedNames = (text: string, names: readonly Finding[], out: Finding[]): void => {
  const distinct = [
    ...new Set(names.filter((name) => name.type === 'person-name' && /\s/u.test(name.text)).map((name) => name.text)),
  ]
  if (distinct.length === 0) return
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${distinct
      .sort((a, b) => b.length - a.length)
      .map((name) => escapeForPattern(name).replace(/\s+/gu, '\\s+'))
      .join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  )
  const found = mergeSpans(names)
  for (const match of text.matchAll(pattern)) {
    const start = match.index
    const end = start + match[0].length
    if (overlapsAny({ start, end }, found)) continue
    out.push(
      makeFinding('person-name', text, start, end, REPEAT_SCORE, 'the same name as found elsewhere in this text'),
    )
  }
}
