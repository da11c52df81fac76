import { writeFile, rename, rm } from 'node:fs/promises'
import { dirname, join, basename } from 'node:path'
import { parseArgs } from 'node:util'
import { readLabelledDate } from '../domain/deadlines/clock-request.ts'
import { LETTER_KINDS, type LetterKind } from '../domain/letters/letter-document.ts'
import type { LetterFormat, LetterOptions } from '../services/letters/letter.service.ts'
import { openCaseSource } from './case-source.ts'
import {
  EXIT_OK,
  readCommandLine,
  seeHelp,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'
import { reportServiceError } from './installation.ts'

const COMMAND = 'disclose letter'
const FORMATS: readonly LetterFormat[] = ['html', 'pdf', 'docx']
const REVIEW_OUTCOMES = ['upheld', 'partly-upheld', 'overturned'] as const

/** "a, b or c" */
const oneOfWords = (values: readonly string[]): string => `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`

export const LETTER_HELP = `Usage: disclose letter --case REF|FILE.json --kind KIND --format html|pdf|docx --out PATH
                      [--date YYYY-MM-DD] [--note TEXT] [--fee POUNDS] [--review-outcome OUTCOME] [--org SLUG]

Writes a letter for a case, composed from what was recorded on it (or the officer's edit of it, if there is one):
the request quoted, each part's answer, a section for each exemption with the statute's words and the public
interest test, the date by which a review must be asked for, and the route to the regulator.

Options:
  --case REF|FILE.json   the case: its reference, or a file in the case's JSON form (disclose case export)
  --kind KIND            ${oneOfWords(LETTER_KINDS)}
  --format FORMAT        html (to preview), pdf (accessible, tagged) or docx (to edit in Word)
  --out PATH             where to write it; an existing file is replaced only once the new one is complete
  --date YYYY-MM-DD      the letter's date (default: the response's date, or today)
  --note TEXT            what to add: the question for a clarification, how a fee was worked out
  --fee POUNDS           the fee, for a fees notice
  --review-outcome OUTCOME  upheld, partly-upheld or overturned, for a review letter
  --org SLUG             the organisation, when a reference is looked for in one of several
  --help, -h             show this help

Exit status: 0 written, 1 the letter could not be made for the case as it is, 2 bad input.`

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value)

/** Writes to a temporary file beside the target, then moves it into place: never half a letter at PATH. */
const writeWhole = async (path: string, bytes: Buffer): Promise<void> => {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`)
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(LETTER_HELP)
    return EXIT_OK
  }
  const parsed = readCommandLine(COMMAND, () =>
    parseArgs({
      args: [...args],
      options: {
        case: { type: 'string' },
        kind: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        date: { type: 'string' },
        note: { type: 'string' },
        fee: { type: 'string' },
        'review-outcome': { type: 'string' },
        org: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  const values = parsed.value.values
  if (values.case === undefined) return usageError(context, COMMAND, `--case is needed ${seeHelp(COMMAND)}`)
  if (values.kind === undefined || !isOneOf(LETTER_KINDS, values.kind)) {
    return usageError(context, COMMAND, `--kind must be one of ${oneOfWords(LETTER_KINDS)}`)
  }
  const kind: LetterKind = values.kind
  if (values.format === undefined || !isOneOf(FORMATS, values.format)) {
    return usageError(context, COMMAND, `--format must be html, pdf or docx`)
  }
  const format: LetterFormat = values.format
  if (values.out === undefined || values.out.trim() === '') {
    return usageError(context, COMMAND, `--out PATH is needed: where to write the letter`)
  }
  let options: LetterOptions = {}
  if (values.date !== undefined) {
    const date = readLabelledDate('--date', values.date)
    if (!date.ok) return usageError(context, COMMAND, date.error)
    options = { ...options, date: date.value }
  }
  if (values.note !== undefined) options = { ...options, note: values.note }
  if (values.fee !== undefined) {
    const fee = Number(values.fee.replace(/^£/, ''))
    if (!Number.isFinite(fee) || fee <= 0) {
      return usageError(context, COMMAND, `--fee ${values.fee}: give the fee in pounds, such as 25 or 12.50`)
    }
    options = { ...options, feePounds: fee }
  }
  const outcome = values['review-outcome']
  if (outcome !== undefined) {
    if (!isOneOf(REVIEW_OUTCOMES, outcome)) {
      return usageError(context, COMMAND, `--review-outcome must be upheld, partly-upheld or overturned`)
    }
    options = { ...options, reviewOutcome: outcome }
  }

  const source = await openCaseSource(context, values.case, values.org)
  if (!source.ok) {
    return typeof source.error === 'string'
      ? usageError(context, COMMAND, source.error)
      : reportServiceError(context, COMMAND, source.error, values.case)
  }
  const { dependencies, actor, view } = source.value
  const rendered = await dependencies.letters.renderLetter(actor, view.case.reference, kind, format, options)
  if (!rendered.ok) return reportServiceError(context, COMMAND, rendered.error, view.case.reference)
  try {
    await writeWhole(values.out, rendered.value.bytes)
  } catch (error) {
    return usageError(
      context,
      COMMAND,
      `--out ${values.out}: cannot write the letter there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    )
  }
  context.err(`Wrote the ${kind} letter for ${view.case.reference} to ${values.out} (${format.toUpperCase()}).`)
  return EXIT_OK
}

export const letterCommand: Command = {
  name: 'letter',
  summary: 'write a letter for a case: acknowledgement, clarification, fees, extension, response, review',
  run,
}
