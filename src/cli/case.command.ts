import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { dayNumberOfIso, isIsoDate, type IsoDate } from '../domain/calendar/calendar-date.ts'
import { CASE_KIND_NAMES, CASE_STATE_NAMES, CHANNEL_NAMES, LINK_KIND_NAMES, type Case } from '../domain/case/case.ts'
import { OUTCOME_NAMES } from '../domain/case/part.ts'
import { REQUESTER_TYPE_NAMES } from '../domain/case/requester.ts'
import { REGIME_ABBREVIATIONS, REGIME_NAMES } from '../domain/deadlines/regime.ts'
import { fail, ok, type Result } from '../domain/result.ts'
import type { Dependencies } from '../dependencies.ts'
import { commandLineActor } from '../services/actor.ts'
import { caseDocumentJsonSchema } from '../services/cases/case-document.ts'
import type { CaseView } from '../services/cases/case.service.ts'
import { importCaseFile } from '../services/cases/import-case-file.ts'
import { notFound, type ServiceError } from '../services/service-error.ts'
import { ROLE_NAMES } from '../domain/access/role.ts'
import {
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
import { describeDeadline } from './deadline.command.ts'
import { chooseOrganisation, installationOf, longDate, readJsonFile, reportServiceError } from './installation.ts'

const COMMAND = 'disclose case'

export const CASE_HELP = `Usage: disclose case create FILE.json [--org SLUG] [--json]
       disclose case show REF [--org SLUG] [--json]
       disclose case export REF [--org SLUG] [--out FILE]
       disclose case import FILE [--org SLUG] [--json]
       disclose case schema

Cases in their JSON form, which docs/case-json.md describes field by field (its JSON Schema: docs/case.schema.json).

Subcommands:
  create FILE.json   log a new request from its JSON form; prints its reference and when it is due. Only
                     receivedOn and requestText are needed; a reference is made unless the file gives one.
  show REF           the case: its state, dates, parts and outcomes, and how its deadline was worked out. With
                     --json, the case's JSON form with its deadline added.
  export REF         the case's JSON form, with everything needed to rebuild it elsewhere (to FILE with --out)
  import FILE        a case exported here or on another installation, kept as it was: reference, state, parts and
                     dates. An organisation or an assigned officer this installation lacks is added from the export
                     (the officer without a password); nothing is written if the case cannot be imported.
  schema             print the JSON Schema of the case's JSON form

Options:
  --org SLUG         the organisation (default: the one the file names, or the only one)
  --out FILE         write the export to FILE instead of standard output
  --json             print the result as JSON
  --help, -h         show this help`

type ExportedCase = Record<string, unknown>

/** The case's JSON form, as export writes it, with its deadline worked out now: what `show --json` prints. */
const caseJson = async (
  dependencies: Dependencies,
  view: CaseView,
): Promise<Result<ExportedCase & { deadline: unknown }, ServiceError>> => {
  const exported = await dependencies.cases.exportCase(commandLineActor(view.organisation.id), view.case.reference)
  if (!exported.ok) return exported
  return ok({
    ...exported.value,
    deadline: view.deadline,
    ...(view.clockProblems.length === 0 ? {} : { clockProblems: view.clockProblems }),
  })
}

/**
 * Finds a case by its reference: in the organisation `--org` names, or else in whichever organisation has it
 * (references are unique across the installation).
 */
export const findCase = async (
  dependencies: Dependencies,
  reference: string,
  slug: string | undefined,
): Promise<Result<CaseView, ServiceError | string>> => {
  if (slug !== undefined) {
    const organisation = await chooseOrganisation(dependencies, slug)
    if (!organisation.ok) return organisation
    return dependencies.cases.getCase(commandLineActor(organisation.value.id), reference)
  }
  let refusal: ServiceError = notFound(`There is no case ${reference.trim().toUpperCase()}`)
  for (const organisation of await dependencies.organisations.list()) {
    const found = await dependencies.cases.getCase(commandLineActor(organisation.id), reference)
    if (found.ok) return found
    refusal = found.error
  }
  return fail(refusal)
}

/** What a due date and a response date say together: "on time", or how late. */
const timeliness = (subject: Case, due: IsoDate | null): string => {
  if (subject.respondedOn === null || due === null) return ''
  const late = dayNumberOfIso(subject.respondedOn) - dayNumberOfIso(due)
  return late <= 0 ? ' (on time)' : ` (${late} day${late === 1 ? '' : 's'} after it was due)`
}

const indent = (text: string, by = '  '): string[] => text.split('\n').map((line) => `${by}${line}`.trimEnd())

/** The case as a person reads it: who, what, when, how each part was answered, and why it is due when it is. */
export const describeCase = (view: CaseView, officer: string | null): string[] => {
  const { case: subject, deadline, requester, organisation } = view
  const lines = [
    `${subject.reference}: ${CASE_KIND_NAMES[subject.kind]} under ${REGIME_ABBREVIATIONS[subject.regime]} (${REGIME_NAMES[subject.regime]})`,
    `Organisation: ${organisation.name} (${organisation.slug})`,
    `State: ${CASE_STATE_NAMES[subject.state]}`,
    `Received: ${longDate(subject.receivedOn)}, by ${CHANNEL_NAMES[subject.channel].toLowerCase()}`,
  ]
  if (requester !== null) {
    const contact = [requester.email, requester.postalAddress].filter((part) => part !== null).join('; ')
    lines.push(
      `Requester: ${requester.name}${contact === '' ? '' : ` (${contact})`}, ${REQUESTER_TYPE_NAMES[requester.type].toLowerCase()}`,
    )
  }
  lines.push(`Assigned to: ${officer ?? 'nobody'}${subject.team === null ? '' : `, ${subject.team}`}`)
  if (subject.respondedOn !== null) {
    lines.push(`Responded: ${longDate(subject.respondedOn)}${timeliness(subject, deadline?.due ?? null)}`)
  }
  if (subject.closedOn !== null) lines.push(`Closed: ${longDate(subject.closedOn)}`)
  lines.push('')
  if (deadline === null) {
    lines.push(
      view.clockProblems.length > 0
        ? `The deadline cannot be worked out: ${view.clockProblems.map((problem) => problem.message).join('; ')}`
        : 'No deadline here: a complaint to the regulator runs on the regulator’s time limits.',
    )
  } else lines.push(...describeDeadline(deadline))
  lines.push('', 'Request:', ...indent(subject.requestText))
  lines.push('', subject.parts.length === 0 ? 'Parts: none yet' : 'Parts:')
  for (const part of subject.parts) {
    lines.push(`  ${part.position}. ${part.question}`)
    const outcome = part.outcome === null ? 'Not decided yet' : OUTCOME_NAMES[part.outcome]
    const grounds = [
      ...(part.exemptionIds.length === 0 ? [] : [`exemptions ${part.exemptionIds.join(', ')}`]),
      ...(part.disclosureLogReference === null ? [] : [`disclosure log ${part.disclosureLogReference}`]),
      ...(part.transferredTo === null ? [] : [`to ${part.transferredTo}`]),
    ]
    lines.push(`     ${outcome}${grounds.length === 0 ? '' : `: ${grounds.join('; ')}`}`)
    for (const link of part.publishedLinks) {
      lines.push(
        `     ${link.publishedOn !== null && isIsoDate(link.publishedOn) ? `${longDate(link.publishedOn)}: ` : ''}${link.title} <${link.url}>`,
      )
    }
    if (part.explanation !== '') lines.push(...indent(part.explanation, '     '))
  }
  if (subject.links.length > 0) {
    lines.push('', 'Links:')
    for (const link of subject.links) {
      lines.push(`  ${LINK_KIND_NAMES[link.kind]} ${link.reference}${link.note === '' ? '' : `: ${link.note}`}`)
    }
  }
  return lines
}

const describeDue = (view: CaseView): string => {
  const reference = view.case.reference
  if (view.deadline === null) return `${reference} has no deadline here: the regulator sets its own time limits.`
  if (view.deadline.due !== null) return `${reference} is due on ${longDate(view.deadline.due)}`
  return view.deadline.status === 'awaiting-fee'
    ? `${reference} is waiting for the fee: its clock is stopped`
    : `${reference} is waiting for clarification: its clock is stopped`
}

const reportNotFound = (context: CliContext, command: string, error: ServiceError | string): ExitCode =>
  typeof error === 'string' ? usageError(context, command, error) : reportServiceError(context, command, error)

const createCase = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} create`
  const parsed = readCommandLine(command, () =>
    parseArgs({
      args: [...args],
      options: { org: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const [file, extra] = parsed.value.positionals
  if (file === undefined) return usageError(context, command, `missing FILE.json ${seeHelp(command)}`)
  if (extra !== undefined) return usageError(context, command, `unexpected argument “${extra}”: one file at a time`)
  const read = await readJsonFile(file)
  if (!read.ok) return usageError(context, command, `${read.error}; nothing was written`)
  const named = (read.value as { organisation?: { slug?: unknown } } | null)?.organisation?.slug

  const dependencies = await context.dependencies()
  let slug = parsed.value.values.org
  if (slug === undefined && typeof named === 'string') {
    if ((await dependencies.organisations.findBySlug(named)) === undefined) {
      return usageError(
        context,
        command,
        `${file}: the case names the organisation ${named}, which is not here: add it (disclose org add) or choose another with --org; nothing was written`,
      )
    }
    slug = named
  }
  const organisation = await chooseOrganisation(dependencies, slug)
  if (!organisation.ok) return usageError(context, command, organisation.error)
  const logged = await dependencies.cases.logRequest(commandLineActor(organisation.value.id), read.value)
  if (!logged.ok) return reportServiceError(context, command, logged.error, file)
  if (parsed.value.values.json === true) {
    const json = await caseJson(dependencies, logged.value)
    if (!json.ok) return reportServiceError(context, command, json.error)
    printJson(context, json.value)
  } else context.out(describeDue(logged.value))
  return EXIT_OK
}

const referenceCommandLine = (command: string, args: readonly string[], withOut: boolean) =>
  readCommandLine(command, () =>
    parseArgs({
      args: [...args],
      options: {
        org: { type: 'string' },
        json: { type: 'boolean' },
        ...(withOut ? { out: { type: 'string' as const } } : {}),
      },
      strict: true,
      allowPositionals: true,
      tokens: true,
    }),
  )

const showCase = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} show`
  const parsed = referenceCommandLine(command, args, false)
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const [reference, extra] = parsed.value.positionals
  if (reference === undefined) return usageError(context, command, `missing REF ${seeHelp(command)}`)
  if (extra !== undefined) return usageError(context, command, `unexpected argument “${extra}”: one case at a time`)
  const dependencies = await context.dependencies()
  const found = await findCase(dependencies, reference, parsed.value.values.org)
  if (!found.ok) return reportNotFound(context, command, found.error)
  if (parsed.value.values.json === true) {
    const json = await caseJson(dependencies, found.value)
    if (!json.ok) return reportServiceError(context, command, json.error)
    printJson(context, json.value)
    return EXIT_OK
  }
  const officerId = found.value.case.assignedOfficerId
  let officer: string | null = null
  if (officerId !== null) {
    const user = await dependencies.users.findUser(commandLineActor(found.value.organisation.id), officerId)
    officer = user.ok
      ? `${user.value.displayName} <${user.value.email}> (${user.value.roles.map((r) => ROLE_NAMES[r]).join(', ')})`
      : officerId
  }
  context.out(describeCase(found.value, officer).join('\n'))
  return EXIT_OK
}

