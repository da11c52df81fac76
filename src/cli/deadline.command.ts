import { parseArgs } from 'node:util'
import { dayNumberOfIso, formatLongDate, type IsoDate } from '../domain/calendar/calendar-date.ts'
import {
  readClockRequest,
  readLabelledDate,
  type ClockField,
  type ClockProblem,
  type RawClockRequest,
} from '../domain/deadlines/clock-request.ts'
import type { ClockKind, Deadline } from '../domain/deadlines/deadline.ts'
import { formatSkippedDay } from '../domain/deadlines/describe-day.ts'
import { REGIME_ABBREVIATIONS } from '../domain/deadlines/regime.ts'
import { computeResponseDeadline } from '../domain/deadlines/response-deadline.ts'
import { computeReviewDeadline, REVIEW_FROM_LABELS } from '../domain/deadlines/review-deadlines.ts'
import {
  EXIT_OK,
  listFlags,
  printJson,
  readCommandLine,
  readRegime,
  seeHelp,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'

const COMMAND = 'disclose deadline'

export const DEADLINE_HELP = `Usage: disclose deadline --regime REGIME --received YYYY-MM-DD [options]

Works out when a request must be answered, and shows every day the count passed over and why.

Options:
  --regime foia|eir|foisa|sar       the law the request is handled under (required)
  --received YYYY-MM-DD             the day the request was received (required); with --clock, the day that
                                    clock runs from
  --nation NATION                   the authority’s nation: england-and-wales (default), scotland or
                                    northern-ireland; its bank holidays move a subject access due date
  --extension eir|sar|pit:YYYY-MM-DD
                                    eir: 40 working days for complex and voluminous information (EIR reg 7);
                                    sar: two further months (UK GDPR Art 12(3)); pit: a FOIA public interest
                                    extension to the date given (s10(3))
  --clarification-requested YYYY-MM-DD
                                    the day clarification was asked for: the clock waits for it
  --clarified YYYY-MM-DD            the day clarification arrived: the count starts afresh
  --fee-notice YYYY-MM-DD           the day a fees notice was given: the clock stops
  --fee-paid YYYY-MM-DD             the day the fee arrived: the clock restarts
  --identity-verified YYYY-MM-DD    subject access: the day the requester’s identity was confirmed
  --time-for-compliance standard|school|archive|overseas
                                    FOIA’s longer times for schools, archives and information held overseas
  --school-closed FROM..TO          days a school was closed to pupils, both included (give it once a closure)
  --clock CLOCK                     response (default); review-window: the last day to ask for a review;
                                    review: when a review is due; regulator-window: the last day to apply to
                                    the Scottish Information Commissioner
  --responded YYYY-MM-DD            for review-window, the day of the response; for regulator-window, the day
                                    of the review’s outcome (instead of --received)
  --extended                        a FOIA review that is complex or voluminous: up to 40 working days
  --json                            print the deadline as one JSON object
  --help, -h                        show this help

Examples:
  disclose deadline --regime foia --received 2024-11-08
  disclose deadline --regime sar --received 2023-01-31 --extension sar --json
  disclose deadline --regime foia --received 2024-10-01 --fee-notice 2024-10-08 --fee-paid 2024-10-15
  disclose deadline --regime foisa --clock review --received 2025-07-01`

const options = {
  regime: { type: 'string' },
  received: { type: 'string' },
  nation: { type: 'string' },
  extension: { type: 'string' },
  'clarification-requested': { type: 'string' },
  clarified: { type: 'string' },
  'fee-notice': { type: 'string' },
  'fee-paid': { type: 'string' },
  'identity-verified': { type: 'string' },
  'time-for-compliance': { type: 'string' },
  'school-closed': { type: 'string', multiple: true },
  clock: { type: 'string' },
  responded: { type: 'string' },
  extended: { type: 'boolean' },
  json: { type: 'boolean' },
} as const

const parse = (args: readonly string[]) =>
  parseArgs({ args: [...args], options, strict: true, allowPositionals: false, tokens: true })

type Values = ReturnType<typeof parse>['values']

const CLOCKS: readonly ClockKind[] = ['response', 'review-window', 'review', 'regulator-window']

/** The flag that sets each field of a clock request. */
const FLAG_OF_FIELD: Readonly<Record<ClockField, keyof typeof options>> = {
  regime: 'regime',
  received: 'received',
  nation: 'nation',
  clarificationRequested: 'clarification-requested',
  clarified: 'clarified',
  feeNotice: 'fee-notice',
  feePaid: 'fee-paid',
  identityVerified: 'identity-verified',
  extension: 'extension',
  extendedTo: 'extension',
  timeForCompliance: 'time-for-compliance',
  schoolClosures: 'school-closed',
}

/** Flags that only the response clock reads. */
const RESPONSE_ONLY: readonly (keyof typeof options)[] = [
  'nation',
  'extension',
  'clarification-requested',
  'clarified',
  'fee-notice',
  'fee-paid',
  'identity-verified',
  'time-for-compliance',
  'school-closed',
]

/** "--received 2024-02-30: Date of receipt must be a real date (February 2024 has 29 days)" */
const describeProblem = (values: Values, problem: ClockProblem): string => {
  const flag = FLAG_OF_FIELD[problem.field]
  const value = values[flag]
  const shown = typeof value === 'string' ? ` ${value}` : ''
  return `--${flag}${shown}: ${problem.message}`
}

const toRawRequest = (values: Values): RawClockRequest | string => {
  const extension = values.extension?.trim()
  const pit = /^pit:(.*)$/i.exec(extension ?? '')
  const schoolClosures: { from: string; to: string }[] = []
  for (const range of values['school-closed'] ?? []) {
    const [from, to, ...rest] = range.split('..')
    if (from === undefined || to === undefined || rest.length > 0) {
      return `--school-closed ${range}: School closure must be given as FROM..TO, like 2024-12-23..2025-01-03`
    }
    schoolClosures.push({ from, to })
  }
  return {
    regime: values.regime,
    received: values.received,
    nation: values.nation,
    clarificationRequested: values['clarification-requested'],
    clarified: values.clarified,
    feeNotice: values['fee-notice'],
    feePaid: values['fee-paid'],
    identityVerified: values['identity-verified'],
    extension: pit === null ? extension : 'pit',
    extendedTo: pit === null ? undefined : pit[1],
    timeForCompliance: values['time-for-compliance'],
    schoolClosures,
  }
}

const long = (date: IsoDate): string => formatLongDate(dayNumberOfIso(date))

const dueLine = (deadline: Deadline): string => {
  if (deadline.due !== null) return `Due: ${long(deadline.due)}`
  switch (deadline.status) {
    case 'awaiting-clarification':
      return 'Due: none yet, the clock is stopped until the clarification arrives'
    case 'awaiting-fee':
      return 'Due: none yet, the clock is stopped until the fee arrives'
    case 'running':
      return 'Due: none yet'
  }
}

const CLOCK_NAMES: Readonly<Record<ClockKind, string>> = {
  response: 'response',
  'review-window': 'asking for a review',
  review: 'internal review',
  'regulator-window': 'applying to the Scottish Information Commissioner',
}

/** The deadline as a person reads it: the date first, then the reasoning. */
export const describeDeadline = (deadline: Deadline): string[] => {
  const lines: string[] = []
  lines.push(dueLine(deadline))
  lines.push(`Time limit: ${deadline.limit} (${REGIME_ABBREVIATIONS[deadline.regime]}, ${CLOCK_NAMES[deadline.clock]})`)
  if (deadline.countedFrom !== deadline.received) lines.push(`Counted from: ${long(deadline.countedFrom)}`)
  if (deadline.refusalNoticeDue !== undefined) {
    lines.push(`Refusal notice (s17) due: ${long(deadline.refusalNoticeDue)}`)
  }
  if (deadline.feeDueBy !== undefined) lines.push(`Fee to be paid by: ${long(deadline.feeDueBy)}`)
  lines.push('', 'How the date was worked out:', ...deadline.explanation.map((line) => `  ${line}`))
  lines.push('')
  if (deadline.skipped.length === 0) lines.push('No bank holidays or other days were passed over.')
  else {
    lines.push('Days passed over:', ...deadline.skipped.map((day) => `  ${formatSkippedDay(day)}`))
  }
  lines.push(`Weekend days passed over: ${deadline.weekendDays}`)
  if (deadline.warnings.length > 0) {
    lines.push('', 'Warnings:', ...deadline.warnings.map((warning) => `  ${warning}`))
  }
  return lines
}

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(DEADLINE_HELP)
    return EXIT_OK
  }
  const parsed = readCommandLine(COMMAND, () => parse(args), ['school-closed'])
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  const values = parsed.value.values

  const clock = (values.clock?.trim().toLowerCase() ?? 'response') as ClockKind
  if (!CLOCKS.includes(clock)) {
    return usageError(context, COMMAND, `--clock ${values.clock ?? ''}: Clock must be one of ${CLOCKS.join(', ')}`)
  }

  const from = clock === 'response' ? values.received : (values.responded ?? values.received)
  const missing = [
    ...(values.regime === undefined ? ['--regime'] : []),
    ...(from === undefined ? [clock === 'response' || clock === 'review' ? '--received' : '--responded'] : []),
  ]
  if (missing.length > 0) return usageError(context, COMMAND, `missing ${listFlags(missing)} ${seeHelp(COMMAND)}`)

  if (clock === 'response') {
    if (values.responded !== undefined) {
      return usageError(context, COMMAND, '--responded is for --clock review-window or regulator-window')
    }
    if (values.extended === true) return usageError(context, COMMAND, '--extended is for --clock review')
    const raw = toRawRequest(values)
    if (typeof raw === 'string') return usageError(context, COMMAND, raw)
    const request = readClockRequest(raw)
    if (!request.ok) return usageError(context, COMMAND, describeProblems(values, request.error))
    const { calendar } = await context.calendar()
    const deadline = computeResponseDeadline(calendar.current(), request.value)
    if (!deadline.ok) return usageError(context, COMMAND, describeProblems(values, deadline.error))
    return print(context, values, deadline.value)
  }

  const responseOnly = RESPONSE_ONLY.find((flag) => values[flag] !== undefined)
  if (responseOnly !== undefined) {
    return usageError(context, COMMAND, `--${responseOnly} is for the response clock, not --clock ${clock}`)
  }
  if (values.responded !== undefined && values.received !== undefined) {
    return usageError(context, COMMAND, 'give --received or --responded, not both')
  }
  if (values.responded !== undefined && clock === 'review') {
    return usageError(context, COMMAND, '--responded is for --clock review-window or regulator-window')
  }
  if (values.extended === true && clock !== 'review') {
    return usageError(context, COMMAND, '--extended is for --clock review')
  }
  const regime = readRegime(values.regime ?? '')
  if (!regime.ok) return usageError(context, COMMAND, `--regime ${values.regime ?? ''}: ${regime.error}`)
  const fromFlag = values.responded === undefined ? '--received' : '--responded'
  const date = readLabelledDate(REVIEW_FROM_LABELS[clock], from ?? '')
  if (!date.ok) return usageError(context, COMMAND, `${fromFlag} ${from ?? ''}: ${date.error}`)
  const { calendar } = await context.calendar()
  const deadline = computeReviewDeadline(calendar.current(), {
    regime: regime.value,
    clock,
    from: date.value,
    ...(values.extended === true ? { extended: true } : {}),
  })
  if (!deadline.ok) {
    const [first] = deadline.error
    const message = first === undefined ? 'the deadline cannot be worked out' : first.message
    return usageError(
      context,
      COMMAND,
      first?.field === 'received'
        ? `${fromFlag} ${from ?? ''}: ${message}`
        : `--regime ${values.regime ?? ''}: ${message}`,
    )
  }
  return print(context, values, deadline.value)
}

/** One line however many problems there are: the first, and how many more. */
const describeProblems = (values: Values, problems: readonly ClockProblem[]): string => {
  const [first] = problems
  if (first === undefined) return 'the deadline cannot be worked out'
  const more = problems.length - 1
  return `${describeProblem(values, first)}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`
}

const print = (context: CliContext, values: Values, deadline: Deadline): ExitCode => {
  if (values.json === true) printJson(context, deadline)
  else context.out(describeDeadline(deadline).join('\n'))
  return EXIT_OK
}

export const deadlineCommand: Command = {
  name: 'deadline',
  summary: 'Work out when a response or review is due, and which days the count passed over',
  run,
}
