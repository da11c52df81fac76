import { parseIsoDate, type DayNumber, type IsoDate } from './calendar-date.ts'
import type { BankHoliday, Provenance } from './bank-holiday.ts'
import { deriveBankHolidays, type OneOffChange } from './bank-holiday-rules.ts'
import { DIVISIONS, DIVISION_NAMES, FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR, type Division } from './division.ts'
import { yearsCovered, type HolidayFeed } from './gov-uk-feed.ts'

export interface BankHolidaySources {
  readonly oneOffs: readonly OneOffChange[]
  /** GOV.UK's data as shipped with Disclose. */
  readonly published: HolidayFeed
  /** What an administrator imported; wins over the rest for the years it covers. */
  readonly imported: HolidayFeed | null
}

/**
 * Every bank holiday in every division, 1990–2100 and the year after (so that a deadline late in 2100 can be
 * counted), each with its provenance.
 */
export interface BankHolidayTable {
  readonly firstYear: number
  /** The last year held; one past the last year a date may be entered for. */
  readonly lastYear: number
  readonly byDivision: ReadonlyMap<Division, ReadonlyMap<number, readonly BankHoliday[]>>
}

const fromFeed = (feed: HolidayFeed, division: Division, year: number, provenance: Provenance): BankHoliday[] =>
  (feed[division] ?? [])
    .filter((event) => event.date.startsWith(`${year}-`))
    .map((event) => ({ date: event.date, division, title: event.title, notes: event.notes, provenance }))

export const buildBankHolidayTable = (sources: BankHolidaySources): BankHolidayTable => {
  const firstYear = FIRST_CALENDAR_YEAR
  const lastYear = LAST_CALENDAR_YEAR + 1
  const byDivision = new Map<Division, Map<number, readonly BankHoliday[]>>()
  for (const division of DIVISIONS) {
    const importedYears = sources.imported === null ? new Set<number>() : yearsCovered(sources.imported, division)
    const publishedYears = yearsCovered(sources.published, division)
    const years = new Map<number, readonly BankHoliday[]>()
    for (let year = firstYear; year <= lastYear; year += 1) {
      if (sources.imported !== null && importedYears.has(year)) {
        years.set(year, fromFeed(sources.imported, division, year, 'imported'))
      } else if (publishedYears.has(year)) {
        years.set(year, fromFeed(sources.published, division, year, 'published'))
      } else {
        years.set(year, deriveBankHolidays(division, year, sources.oneOffs))
      }
    }
    byDivision.set(division, years)
  }
  return { firstYear, lastYear, byDivision }
}

export const bankHolidaysIn = (table: BankHolidayTable, division: Division, year: number): readonly BankHoliday[] =>
  table.byDivision.get(division)?.get(year) ?? []

export interface HolidayChange {
  readonly division: Division
  readonly date: IsoDate
  readonly change: 'added' | 'removed' | 'retitled'
  readonly before?: string
  readonly after?: string
}

/** What differs between two tables, date by date: what an import changed. */
export const compareBankHolidayTables = (before: BankHolidayTable, after: BankHolidayTable): HolidayChange[] => {
  const changes: HolidayChange[] = []
  for (const division of DIVISIONS) {
    for (let year = before.firstYear; year <= before.lastYear; year += 1) {
      const old = new Map(bankHolidaysIn(before, division, year).map((h) => [h.date, h]))
      const now = new Map(bankHolidaysIn(after, division, year).map((h) => [h.date, h]))
      for (const [date, holiday] of now) {
        const was = old.get(date)
        if (was === undefined) changes.push({ division, date, change: 'added', after: holiday.title })
        else if (was.title !== holiday.title) {
          changes.push({ division, date, change: 'retitled', before: was.title, after: holiday.title })
        }
      }
      for (const [date, holiday] of old) {
        if (!now.has(date)) changes.push({ division, date, change: 'removed', before: holiday.title })
      }
    }
  }
  return changes.sort((a, b) => a.date.localeCompare(b.date) || a.division.localeCompare(b.division))
}

export const describeHolidayChange = (change: HolidayChange): string => {
  const where = DIVISION_NAMES[change.division]
  switch (change.change) {
    case 'added':
      return `${change.date} ${where}: added “${change.after ?? ''}”`
    case 'removed':
      return `${change.date} ${where}: removed “${change.before ?? ''}”`
    case 'retitled':
      return `${change.date} ${where}: “${change.before ?? ''}” is now “${change.after ?? ''}”`
  }
}

/** Every holiday in the table as day numbers, for indexing. */
export const holidaysByDay = (
  table: BankHolidayTable,
  divisions: readonly Division[],
): Map<DayNumber, BankHoliday[]> => {
  const days = new Map<DayNumber, BankHoliday[]>()
  for (const division of divisions) {
    for (const holidays of table.byDivision.get(division)?.values() ?? []) {
      for (const holiday of holidays) {
        const parsed = parseIsoDate(holiday.date)
        if (!parsed.ok) continue
        const list = days.get(parsed.value)
        if (list === undefined) days.set(parsed.value, [holiday])
        else list.push(holiday)
      }
    }
  }
  return days
}
