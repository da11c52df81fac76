import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { commandLineActor } from '../services/actor.ts'
import {
  columns,
  EXIT_OK,
  printJson,
  readCommandLine,
  seeHelp,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'
import { chooseOrganisation, reportServiceError } from './installation.ts'

const COMMAND = 'disclose directory'

export const DIRECTORY_HELP = `Usage: disclose directory import FILE.csv [--org SLUG]
       disclose directory list [--org SLUG] [--json]

The organisation's staff directory: the people whose names are looked for in documents as personal data, and the
people whose names are released (senior officials, press officers), which are never reported.

  import FILE.csv   replaces the directory with the file's rows. The first row names the columns:
                    name, email, job title, released (yes or no). Only name is needed.
  list              the people in the directory

Options:
  --org SLUG    the organisation, when there are several
  --json        (list) print JSON
  --help, -h    show this help

Example file:
  name,email,job title,released
  Sam Officer,sam.officer@example.gov.uk,Information Access Officer,no
  Jo Director,jo.director@example.gov.uk,Chief Executive,yes`

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(DIRECTORY_HELP)
    return EXIT_OK
  }
  const parsed = readCommandLine(COMMAND, () =>
    parseArgs({
      args: [...args],
      options: { org: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  const { values, positionals } = parsed.value
  const [action, file, extra] = positionals
  if (action !== 'import' && action !== 'list') {
    return usageError(context, COMMAND, `say import FILE.csv or list ${seeHelp(COMMAND)}`)
  }
  if (extra !== undefined || (action === 'list' && file !== undefined)) {
    return usageError(context, COMMAND, `unexpected argument “${extra ?? file ?? ''}”`)
  }
  if (action === 'import' && file === undefined) return usageError(context, COMMAND, 'give the CSV file to import')
  let csv = ''
  if (file !== undefined) {
    try {
      csv = await readFile(file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return usageError(
        context,
        COMMAND,
        `${file}: ${code === 'ENOENT' ? 'there is no such file' : 'it cannot be read'}`,
      )
    }
  }
  const dependencies = await context.dependencies()
  const organisation = await chooseOrganisation(dependencies, values.org)
  if (!organisation.ok) return usageError(context, COMMAND, organisation.error)
  const actor = commandLineActor(organisation.value.id)
  if (action === 'import') {
    const imported = await dependencies.documents.importDirectory(actor, csv)
    if (!imported.ok) return reportServiceError(context, COMMAND, imported.error, file)
    context.out(`The staff directory of ${organisation.value.name} now has ${imported.value.people} people.`)
    return EXIT_OK
  }
  const listed = await dependencies.documents.listDirectory(actor)
  if (!listed.ok) return reportServiceError(context, COMMAND, listed.error)
  if (values.json === true) printJson(context, listed.value)
  else if (listed.value.length === 0) context.out('The staff directory is empty.')
  else {
    context.out(
      columns([
        ['name', 'email', 'job title', 'released'],
        ...listed.value.map((person) => [
          person.name,
          person.email ?? '',
          person.jobTitle ?? '',
          person.released ? 'yes' : 'no',
        ]),
      ]).join('\n'),
    )
  }
  return EXIT_OK
}

export const directoryCommand: Command = {
  name: 'directory',
  summary: 'The staff directory: names to find in documents, and names that are released',
  run,
}
