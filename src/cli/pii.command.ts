import { readFile, stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { PII_TYPES, type Finding, type PiiType } from '../documents/pii/finding.ts'
import { createTesseractOcr } from '../documents/adapters/tesseract.ocr.ts'
import { createDocumentReader } from '../documents/read-document.ts'
import { DEFAULT_READ_LIMITS, type Box } from '../documents/reading/document-reading.ts'
import { boxesForSpan, pageOfOffset } from '../documents/reading/page-geometry.ts'
import { identifyFile } from '../documents/reading/sniff.ts'
import { fail, ok, type Result } from '../domain/result.ts'
import {
  columns,
  EXIT_OK,
  oneLine,
  printJson,
  readCommandLine,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'

const COMMAND = 'disclose pii'

export const PII_HELP = `Usage: disclose pii [FILE|-] [--json]

Finds personal data in a text file, or in standard input (- or no FILE): email addresses, UK phone numbers,
postcodes, National Insurance, NHS, driving licence, passport and vehicle registration numbers, sort codes with
account numbers, IBANs, card numbers, dates of birth, IP addresses, people’s names and postal addresses.

FILE may be text (UTF-8), a PDF, a scan or photograph (PNG, JPEG, TIFF: read by OCR unless DISCLOSE_OCR=false),
a Word (DOCX) or Excel (XLSX) file, a CSV file or an email (EML, MSG). Only the file itself is read, not its
attachments or the files in an archive: disclose ingest reads those. Standard input must be text.

Options:
  --json        print an array of {type, start, end, text, score}; start and end count UTF-16 code units into
                the input, as JavaScript strings do. For PDFs and images, each finding also has its page (from 1)
                and box ({x, y, width, height} in points from the top left of the page), and start and end count
                into that page's text; for other files, into the text Disclose read from them
  --help, -h    show this help

Example:
  disclose pii letter.txt --json`

/** Larger than any text a person would give one command; a file this size is almost certainly not text. */
const MAX_BYTES = 256 * 1024 * 1024

/** What a file's first bytes say it is, for the formats people are most likely to give by mistake. */
const SIGNATURES: readonly (readonly [string, readonly number[]])[] = [
  ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['a TIFF image', [0x4d, 0x4d, 0x00, 0x2a]],
  ['a zip file (or a Word or Excel document)', [0x50, 0x4b, 0x03, 0x04]],
  ['an Outlook message or an old Office document', [0xd0, 0xcf, 0x11, 0xe0]],
]

const TEXT_ONLY = 'standard input must be text: give a PDF, image, Office file or email as FILE'

/** Why some bytes are not text this command can read, or undefined if they are. */
const notText = (bytes: Uint8Array): string | undefined => {
  for (const [what, signature] of SIGNATURES) {
    if (signature.every((byte, index) => bytes[index] === byte)) return `is ${what}, not a text file: ${TEXT_ONLY}`
  }
  if (bytes.includes(0)) return `is not a text file (it holds binary data): ${TEXT_ONLY}`
  return undefined
}

const decode = (bytes: Uint8Array): Result<string, string> => {
  const problem = notText(bytes)
  if (problem !== undefined) return fail(problem)
  try {
    // The byte order mark is kept, as Node's readFile(…, 'utf8') keeps it, so offsets count it too.
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes))
  } catch {
    return fail(`is not UTF-8 text: save it as UTF-8 and try again`)
  }
}

/** A finding in a document with pages: where it is on its page. */
interface PagedFinding extends Finding {
  readonly page?: number
  readonly box?: Box
  readonly boxes?: readonly Box[]
}

/** Reads a file that is not plain text (a PDF, an image, a Word file, an email) as ingestion would, and finds. */
/** The finder, with compromise's model: seconds to load, so only when this command runs. */
const loadFinder = async () => (await import('../documents/pii/find-personal-data.ts')).findPersonalData

const findInDocument = async (
  file: string,
  bytes: Uint8Array,
  context: CliContext,
): Promise<Result<PagedFinding[], string>> => {
  const config = await context.config()
  const ocr = config.ocr ? createTesseractOcr() : undefined
  const read = createDocumentReader({
    limits: { ...DEFAULT_READ_LIMITS, maxPages: config.maxPages, ocr: config.ocr },
    ...(ocr === undefined ? {} : { ocr }),
  })
  try {
    const reading = await read({ bytes, name: file, depth: 0 })
    if (!reading.ok) return fail(`${file}: ${reading.error.message}`)
    for (const note of reading.value.notes) context.err(oneLine(`${COMMAND}: ${file}: ${note}`))
    const findPersonalData = await loadFinder()
    return ok(
      findPersonalData(reading.value.text).map((finding): PagedFinding => {
        const page = pageOfOffset(reading.value, finding.start)
        if (page === undefined) return finding
        const start = finding.start - page.offset
        const end = Math.min(finding.end, page.offset + page.text.length) - page.offset
        const boxes = boxesForSpan(page, start, end)
        return {
          ...finding,
          start,
          end,
          page: page.number,
          ...(boxes[0] === undefined ? {} : { box: boxes[0] }),
          ...(boxes.length > 1 ? { boxes } : {}),
        }
      }),
    )
  } finally {
    await ocr?.close()
  }
}

