import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { BankHoliday, Provenance } from '../domain/calendar/bank-holiday.ts'
import { bankHolidaysIn, describeHolidayChange } from '../domain/calendar/bank-holiday-table.ts'
import { dayNumberOfIso, weekdayOf, WEEKDAY_NAMES } from '../domain/calendar/calendar-date.ts'
import { DIVISION_NAMES, DIVISIONS, type Division } from '../domain/calendar/division.ts'
import type { HolidayImportReport } from '../services/holidays/calendar.service.ts'
import {
  columns,
  EXIT_OK,
  oneLine,
  printJson,
  readCommandLine,
  readNation,
  readYear,
  seeHelp,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'

const COMMAND = 'disclose holidays'
const IMPORT_COMMAND = 'disclose holidays import'

export const HOLIDAYS_HELP = `Usage: disclose holidays --year YYYY [--nation NATION] [--json]
       disclose holidays import FILE [--json]

Lists a year’s bank holidays, with their titles and where each date came from.

Options:
  --year YYYY        the year, 1990 to 2100 (required)
  --nation NATION    england-and-wales, scotland or northern-ireland (default: all three)
  --json             print the bank holidays as a JSON array
  --help, -h         show this help

Where a date came from (provenance):
  rule        worked out by Disclose: the Banking and Financial Dealings Act 1971, the usual yearly proclamations
              and its table of one-off proclaimed days
  published   GOV.UK’s published dates, shipped with Disclose
  imported    a GOV.UK feed imported with disclose holidays import, which wins for the years it covers

Run disclose holidays import --help to import a feed.`

export const HOLIDAYS_IMPORT_HELP = `Usage: disclose holidays import FILE [--json]

Imports a GOV.UK bank holidays feed, such as https://www.gov.uk/bank-holidays.json saved to FILE. For each
part of the UK, the feed’s dates win over every other source for the years it covers, and every deadline is
counted on them from then on. Prints the years the feed covers and every date that changed.

A file that is not a feed changes nothing. Imported dates are kept in DISCLOSE_DATA_DIR (default ./data).

Options:
  --json        print the report as one JSON object: {yearsCovered, changes}
  --help, -h    show this help`

const PROVENANCE: Readonly<Record<Provenance, string>> = {
  rule: 'rule: worked out from the Banking and Financial Dealings Act 1971 and the usual proclamations',
  published: 'published: GOV.UK’s published dates, shipped with Disclose',
  imported: 'imported: a GOV.UK feed imported with disclose holidays import',
}

const listOptions = {
  year: { type: 'string' },
  nation: { type: 'string' },
  json: { type: 'boolean' },
} as const

const listHolidays = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const parsed = readCommandLine(COMMAND, () =>
    parseArgs({ args: [...args], options: listOptions, strict: true, allowPositionals: false, tokens: true }),
  )
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  const { values } = parsed.value
  if (values.year === undefined) return usageError(context, COMMAND, `missing --year ${seeHelp(COMMAND)}`)
  const year = readYear(values.year)
  if (!year.ok) return usageError(context, COMMAND, `--year ${values.year}: ${year.error}`)
  let divisions: readonly Division[] = DIVISIONS
  if (values.nation !== undefined) {
    const nation = readNation(values.nation)
    if (!nation.ok) return usageError(context, COMMAND, `--nation ${values.nation}: ${nation.error}`)
    divisions = [nation.value]
  }

  const { calendar } = await context.calendar()
  const table = calendar.current().holidays
  const holidays: BankHoliday[] = divisions.flatMap((division) => bankHolidaysIn(table, division, year.value))
  if (values.json === true) {
    printJson(context, holidays)
    return EXIT_OK
  }
  const where = divisions.length === 1 ? DIVISION_NAMES[divisions[0] ?? 'england-and-wales'] : 'the UK'
  const lines = [`Bank holidays in ${where}, ${year.value}`, '']
  if (holidays.length === 0) lines.push('None.')
  else {
    lines.push(
      ...columns([
        ['Date', 'Day', 'Title', 'Notes', 'Nation', 'Provenance'],
        ...holidays.map((holiday) => [
          holiday.date,
          WEEKDAY_NAMES[weekdayOf(dayNumberOfIso(holiday.date))],
          holiday.title,
          holiday.notes,
          DIVISION_NAMES[holiday.division],
          holiday.provenance,
        ]),
      ]),
    )
  }
  const provenances = [...new Set(holidays.map((holiday) => holiday.provenance))]
  if (provenances.length > 0) lines.push('', ...provenances.map((provenance) => PROVENANCE[provenance]))
  context.out(lines.join('\n'))
  return EXIT_OK
}

