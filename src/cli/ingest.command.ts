import { createReadStream } from 'node:fs'
import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { IngestSummary, Job } from '../documents/document-records.ts'
import { PII_TYPES } from '../documents/pii/finding.ts'
import { fail, ok, type Result } from '../domain/result.ts'
import type { Upload } from '../services/documents/document.service.ts'
import type { IngestProgress } from '../services/documents/ingest-documents.ts'
import { findCase } from './case.command.ts'
import {
  EXIT_FAILURE,
  EXIT_OK,
  oneLine,
  printJson,
  readCommandLine,
  seeHelp,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'
import { commandLineActor } from '../services/actor.ts'
import { reportServiceError } from './installation.ts'

const COMMAND = 'disclose ingest'

export const INGEST_HELP = `Usage: disclose ingest PATH... --case REF [--custodian NAME] [--org SLUG] [--json]

Adds files to a case and reads them: PDFs (with the text's position on each page), scanned pages and images
(PNG, JPEG, TIFF) by OCR, Word (DOCX), Excel (XLSX) and CSV files with anything hidden in them reported, emails
(EML and Outlook MSG) with their attachments, ZIP archives, and text. Each document's personal data is found,
exact duplicates are marked, near-duplicates and email threads are grouped. A folder is read with everything in it.

A file that cannot be read (damaged, protected by a password, too large, an archive that would expand without
end) is recorded on the case with the reason, and the rest go on.

Options:
  --case REF        the case the documents belong to
  --custodian NAME  whose documents these are (the member of staff or the system they came from)
  --org SLUG        the organisation, when there are several
  --json            print the job's summary as JSON
  --help, -h        show this help

Environment:
  DISCLOSE_OCR=false      do not read scans and images by OCR (it takes seconds a page)
  DISCLOSE_MAX_UPLOAD_MB  the largest file accepted (default 512)
  DISCLOSE_MAX_PAGES      the most pages read from one document (default 5000)

Exit status: 0 every file read, 1 some could not be read (the summary says which and why), 2 bad input.`

/** Every file under the paths, in a stable order; folders are walked, links to folders are not followed. */
const filesUnder = async (paths: readonly string[]): Promise<Result<string[], string>> => {
  const found: string[] = []
  const walk = async (path: string, given: boolean): Promise<string | undefined> => {
    let info
    try {
      info = await lstat(path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return `${path}: ${code === 'ENOENT' ? 'there is no such file or folder' : code === 'EACCES' ? 'permission to read it was refused' : 'it cannot be read'}`
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).sort()
      for (const entry of entries) {
        const problem = await walk(join(path, entry), false)
        if (problem !== undefined) return problem
      }
      return undefined
    }
    if (info.isFile() || (given && info.isSymbolicLink())) found.push(path)
    return undefined
  }
  for (const path of paths) {
    const problem = await walk(path, true)
    if (problem !== undefined) return fail(problem)
  }
  return ok(found)
}

const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`

export const describeSummary = (reference: string, files: number, summary: IngestSummary): string => {
  const lines = [
    `Read ${plural(summary.documents, 'document')} (${plural(summary.pages, 'page')}) from ${plural(files, 'file')} into ${reference}.`,
    `Exact duplicates: ${summary.exactDuplicates.toLocaleString('en-GB')}`,
    `Near-duplicate groups: ${summary.nearDuplicateGroups.toLocaleString('en-GB')}`,
    `Email threads: ${summary.threads.toLocaleString('en-GB')}`,
  ]
  if (summary.hiddenContent > 0) {
    lines.push(`Hidden content in spreadsheets: ${plural(summary.hiddenContent, 'place')} (review before release)`)
  }
  const found = PII_TYPES.filter((type) => (summary.findingsByType[type] ?? 0) > 0)
  const total = found.reduce((sum, type) => sum + (summary.findingsByType[type] ?? 0), 0)
  lines.push(
    total === 0
      ? 'Personal data found: none'
      : `Personal data found: ${total.toLocaleString('en-GB')} (${found.map((type) => `${(summary.findingsByType[type] ?? 0).toLocaleString('en-GB')} ${type}`).join(', ')})`,
  )
  if (summary.failures.length > 0) {
    lines.push(`Could not read ${plural(summary.failures.length, 'file')}:`)
    for (const failure of summary.failures) lines.push(`  ${failure.name}: ${oneLine(failure.message)}`)
  }
  return lines.join('\n')
}

/** "[██████░░░░] 6/10 files  letter.pdf" */
const progressBar = (progress: IngestProgress): string => {
  const width = 24
  const filled = progress.total === 0 ? width : Math.round((progress.done / progress.total) * width)
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${progress.done}/${progress.total} files  ${progress.name}`
}

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(INGEST_HELP)
    return EXIT_OK
  }
  const parsed = readCommandLine(COMMAND, () =>
    parseArgs({
      args: [...args],
      options: {
        case: { type: 'string' },
        custodian: { type: 'string' },
        org: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  const { values, positionals } = parsed.value
  if (values.case === undefined || values.case.trim() === '') {
    return usageError(context, COMMAND, `--case REF is needed: the case the documents belong to ${seeHelp(COMMAND)}`)
  }
  if (positionals.length === 0)
    return usageError(context, COMMAND, `give the files or folders to add ${seeHelp(COMMAND)}`)
  const listed = await filesUnder(positionals)
  if (!listed.ok) return usageError(context, COMMAND, listed.error)
  if (listed.value.length === 0) return usageError(context, COMMAND, 'there are no files in the folders given')

  const dependencies = await context.dependencies()
  const found = await findCase(dependencies, values.case, values.org)
  if (!found.ok) {
    return typeof found.error === 'string'
      ? usageError(context, COMMAND, found.error)
      : reportServiceError(context, COMMAND, found.error, values.case)
  }
  const reference = found.value.case.reference
  const actor = commandLineActor(found.value.organisation.id)
  const uploads: Upload[] = listed.value.map((path) => ({
    name: path,
    content: createReadStream(path),
    source: 'disclose ingest',
    ...(values.custodian === undefined ? {} : { custodian: values.custodian }),
  }))
  const queued = await dependencies.documents.addDocuments(actor, reference, uploads)
  if (!queued.ok) return reportServiceError(context, COMMAND, queued.error, reference)

  const onProgress = (progress: IngestProgress) => {
    if (context.progress !== undefined) context.progress(progressBar(progress))
    else if (values.json !== true) context.err(`${progress.done}/${progress.total} ${progress.name}`)
  }
  const job: Job | undefined = await dependencies.jobs.runNow(queued.value.id, onProgress)
  context.progress?.('')
  if (job === undefined || job.summary === null) {
    context.err(`${COMMAND}: the job did not run; see the log (LOG_LEVEL=info) for why`)
    return EXIT_FAILURE
  }
  if (values.json === true) {
    printJson(context, { job: job.id, case: reference, state: job.state, files: job.total, ...job.summary })
  } else context.out(describeSummary(reference, job.total, job.summary))
  if (job.state === 'failed') {
    context.err(`${COMMAND}: ${job.error ?? 'the job stopped'}`)
    return EXIT_FAILURE
  }
  return job.summary.failures.length > 0 ? EXIT_FAILURE : EXIT_OK
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Add files to a case: read them, find personal data, group duplicates and threads',
  run,
}