const readInput = async (file: string, context: CliContext): Promise<Result<string, string>> => {
  if (file === '-') {
    // Standard input reaches the command already decoded: a PDF or binary shows as replacement characters or NULs.
    const text = await context.readStdin()
    const replaced = text.length === 0 ? 0 : (text.match(/\uFFFD/g)?.length ?? 0) / text.length
    const magic = notText(new TextEncoder().encode(text.slice(0, 8)))
    if (magic !== undefined || text.includes('\u0000') || replaced > 0.01) {
      return fail(`standard input ${magic ?? `is not UTF-8 text: ${TEXT_ONLY}`}`)
    }
    return ok(text)
  }
  let size: number
  try {
    const info = await stat(file)
    if (info.isDirectory()) return fail(`${file} is a folder: give a text file`)
    size = info.size
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return fail(`${file}: no such file`)
    if (code === 'EACCES') return fail(`${file}: permission denied`)
    throw error
  }
  if (size > MAX_BYTES)
    return fail(`${file} is too large (${Math.round(size / 2 ** 20)} MiB): ${TEXT_ONLY}, up to 256 MiB`)
  const text = decode(await readFile(file))
  return text.ok ? text : fail(`${file} ${text.error}`)
}

/** One line per finding: line breaks in an address are shown as " / ". */
const describeFindings = (findings: readonly Finding[]): string => {
  if (findings.length === 0) return 'No personal data found.'
  const rows = findings.map((finding) => [
    finding.type,
    String(finding.start),
    String(finding.end),
    finding.score.toFixed(2),
    finding.text.replace(/\s*[\r\n]+\s*/g, ' / '),
  ])
  const counts = new Map<PiiType, number>()
  for (const finding of findings) counts.set(finding.type, (counts.get(finding.type) ?? 0) + 1)
  const summary = PII_TYPES.filter((type) => counts.has(type))
    .map((type) => `${counts.get(type) ?? 0} ${type}`)
    .join(', ')
  const total = `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}: ${summary}`
  return [...columns([['type', 'start', 'end', 'score', 'text'], ...rows]), '', total].join('\n')
}

/**
 * The bytes of a file that is a document rather than plain text (a PDF, an image, an Office file, an email), or
 * undefined for text and for anything readInput should explain (no such file, a folder, too large).
 */
const documentBytes = async (file: string): Promise<Uint8Array | undefined> => {
  try {
    const info = await stat(file)
    if (!info.isFile() || info.size > MAX_BYTES || info.size === 0) return undefined
  } catch {
    return undefined
  }
  const bytes = await readFile(file)
  const identity = identifyFile({ bytes, name: file, depth: 0 })
  return identity.ok && identity.value.kind !== 'text' && identity.value.kind !== 'csv' ? bytes : undefined
}

const options = { json: { type: 'boolean' } } as const

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(PII_HELP)
    return EXIT_OK
  }
  const parsed = readCommandLine(COMMAND, () =>
    parseArgs({ args: [...args], options, strict: true, allowPositionals: true, tokens: true }),
  )
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  const { values, positionals } = parsed.value
  const [file = '-', extra] = positionals
  if (extra !== undefined) return usageError(context, COMMAND, `unexpected argument “${extra}”: give one file`)
  let findings: PagedFinding[]
  const document = file === '-' ? undefined : await documentBytes(file)
  if (document !== undefined) {
    const found = await findInDocument(file, document, context)
    if (!found.ok) return usageError(context, COMMAND, found.error)
    findings = found.value
  } else {
    const text = await readInput(file, context)
    if (!text.ok) return usageError(context, COMMAND, text.error)
    findings = (await loadFinder())(text.value)
  }
  if (values.json === true) {
    printJson(
      context,
      findings.map(({ type, start, end, text: found, score, page, box, boxes }) => ({
        type,
        start,
        end,
        text: found,
        score,
        ...(page === undefined ? {} : { page }),
        ...(box === undefined ? {} : { box }),
        ...(boxes === undefined ? {} : { boxes }),
      })),
    )
  } else context.out(describeFindings(findings))
  return EXIT_OK
}

export const piiCommand: Command = {
  name: 'pii',
  summary: 'Find personal data in a text file: names, addresses, phone, NHS and NI numbers…',
  run,
}
