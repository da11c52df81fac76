import { readFile } from 'node:fs/promises'
import { dayNumberOfIso, formatLongDate, type IsoDate } from '../domain/calendar/calendar-date.ts'
import type { Organisation } from '../domain/case/organisation.ts'
import { fail, ok, type Result } from '../domain/result.ts'
import type { Dependencies } from '../dependencies.ts'
import type { InstallationDependencies } from '../services/cases/import-case-file.ts'
import type { ServiceError } from '../services/service-error.ts'
import { EXIT_FAILURE, EXIT_USAGE, oneLine, type CliContext, type ExitCode } from './command-line.ts'

/** Helpers the commands that work on an installation's data share: organisations, files, service errors. */

/** "Tuesday 29 October 2024" */
export const longDate = (date: IsoDate): string => formatLongDate(dayNumberOfIso(date))

/** What the services that set up an installation need, from the built dependencies. */
export const installationOf = (dependencies: Dependencies): InstallationDependencies => ({
  store: dependencies.store,
  clock: dependencies.clock,
  calendar: () => dependencies.calendar.current(),
})

/**
 * The organisation a command works in: the one `--org` names, or, when it is left out, the only one there is.
 * The message says what to do when that is not enough.
 */
export const chooseOrganisation = async (
  dependencies: Dependencies,
  slug: string | undefined,
): Promise<Result<Organisation, string>> => {
  if (slug !== undefined) {
    const found = await dependencies.organisations.findBySlug(slug.trim().toLowerCase())
    return found === undefined
      ? fail(`--org ${slug}: there is no such organisation (disclose org list shows them)`)
      : ok(found)
  }
  const all = await dependencies.organisations.list()
  const [only] = all
  if (only !== undefined && all.length === 1) return ok(only)
  return fail(
    all.length === 0
      ? 'there is no organisation yet: add one with disclose org add, or load the demonstration with disclose demo'
      : `there are ${all.length} organisations: choose one with --org (${all.map((o) => o.slug).join(', ')})`,
  )
}

/** Why a file could not be read, in words. */
const READ_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission to read it was refused',
  EPERM: 'permission to read it was refused',
}

/** Reads a JSON file; the message names what is wrong with it. */
export const readJsonFile = async (file: string): Promise<Result<unknown, string>> => {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    return fail(`${file}: cannot read the file: ${READ_PROBLEMS[code] ?? (error as Error).message}`)
  }
  try {
    return ok(JSON.parse(text) as unknown)
  } catch (error) {
    return fail(`${file}: the file is not JSON (${error instanceof Error ? error.message : String(error)})`)
  }
}

/**
 * Prints why a service refused, one line a problem (`disclose case create: case.json: regime: Regime must be …`),
 * and returns the exit status: 2 for input a person can fix, 1 for a refusal of the workflow or a conflict.
 */
export const reportServiceError = (
  context: CliContext,
  command: string,
  error: ServiceError,
  subject?: string,
  /** What to call a field on the command line: `{referencePattern: '--reference-pattern'}`. */
  flags: Readonly<Record<string, string>> = {},
): ExitCode => {
  const prefix = subject === undefined ? `${command}: ` : `${command}: ${subject}: `
  switch (error.kind) {
    case 'invalid':
      for (const problem of error.problems.length === 0 ? [{ field: '', message: error.message }] : error.problems) {
        const field = flags[problem.field] ?? problem.field
        context.err(oneLine(`${prefix}${field === '' ? '' : `${field}: `}${problem.message}`))
      }
      return EXIT_USAGE
    case 'not-found':
    case 'forbidden':
      context.err(oneLine(`${prefix}${error.message}`))
      return EXIT_USAGE
    case 'conflict':
    case 'refused':
      context.err(oneLine(`${prefix}${error.message}`))
      return EXIT_FAILURE
  }
}
