import { parseArgs } from 'node:util'
import {
  EXIT_FAILURE,
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
import { openCaseSource } from './case-source.ts'
import { reportServiceError } from './installation.ts'

const COMMAND = 'disclose check'

export const CHECK_HELP = `Usage: disclose check --case REF|FILE.json [--json] [--org SLUG]

The refusal-notice check: what the law requires of the case's response and is missing (FOIA section 17, EIR
regulation 14, FOISA section 16) — each exemption named, why it applies, the public interest reasons for a
qualified one, the review procedure and the right to complain to the regulator, advice and assistance for a cost
refusal. Errors block approval; warnings do not. Each finding names the parts it concerns.

Options:
  --case REF|FILE.json   the case: its reference, or a file in the case's JSON form (disclose case export)
  --json                 print the findings as JSON
  --org SLUG             the organisation, when a reference is looked for in one of several
  --help, -h             show this help

Exit status: 0 no errors (warnings may remain), 1 errors found, 2 bad input.`

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(CHECK_HELP)
    return EXIT_OK
  }
  const parsed = readCommandLine(COMMAND, () =>
    parseArgs({
      args: [...args],
      options: { case: { type: 'string' }, json: { type: 'boolean' }, org: { type: 'string' } },
      strict: true,
      allowPositionals: false,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  const values = parsed.value.values
  if (values.case === undefined) return usageError(context, COMMAND, `--case is needed ${seeHelp(COMMAND)}`)
  const source = await openCaseSource(context, values.case, values.org)
  if (!source.ok) {
    return typeof source.error === 'string'
      ? usageError(context, COMMAND, source.error)
      : reportServiceError(context, COMMAND, source.error, values.case)
  }
  const { dependencies, actor, view } = source.value
  const checked = await dependencies.letters.checkCase(actor, view.case.reference)
  if (!checked.ok) return reportServiceError(context, COMMAND, checked.error, view.case.reference)
  const report = checked.value
  if (values.json === true) {
    printJson(context, { reference: view.case.reference, ...report })
  } else {
    context.out(
      report.findings.length === 0
        ? `${view.case.reference}: the response has everything the law requires of it.`
        : `${view.case.reference}: ${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}`,
    )
    for (const finding of report.findings) {
      const parts =
        finding.parts.length === 0 ? '' : ` [part${finding.parts.length === 1 ? '' : 's'} ${finding.parts.join(', ')}]`
      context.out(
        `  ${finding.severity === 'error' ? 'Error' : 'Warning'} (${finding.rule})${parts}: ${finding.message}`,
      )
    }
  }
  return report.passes ? EXIT_OK : EXIT_FAILURE
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'the refusal-notice check on a case’s response: what the law requires and is missing',
  run,
}
