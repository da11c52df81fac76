import mammoth from 'mammoth'
import { fail, ok, type Result } from '../../domain/result.ts'
import {
  DEFAULT_READ_LIMITS,
  type DocumentReading,
  type ReadInput,
  type ReadLimits,
  type ReadProblem,
} from '../reading/document-reading.ts'
import { decodeEntities } from '../reading/html-text.ts'
import { damaged, openOfficePackage, partNames, readCoreProperties, readPart } from '../reading/office-package.ts'
import { EMPTY_FILE } from '../reading/plain-text.reader.ts'

/**
 * Reads a Word (.docx) document: the body's text by mammoth, then, because mammoth leaves them out and they are where
 * personal data hides, the text of comments, of tracked deletions and insertions, of hidden text, of headers and
 * footers and of footnotes, each after a heading line ("Comments:") at the end of the text, with a note for the
 * reviewer saying what was found.
 */

/** The words in a piece of WordprocessingML: `w:t` and `w:delText` runs, tabs and line breaks. */
export const wordText = (xml: string): string => {
  let text = ''
  for (const match of xml.matchAll(/<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:\1>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
    if (match[3] === 'tab') text += '\t'
    else if (match[3] !== undefined) text += '\n'
    else text += decodeEntities(match[2] ?? '')
  }
  return text
}

/** The text of each paragraph that has any. */
const paragraphs = (xml: string): string[] =>
  xml
    .split(/<\/w:p>/)
    .map((paragraph) => wordText(paragraph).trim())
    .filter((paragraph) => paragraph !== '')

const attribute = (attributes: string, name: string): string | undefined => {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)
  const value = match?.[1] === undefined ? '' : decodeEntities(match[1]).trim()
  return value === '' ? undefined : value
}

interface Marked {
  readonly attributes: string
  readonly content: string
}

/** Every `<w:NAME …>…</w:NAME>` element (self-closing ones, which mark only a paragraph mark, are skipped). */
const elements = (xml: string, name: string): Marked[] => {
  const found: Marked[] = []
  const opening = new RegExp(`<w:${name}\\b([^>]*)>`, 'g')
  const closing = `</w:${name}>`
  for (let match = opening.exec(xml); match !== null; match = opening.exec(xml)) {
    const attributes = match[1] ?? ''
    if (attributes.endsWith('/')) continue
    const start = match.index + match[0].length
    const end = xml.indexOf(closing, start)
    if (end < 0) break
    found.push({ attributes, content: xml.slice(start, end) })
    opening.lastIndex = end + closing.length
  }
  return found
}

const byWhom = (attributes: string): string => {
  const author = attribute(attributes, 'w:author')
  const date = attribute(attributes, 'w:date')?.slice(0, 10)
  return [author === undefined ? '' : ` by ${author}`, date === undefined ? '' : ` (${date})`].join('')
}

const isHiddenRun = (run: string): boolean => {
  const properties = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1]
  if (properties === undefined) return false
  const vanish = /<w:vanish\b([^>]*)\/>/.exec(properties)
  if (vanish === null) return false
  const value = attribute(vanish[1] ?? '', 'w:val')
  return value === undefined || !['0', 'false', 'off'].includes(value)
}

const hiddenRuns = (xml: string): string[] => {
  const found: string[] = []
  for (const match of xml.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
    const run = match[1] ?? ''
    if (!isHiddenRun(run)) continue
    const text = wordText(run).trim()
    if (text !== '') found.push(text)
  }
  return found
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`

const section = (heading: string, lines: readonly string[]): string =>
  lines.length === 0 ? '' : `\n\n${heading}\n${lines.join('\n')}`

/** Reads a Word document. Never throws for bad bytes: a damaged file is `corrupt`, a password-protected one `encrypted`. */
export const readDocx = async (
  input: ReadInput,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<Result<DocumentReading, ReadProblem>> => {
  if (input.bytes.length === 0) return fail(EMPTY_FILE)
  const opened = openOfficePackage(input.bytes, 'Word document', 'word/document.xml', limits)
  if (!opened.ok) return opened
  const office = opened.value
  const documentXml = readPart(office, 'word/document.xml')
  if (documentXml === undefined) return fail(damaged('Word document'))

  let body: string
  try {
    const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
    body = (await mammoth.extractRawText({ buffer })).value
  } catch {
    return fail(damaged('Word document'))
  }

  const notes: string[] = []
  const commentsXml = readPart(office, 'word/comments.xml') ?? ''
  const comments = elements(commentsXml, 'comment').map(
    (comment) => `Comment${byWhom(comment.attributes)}: ${paragraphs(comment.content).join(' ')}`,
  )
  if (comments.length > 0) {
    notes.push(
      `The document has ${plural(comments.length, 'comment', 'comments')}: their text is at the end of the text, under “Comments:”.`,
    )
  }

  const deletions = elements(documentXml, 'del')
  const insertions = elements(documentXml, 'ins')
  const changes = [
    ...deletions.map((change) => ({ ...change, label: 'Deleted' })),
    ...insertions.map((change) => ({ ...change, label: 'Inserted' })),
  ]
    .map((change) => {
      const text = wordText(change.content).trim()
      return text === '' ? '' : `${change.label}${byWhom(change.attributes)}: ${text}`
    })
    .filter((line) => line !== '')
  if (deletions.length + insertions.length > 0) {
    notes.push(
      `The document has tracked changes that have not been accepted or rejected (${plural(insertions.length, 'insertion', 'insertions')}, ${plural(deletions.length, 'deletion', 'deletions')}): deleted text is not in the body, so all changed text is at the end, under “Tracked changes:”. Accept or reject the changes before the document is disclosed.`,
    )
  }

  const hidden = hiddenRuns(documentXml)
  if (hidden.length > 0) {
    notes.push(
      `The document has hidden text (formatted as hidden, so Word does not show or print it): it is at the end of the text, under “Hidden text:”.`,
    )
  }

  const headerAndFooterLines = [
    ...new Set(
      partNames(office, /^word\/(header|footer)\d*\.xml$/i).flatMap((name) => paragraphs(readPart(office, name) ?? '')),
    ),
  ]
  const noteLines = ['word/footnotes.xml', 'word/endnotes.xml'].flatMap((name) =>
    paragraphs(readPart(office, name) ?? ''),
  )

  const text = [
    body
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd(),
    section('Comments:', comments),
    section('Tracked changes:', changes),
    section('Hidden text:', hidden),
    section('Headers and footers:', headerAndFooterLines),
    section('Footnotes and endnotes:', noteLines),
  ].join('')

  const { title, author, createdAt, modifiedAt } = readCoreProperties(office)
  return ok({
    kind: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    text,
    pages: [],
    ...(title === undefined ? {} : { title }),
    ...(author === undefined ? {} : { author }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(modifiedAt === undefined ? {} : { modifiedAt }),
    hidden: [],
    contained: [],
    notes,
  })
}
