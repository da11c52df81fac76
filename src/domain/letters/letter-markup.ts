import { fail, ok, type Result } from '../result.ts'
import type { Block, Inline } from './letter-document.ts'

/**
 * The body of a letter as text an officer edits before approval: a small part of Markdown, so that the text reads
 * as the letter does and comes back as the same blocks.
 *
 *   ## A section heading          ### An exemption's heading
 *   A paragraph, with **strong words** and [a link](https://example.org).
 *   - an item of a list           > a quoted paragraph
 *
 * Blocks are separated by a blank line; lines of a list, or of a quote, that follow one another are one list or
 * one quote. Only http, https and mailto links are kept as links.
 */

const escapeInline = (value: string): string => value.replace(/([\\*[\]])/g, '\\$1')

const inlineToText = (content: readonly Inline[]): string =>
  content
    .map((inline) => {
      switch (inline.kind) {
        case 'text':
          return escapeInline(inline.text)
        case 'strong':
          return `**${escapeInline(inline.text)}**`
        case 'link':
          return `[${escapeInline(inline.text)}](${inline.url})`
      }
    })
    .join('')

/** Line breaks inside a paragraph are spaces in the letter; text with a line break would read back as two blocks. */
const oneLine = (value: string): string => value.replace(/\s*\n\s*/g, ' ')

export const blocksToMarkup = (blocks: readonly Block[]): string =>
  blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `${'#'.repeat(block.level)} ${oneLine(block.text)}`
        case 'paragraph':
          return oneLine(inlineToText(block.content))
        case 'list':
          return block.items.map((item) => `- ${oneLine(inlineToText(item))}`).join('\n')
        case 'quote':
          return block.paragraphs.map((quoted) => `> ${oneLine(inlineToText(quoted))}`).join('\n')
      }
    })
    .join('\n\n')

export interface MarkupProblem {
  readonly line: number
  readonly message: string
}

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s)]+$/i

/** Reads `**strong**`, `[text](url)` and backslash escapes; anything else is text. */
export const readInline = (source: string, line: number, problems: MarkupProblem[]): Inline[] => {
  const content: Inline[] = []
  let buffer = ''
  const flush = (): void => {
    if (buffer !== '') content.push({ kind: 'text', text: buffer })
    buffer = ''
  }
  let index = 0
  while (index < source.length) {
    const char = source[index] ?? ''
    if (char === '\\' && index + 1 < source.length) {
      buffer += source[index + 1] ?? ''
      index += 2
      continue
    }
    if (source.startsWith('**', index)) {
      const end = findUnescaped(source, '**', index + 2)
      if (end !== -1) {
        flush()
        content.push({ kind: 'strong', text: unescape(source.slice(index + 2, end)) })
        index = end + 2
        continue
      }
    }
    if (char === '[') {
      const close = findUnescaped(source, '](', index + 1)
      const end = close === -1 ? -1 : closingBracket(source, close + 2)
      if (close !== -1 && end !== -1) {
        const url = source.slice(close + 2, end).trim()
        const words = unescape(source.slice(index + 1, close))
        flush()
        if (SAFE_URL.test(url)) content.push({ kind: 'link', text: words, url })
        else {
          problems.push({
            line,
            message: `The link “${words}” goes to “${url}”: a link must start https://, http:// or mailto:`,
          })
          content.push({ kind: 'text', text: words })
        }
        index = end + 1
        continue
      }
    }
    buffer += char
    index += 1
  }
  flush()
  return content
}

const findUnescaped = (source: string, needle: string, from: number): number => {
  for (let index = from; index <= source.length - needle.length; index += 1) {
    if (source[index] === '\\') {
      index += 1
      continue
    }
    if (source.startsWith(needle, index)) return index
  }
  return -1
}

/** Where the `)` that closes a link's address is, allowing brackets within it (`javascript:alert(1)`). */
const closingBracket = (source: string, from: number): number => {
  let depth = 0
  for (let index = from; index < source.length; index += 1) {
    const char = source[index]
    if (char === '(') depth += 1
    else if (char === ')') {
      if (depth === 0) return index
      depth -= 1
    }
  }
  return -1
}

const unescape = (value: string): string => value.replace(/\\(.)/g, '$1')

/** The blocks of an edited letter body, or the lines that could not be read. */
export const markupToBlocks = (markup: string): Result<Block[], MarkupProblem[]> => {
  const problems: MarkupProblem[] = []
  const blocks: Block[] = []
  const lines = markup.replace(/\r\n?/g, '\n').split('\n')
  let index = 0
  while (index < lines.length) {
    const line = lines[index] ?? ''
    const number = index + 1
    const trimmed = line.trim()
    if (trimmed === '') {
      index += 1
      continue
    }
    const headingMatch = /^(#{1,6})\s+(.*)$/.exec(trimmed)
    if (headingMatch !== null) {
      const level = (headingMatch[1] ?? '').length
      if (level !== 2 && level !== 3) {
        problems.push({ line: number, message: 'A heading starts ## (a section) or ### (an exemption within it)' })
      }
      blocks.push({ kind: 'heading', level: level <= 2 ? 2 : 3, text: unescape((headingMatch[2] ?? '').trim()) })
      index += 1
      continue
    }
    if (/^[-*]\s+/.test(trimmed)) {
      const items: Inline[][] = []
      while (index < lines.length && /^[-*]\s+/.test((lines[index] ?? '').trim())) {
        items.push(readInline((lines[index] ?? '').trim().replace(/^[-*]\s+/, ''), index + 1, problems))
        index += 1
      }
      blocks.push({ kind: 'list', items })
      continue
    }
    if (trimmed.startsWith('>')) {
      const quoted: Inline[][] = []
      while (index < lines.length && (lines[index] ?? '').trim().startsWith('>')) {
        quoted.push(readInline((lines[index] ?? '').trim().replace(/^>\s?/, ''), index + 1, problems))
        index += 1
      }
      blocks.push({ kind: 'quote', paragraphs: quoted })
      continue
    }
    // A paragraph runs to the next blank line, heading, list or quote.
    const words: string[] = []
    while (index < lines.length) {
      const next = (lines[index] ?? '').trim()
      if (next === '' || /^#{1,6}\s/.test(next) || /^[-*]\s+/.test(next) || next.startsWith('>')) break
      words.push(next)
      index += 1
    }
    blocks.push({ kind: 'paragraph', content: readInline(words.join(' '), number, problems) })
  }
  if (blocks.length === 0)
    problems.push({ line: 1, message: 'The letter is empty: write its text, or discard the edit' })
  return problems.length === 0 ? ok(blocks) : fail(problems)
}