/** "2012–2028, 2030" */
const describeYears = (years: readonly number[]): string => {
  const ranges: string[] = []
  let start: number | undefined
  let previous: number | undefined
  const close = (): void => {
    if (start === undefined || previous === undefined) return
    ranges.push(start === previous ? String(start) : `${start}–${previous}`)
  }
  for (const year of years) {
    if (previous !== undefined && year === previous + 1) {
      previous = year
      continue
    }
    close()
    start = year
    previous = year
  }
  close()
  return ranges.length === 0 ? 'none' : ranges.join(', ')
}

export const describeImport = (file: string, report: HolidayImportReport): string[] => {
  const lines = [`Imported bank holidays from ${file}.`, '', 'Years the feed covers, where its dates now win:']
  for (const division of DIVISIONS) {
    lines.push(`  ${DIVISION_NAMES[division]}: ${describeYears(report.yearsCovered[division])}`)
  }
  lines.push('')
  if (report.changes.length === 0) lines.push('No dates changed.')
  else {
    const count = report.changes.length
    lines.push(
      `${count} date${count === 1 ? '' : 's'} changed:`,
      ...report.changes.map((c) => `  ${describeHolidayChange(c)}`),
    )
  }
  return lines
}

const READ_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission to read it was refused',
  EPERM: 'permission to read it was refused',
}

const importHolidays = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const parsed = readCommandLine(IMPORT_COMMAND, () =>
    parseArgs({
      args: [...args],
      options: { json: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, IMPORT_COMMAND, parsed.error)
  const [file, extra] = parsed.value.positionals
  if (file === undefined) return usageError(context, IMPORT_COMMAND, `missing FILE ${seeHelp(IMPORT_COMMAND)}`)
  if (extra !== undefined) {
    return usageError(context, IMPORT_COMMAND, `unexpected argument “${extra}”: import one file at a time`)
  }

  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    const why = READ_PROBLEMS[code] ?? (error instanceof Error ? error.message : String(error))
    return usageError(context, IMPORT_COMMAND, `${file}: cannot read the file: ${why}; nothing was imported`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return usageError(
      context,
      IMPORT_COMMAND,
      `${file}: not a GOV.UK bank-holidays feed: the file is not JSON (${why}); nothing was imported`,
    )
  }

  const { calendar, logger } = await context.calendar()
  const report = await calendar.importFeed(json)
  if (!report.ok) {
    const [first = 'not a GOV.UK bank-holidays feed'] = report.error
    const more = report.error.length - 1
    return usageError(
      context,
      IMPORT_COMMAND,
      `${file}: ${oneLine(first)}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}; nothing was imported`,
    )
  }
  logger.info({ changes: report.value.changes.length }, 'Imported bank holidays')
  if (parsed.value.values.json === true) printJson(context, report.value)
  else context.out(describeImport(file, report.value).join('\n'))
  return EXIT_OK
}

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (args[0] === 'import') {
    if (wantsHelp(args)) {
      context.out(HOLIDAYS_IMPORT_HELP)
      return EXIT_OK
    }
    return importHolidays(args.slice(1), context)
  }
  if (wantsHelp(args)) {
    context.out(HOLIDAYS_HELP)
    return EXIT_OK
  }
  return listHolidays(args, context)
}

export const holidaysCommand: Command = {
  name: 'holidays',
  summary: 'List a year’s bank holidays and where each came from, or import a GOV.UK feed',
  run,
}
