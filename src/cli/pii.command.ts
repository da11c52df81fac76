import { readFile, stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { PII_TYPES, type Finding, type PiiType } from '../documents/pii/finding.ts'
import { findPersonalData } from '../documents/pii/find-personal-data.ts'
import { fail, ok, type Result } from '../domain/result.ts'
import {
  columns,
  EXIT_OK,
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

Only text files (UTF-8) are read for now: not PDFs, images, Word or Excel files, or emails.

Options:
  --json        print an array of {type, start, end, text, score}; start and end count UTF-16 code units into
                the input, as JavaScript strings do
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

const TEXT_ONLY = 'only text files are read for now'

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
    return fail(`is not UTF-8 text: only UTF-8 text files are read for now`)
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
  const text = await readInput(file, context)
  if (!text.ok) return usageError(context, COMMAND, text.error)
  const findings = findPersonalData(text.value)
  if (values.json === true) {
    printJson(
      context,
      findings.map(({ type, start, end, text: found, score }) => ({ type, start, end, text: found, score })),
    )
  } else context.out(describeFindings(findings))
  return EXIT_OK
}

export const piiCommand: Command = {
  name: 'pii',
  summary: 'Find personal data in a text file: names, addresses, phone, NHS and NI numbers…',
  run,
}