const exportCase = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} export`
  const parsed = referenceCommandLine(command, args, true)
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const [reference, extra] = parsed.value.positionals
  if (reference === undefined) return usageError(context, command, `missing REF ${seeHelp(command)}`)
  if (extra !== undefined) return usageError(context, command, `unexpected argument “${extra}”: one case at a time`)
  const values = parsed.value.values as { org?: string; out?: string }
  const dependencies = await context.dependencies()
  const found = await findCase(dependencies, reference, values.org)
  if (!found.ok) return reportNotFound(context, command, found.error)
  const exported = await dependencies.cases.exportCase(
    commandLineActor(found.value.organisation.id),
    found.value.case.reference,
  )
  if (!exported.ok) return reportServiceError(context, command, exported.error)
  const text = `${JSON.stringify(exported.value, null, 2)}\n`
  if (values.out === undefined) {
    context.out(text.trimEnd())
    return EXIT_OK
  }
  try {
    await writeFile(values.out, text, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission to write it was refused'
            : (error as Error).message
    return usageError(context, command, `--out ${values.out}: cannot write the file: ${why}`)
  }
  context.out(`Exported ${found.value.case.reference} to ${values.out}.`)
  return EXIT_OK
}

const importCase = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} import`
  const parsed = readCommandLine(command, () =>
    parseArgs({
      args: [...args],
      options: { org: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const [file, extra] = parsed.value.positionals
  if (file === undefined) return usageError(context, command, `missing FILE ${seeHelp(command)}`)
  if (extra !== undefined) return usageError(context, command, `unexpected argument “${extra}”: one file at a time`)
  const read = await readJsonFile(file)
  if (!read.ok) return usageError(context, command, `${read.error}; nothing was imported`)

  const dependencies = await context.dependencies()
  const slug = parsed.value.values.org
  const imported = await importCaseFile(
    installationOf(dependencies),
    read.value,
    slug === undefined ? {} : { organisationSlug: slug.trim().toLowerCase() },
  )
  if (!imported.ok) return reportServiceError(context, command, imported.error, file)
  const { view, organisationAdded, officerAdded } = imported.value
  if (parsed.value.values.json === true) {
    const json = await caseJson(dependencies, view)
    if (!json.ok) return reportServiceError(context, command, json.error)
    printJson(context, json.value)
    return EXIT_OK
  }
  const lines: string[] = []
  if (organisationAdded !== null) {
    lines.push(`Added the organisation ${organisationAdded.name} (${organisationAdded.slug}) from the export.`)
  }
  if (officerAdded !== null) {
    lines.push(
      `Added the user ${officerAdded.email} from the export, without a password: they cannot sign in until an administrator sets one.`,
    )
  }
  lines.push(
    `Imported ${view.case.reference} into ${view.organisation.name}: ${CASE_STATE_NAMES[view.case.state].toLowerCase()}${
      view.deadline === null || view.deadline.due === null ? '' : `, due on ${longDate(view.deadline.due)}`
    }.`,
  )
  context.out(lines.join('\n'))
  return EXIT_OK
}

/** The JSON Schema as `disclose case schema` prints it, and as docs/case.schema.json holds it. */
export const caseSchemaText = (): string => `${JSON.stringify(caseDocumentJsonSchema(), null, 2)}\n`

const printSchema = (args: readonly string[], context: CliContext): ExitCode => {
  const command = `${COMMAND} schema`
  const [extra] = args
  if (extra !== undefined) return usageError(context, command, `unexpected argument “${extra}” ${seeHelp(COMMAND)}`)
  context.out(caseSchemaText().trimEnd())
  return EXIT_OK
}

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(CASE_HELP)
    return EXIT_OK
  }
  const [subcommand, ...rest] = args
  if (subcommand === undefined)
    return usageError(context, COMMAND, `say create, show, export, import or schema ${seeHelp(COMMAND)}`)
  switch (subcommand) {
    case 'create':
      return createCase(rest, context)
    case 'show':
      return showCase(rest, context)
    case 'export':
      return exportCase(rest, context)
    case 'import':
      return importCase(rest, context)
    case 'schema':
      return printSchema(rest, context)
    default:
      return usageError(
        context,
        COMMAND,
        `unknown subcommand “${subcommand}”: use create, show, export, import or schema`,
      )
  }
}

export const caseCommand: Command = {
  name: 'case',
  summary: 'Log a case from its JSON form, show it with its deadline, export it or import it; print its schema',
  run,
}
