import { parseArgs } from 'node:util'
import { exemptionsFor } from '../domain/exemptions/catalogue.ts'
import {
  EXEMPTION_REGIMES,
  type Exemption,
  type ExemptionRegime,
  type ExemptionTest,
} from '../domain/exemptions/exemption.ts'
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

const COMMAND = 'disclose exemptions'

export const EXEMPTIONS_HELP = `Usage: disclose exemptions [--regime foia|eir|foisa] [--json]

Lists the exemptions, exceptions and refusal grounds a decision can cite, with each one’s id, citation,
heading, whether it is absolute or qualified, and its test.

Options:
  --regime foia|eir|foisa  only this law’s: the Freedom of Information Act 2000, the Environmental
                           Information Regulations 2004, or the Freedom of Information (Scotland) Act 2002
                           (default: all three)
  --json                   print the entries as a JSON array, with their statutory words, routes and
                           public interest factors
  --help, -h               show this help

Absolute means no public interest test applies; the cost limit and vexatious or repeated requests are shown
as absolute for that reason. An asterisk marks an entry with more to its status, such as section 36, which is
absolute for the Houses of Parliament only: --json gives it (statusExceptions).

Example:
  disclose exemptions --regime eir`

const REGIME_NAMES: Readonly<Record<ExemptionRegime, string>> = {
  foia: 'Freedom of Information Act 2000 (FOIA)',
  eir: 'Environmental Information Regulations 2004 (EIR)',
  foisa: 'Freedom of Information (Scotland) Act 2002 (FOISA)',
}

const TEST_WORDS: Readonly<Record<ExemptionTest, string>> = {
  class: 'class',
  prejudice: 'prejudice',
  'required-for': 'required for',
  none: 'none',
}

/** Reads --regime as the other commands read theirs: case and surrounding spaces do not matter. */
export const readExemptionRegime = (text: string): Result<ExemptionRegime, string> => {
  const wanted = text.trim().toLowerCase()
  const regime = EXEMPTION_REGIMES.find((candidate) => candidate === wanted)
  return regime !== undefined
    ? ok(regime)
    : fail(`Regime must be one of ${EXEMPTION_REGIMES.join(', ')}, not “${text}”`)
}

/** "qualified*" where there is more to say about the status, such as the cases where the entry is absolute. */
const statusOf = (exemption: Exemption): string =>
  `${exemption.status}${exemption.statusExceptions === undefined ? '' : '*'}`

/** One regime's table: a title line, then a row an entry. */
export const describeRegime = (regime: ExemptionRegime, entries: readonly Exemption[]): string[] => [
  `${REGIME_NAMES[regime]}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`,
  '',
  ...columns([
    ['Id', 'Citation', 'Heading', 'Status', 'Test'],
    ...entries.map((exemption) => [
      exemption.id,
      exemption.citation,
      exemption.heading,
      statusOf(exemption),
      TEST_WORDS[exemption.test],
    ]),
  ]),
]

const options = {
  regime: { type: 'string' },
  json: { type: 'boolean' },
} as const

const list = (args: readonly string[], context: CliContext): ExitCode => {
  if (wantsHelp(args)) {
    context.out(EXEMPTIONS_HELP)
    return EXIT_OK
  }
  const parsed = readCommandLine(COMMAND, () =>
    parseArgs({ args: [...args], options, strict: true, allowPositionals: false, tokens: true }),
  )
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  const { values } = parsed.value
  let regimes: readonly ExemptionRegime[] = EXEMPTION_REGIMES
  if (values.regime !== undefined) {
    const regime = readExemptionRegime(values.regime)
    if (!regime.ok) return usageError(context, COMMAND, `--regime ${values.regime}: ${regime.error}`)
    regimes = [regime.value]
  }

  if (values.json === true) {
    printJson(
      context,
      regimes.flatMap((regime) => exemptionsFor(regime)),
    )
    return EXIT_OK
  }
  const lines = regimes.flatMap((regime, index) => [
    ...(index === 0 ? [] : ['']),
    ...describeRegime(regime, exemptionsFor(regime)),
  ])
  lines.push('', '* there is more to its status, such as cases where it is absolute: see statusExceptions in --json')
  context.out(lines.join('\n'))
  return EXIT_OK
}

/** The catalogue is data in the domain: it needs no database, calendar or configuration, so it always answers. */
const run = (args: readonly string[], context: CliContext): Promise<ExitCode> => Promise.resolve(list(args, context))

export const exemptionsCommand: Command = {
  name: 'exemptions',
  summary: 'List the exemptions, exceptions and refusal grounds, with their status and test',
  run,
}
