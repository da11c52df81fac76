import { parseArgs } from 'node:util'
import { DIVISION_NAMES } from '../domain/calendar/division.ts'
import { DEFAULT_REFERENCE_PATTERN } from '../domain/case/case-reference.ts'
import type { Organisation } from '../domain/case/organisation.ts'
import { REGIME_ABBREVIATIONS, type Regime } from '../domain/deadlines/regime.ts'
import {
  columns,
  EXIT_OK,
  listFlags,
  printJson,
  readCommandLine,
  readNation,
  readRegime,
  seeHelp,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'
import { reportServiceError } from './installation.ts'

const COMMAND = 'disclose org'

export const ORG_HELP = `Usage: disclose org add --slug SLUG --name NAME --nation NATION [--regime REGIME]
                        [--reference-pattern PATTERN] [--json]
       disclose org list [--json]

The organisations (public authorities) this installation serves. Every case, requester and user belongs to one,
and nothing crosses between them.

Options for add:
  --slug SLUG                    a short name for the command line and addresses: lower-case letters, digits and
                                 hyphens, like north-shire-council (required)
  --name NAME                    the organisation's name, as letters show it (required)
  --nation NATION                england-and-wales, scotland or northern-ireland (required)
  --regime REGIME                the law most requests are handled under: foia, eir, foisa or sar (default foisa
                                 in Scotland, foia elsewhere)
  --reference-pattern PATTERN    how case references look: # a random digit, @ a random letter (default
                                 ${DEFAULT_REFERENCE_PATTERN})
  --json                         print the organisation as JSON
  --help, -h                     show this help`

const describeOrganisation = (organisation: Organisation): string =>
  `${organisation.name} (${organisation.slug}): ${DIVISION_NAMES[organisation.nation]}, ${
    REGIME_ABBREVIATIONS[organisation.defaultRegime]
  } by default, references like ${organisation.referencePattern}`

const addOrganisation = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} add`
  const parsed = readCommandLine(command, () =>
    parseArgs({
      args: [...args],
      options: {
        slug: { type: 'string' },
        name: { type: 'string' },
        nation: { type: 'string' },
        regime: { type: 'string' },
        'reference-pattern': { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const values = parsed.value.values
  const missing = (['slug', 'name', 'nation'] as const).filter((flag) => values[flag] === undefined)
  if (missing.length > 0) {
    return usageError(context, command, `missing ${listFlags(missing.map((flag) => `--${flag}`))} ${seeHelp(command)}`)
  }
  const nation = readNation(values.nation ?? '')
  if (!nation.ok) return usageError(context, command, `--nation ${values.nation ?? ''}: ${nation.error}`)
  let regime: Regime = nation.value === 'scotland' ? 'foisa' : 'foia'
  if (values.regime !== undefined) {
    const read = readRegime(values.regime)
    if (!read.ok) return usageError(context, command, `--regime ${values.regime}: ${read.error}`)
    regime = read.value
  }

  const { organisations } = await context.dependencies()
  const added = await organisations.addOrganisation({
    slug: values.slug,
    name: values.name,
    nation: nation.value,
    defaultRegime: regime,
    referencePattern: values['reference-pattern'] ?? DEFAULT_REFERENCE_PATTERN,
    govUkBranding: false,
    letters: {},
  })
  if (!added.ok) {
    return reportServiceError(context, command, added.error, undefined, {
      slug: '--slug',
      name: '--name',
      referencePattern: '--reference-pattern',
    })
  }
  if (values.json === true) printJson(context, added.value)
  else context.out(`Added ${describeOrganisation(added.value)}.`)
  return EXIT_OK
}

const listOrganisations = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} list`
  const parsed = readCommandLine(command, () =>
    parseArgs({ args: [...args], options: { json: { type: 'boolean' } }, strict: true, tokens: true }),
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const { organisations } = await context.dependencies()
  const all = await organisations.list()
  if (parsed.value.values.json === true) {
    printJson(context, all)
    return EXIT_OK
  }
  if (all.length === 0) {
    context.out('There are no organisations yet: add one with disclose org add, or run disclose demo.')
    return EXIT_OK
  }
  context.out(
    columns([
      ['Slug', 'Name', 'Nation', 'Regime', 'References'],
      ...all.map((organisation) => [
        organisation.slug,
        organisation.name,
        DIVISION_NAMES[organisation.nation],
        REGIME_ABBREVIATIONS[organisation.defaultRegime],
        organisation.referencePattern,
      ]),
    ]).join('\n'),
  )
  return EXIT_OK
}

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(ORG_HELP)
    return EXIT_OK
  }
  const [subcommand, ...rest] = args
  if (subcommand === undefined) return usageError(context, COMMAND, `say add or list ${seeHelp(COMMAND)}`)
  switch (subcommand) {
    case 'add':
      return addOrganisation(rest, context)
    case 'list':
      return listOrganisations(rest, context)
    default:
      return usageError(context, COMMAND, `unknown subcommand “${subcommand}”: use add or list`)
  }
}

export const orgCommand: Command = {
  name: 'org',
  summary: 'Add an organisation (a public authority), or list them',
  run,
}
