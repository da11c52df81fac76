import { parseArgs } from 'node:util'
import { verifyAuditTrail } from '../services/audit/audit-trail.ts'
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
import { chooseOrganisation } from './installation.ts'

const COMMAND = 'disclose audit'

export const AUDIT_HELP = `Usage: disclose audit verify [--org SLUG] [--json]

Checks the audit trail: every change to a case, user or organisation is recorded as an event, and each event's
hash covers the one before it, so that an event edited, removed or put out of order breaks the chain from there on.

Exits 0 when every chain is intact, and 1 naming the first broken event of each organisation: its number in the
chain (seq), its id and what is wrong with it.

Options:
  --org SLUG    check one organisation's chain (default: every organisation's)
  --json        print the reports as JSON: [{organisation, events, broken: {seq, id, reason} | null}]
  --help, -h    show this help`

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

const verify = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} verify`
  const parsed = readCommandLine(command, () =>
    parseArgs({
      args: [...args],
      options: { org: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const dependencies = await context.dependencies()
  let organisationId: string | undefined
  if (parsed.value.values.org !== undefined) {
    const organisation = await chooseOrganisation(dependencies, parsed.value.values.org)
    if (!organisation.ok) return usageError(context, command, organisation.error)
    organisationId = organisation.value.id
  }
  const reports = await verifyAuditTrail(dependencies.store, organisationId)
  const slugs = new Map((await dependencies.organisations.list()).map((o) => [o.id, o.slug]))
  const named = reports.map((report) => ({
    organisation: slugs.get(report.organisationId) ?? report.organisationId,
    events: report.events,
    broken: report.broken,
  }))
  const broken = named.filter((report) => report.broken !== null)

  if (parsed.value.values.json === true) printJson(context, named)
  else if (broken.length === 0) {
    const total = named.reduce((sum, report) => sum + report.events, 0)
    const lines = [`The audit trail is intact: ${plural(total, 'event')}`]
    if (named.length > 1)
      lines.push(...named.map((report) => `  ${report.organisation}: ${plural(report.events, 'event')}`))
    context.out(lines.join('\n'))
  } else {
    for (const report of broken) {
      const at = report.broken
      if (at === null) continue
      context.err(
        oneLine(
          `${command}: the audit trail of ${report.organisation} is broken at event ${at.seq} (id ${at.id || 'unknown'}): ${at.reason}`,
        ),
      )
    }
  }
  return broken.length === 0 ? EXIT_OK : EXIT_FAILURE
}

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(AUDIT_HELP)
    return EXIT_OK
  }
  const [subcommand, ...rest] = args
  if (subcommand !== 'verify') {
    return usageError(
      context,
      COMMAND,
      subcommand === undefined ? `say verify ${seeHelp(COMMAND)}` : `unknown subcommand “${subcommand}”: use verify`,
    )
  }
  return verify(rest, context)
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Check that nobody has edited, removed or reordered an event in the audit trail',
  run,
}
