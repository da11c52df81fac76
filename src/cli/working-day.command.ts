import { parseArgs } from 'node:util'
import { dayNumberOfIso, formatShortDate, type IsoDate } from '../domain/calendar/calendar-date.ts'
import { DIVISION_NAMES, type Division } from '../domain/calendar/division.ts'
import { isWorkingDay } from '../domain/calendar/working-day-calendar.ts'
import { readLabelledDate } from '../domain/deadlines/clock-request.ts'
import { describeClosure } from '../domain/deadlines/describe-day.ts'
import { calendarScopeFor, REGIME_ABBREVIATIONS, WORKING_DAY_BASIS, type Regime } from '../domain/deadlines/regime.ts'
import {
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

const COMMAND = 'disclose working-day'

export const WORKING_DAY_HELP = `Usage: disclose working-day YYYY-MM-DD --regime REGIME [--nation NATION] [--json]

Says whether a day is a working day under a regime, and if not, why.

Options:
  --regime foia|eir|foisa|sar  the law the request is handled under (required). FOIA and the EIR close on a
                               bank holiday in any part of the UK, FOISA on Scotland’s, and subject access on
                               the authority’s nation’s
  --nation NATION              for subject access: england-and-wales (default), scotland or northern-ireland
  --json                       print {date, regime, workingDay, reasons} as one JSON object
  --help, -h                   show this help

Example:
  disclose working-day 2024-12-02 --regime foia`

/** Whether a day is a working day, and each reason it is not. */
export interface WorkingDayAnswer {
  readonly date: IsoDate
  readonly regime: Regime
  /** The nation whose bank holidays count: subject access only. */
  readonly nation?: Division
  readonly workingDay: boolean
  /** "Saturday", "St Andrew’s Day (substitute day), Scotland"; empty for a working day. */
  readonly reasons: readonly string[]
  /** The provision that says which days are working days. */
  readonly basis: string
}

const options = {
  regime: { type: 'string' },
  nation: { type: 'string' },
  json: { type: 'boolean' },
} as const

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(WORKING_DAY_HELP)
    return EXIT_OK
  }
  const parsed = readCommandLine(COMMAND, () =>
    parseArgs({ args: [...args], options, strict: true, allowPositionals: true, tokens: true }),
  )
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  const { values, positionals } = parsed.value
  const [text, extra] = positionals
  const missing = [...(text === undefined ? ['the date'] : []), ...(values.regime === undefined ? ['--regime'] : [])]
  if (missing.length > 0) return usageError(context, COMMAND, `missing ${listFlags(missing)} ${seeHelp(COMMAND)}`)
  if (extra !== undefined) return usageError(context, COMMAND, `unexpected argument “${extra}”: give one date`)
  const date = readLabelledDate('Date', text ?? '')
  if (!date.ok) return usageError(context, COMMAND, `${text ?? ''}: ${date.error}`)
  const regime = readRegime(values.regime ?? '')
  if (!regime.ok) return usageError(context, COMMAND, `--regime ${values.regime ?? ''}: ${regime.error}`)
  let nation: Division = 'england-and-wales'
  if (values.nation !== undefined) {
    const read = readNation(values.nation)
    if (!read.ok) return usageError(context, COMMAND, `--nation ${values.nation}: ${read.error}`)
    nation = read.value
  }

  const { calendar } = await context.calendar()
  const workingDays = calendar.current().workingDays(calendarScopeFor(regime.value, nation))
  const day = dayNumberOfIso(date.value)
  // describeClosure joins the reasons with "; ", and no reason has one in it.
  const closure = describeClosure(workingDays, day)
  const answer: WorkingDayAnswer = {
    date: date.value,
    regime: regime.value,
    ...(regime.value === 'sar' ? { nation } : {}),
    workingDay: isWorkingDay(workingDays, day),
    reasons: closure === undefined ? [] : closure.split('; '),
    basis: WORKING_DAY_BASIS[regime.value],
  }
  if (values.json === true) printJson(context, answer)
  else context.out(describeAnswer(answer))
  return EXIT_OK
}

/** "Mon 2 Dec 2024 is not a working day under FOIA: St Andrew’s Day (substitute day), Scotland (FOIA s10(6))" */
export const describeAnswer = (answer: WorkingDayAnswer): string => {
  const day = formatShortDate(dayNumberOfIso(answer.date))
  const under =
    answer.nation === undefined
      ? `under ${REGIME_ABBREVIATIONS[answer.regime]}`
      : `for ${REGIME_ABBREVIATIONS[answer.regime]} in ${DIVISION_NAMES[answer.nation]}`
  return answer.workingDay
    ? `${day} is a working day ${under}`
    : `${day} is not a working day ${under}: ${answer.reasons.join('; ')} (${answer.basis})`
}

export const workingDayCommand: Command = {
  name: 'working-day',
  summary: 'Say whether a day is a working day under a regime, and if not, why',
  run,
}
