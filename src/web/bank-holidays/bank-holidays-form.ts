import { DIVISIONS, FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from '../../domain/calendar/division.ts'
import type { CalendarScope } from '../../domain/calendar/working-day-calendar.ts'
import { fail, ok, type Result } from '../../domain/result.ts'

/**
 * The bank holidays page's form, sent with GET: `?year=2024&nation=scotland`. A parameter left out takes its default
 * (the current year; every part of the UK), so `/bank-holidays` alone shows this year's FOIA calendar. A parameter
 * sent blank or with a value the form does not offer is refused, and what was typed is kept to be shown again.
 */

/** The calendars the page offers, in the order of the radios: each division, then the UK as a whole. */
export const NATIONS = [...DIVISIONS, 'united-kingdom'] as const satisfies readonly CalendarScope[]

export const isNation = (text: string): text is CalendarScope => (NATIONS as readonly string[]).includes(text)

export const DEFAULT_NATION: CalendarScope = 'united-kingdom'

/** What was sent: the year kept exactly as typed, to be shown again. */
export interface BankHolidaysForm {
  readonly year: string
  readonly nation: string
}

export type BankHolidaysField = keyof BankHolidaysForm

/** One thing to fix; the field's id is its name, so the error summary links to `#year` or `#nation`. */
export interface BankHolidaysError {
  readonly field: BankHolidaysField
  readonly message: string
}

/** The year and calendar to show, once the form is read. */
export interface BankHolidaysChoice {
  readonly year: number
  readonly nation: CalendarScope
}

export const YEAR_MESSAGES = {
  blank: 'Enter a year',
  notWhole: 'Year must be a whole number, like 2024',
  outOfRange: `Year must be between ${FIRST_CALENDAR_YEAR} and ${LAST_CALENDAR_YEAR}`,
} as const

export const NATION_MESSAGE = 'Select which part of the UK'

type Query = Readonly<Record<string, unknown>>

/** The first text value of a query parameter; a repeated parameter counts once, anything else as missing. */
const textOf = (query: Query, name: string): string | undefined => {
  const value = query[name]
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value
  return typeof first === 'string' ? first.slice(0, 200) : undefined
}

/** The year to show when the address names none: this year, kept within the years Disclose has a calendar for. */
export const defaultYear = (currentYear: number): number =>
  Math.min(Math.max(currentYear, FIRST_CALENDAR_YEAR), LAST_CALENDAR_YEAR)

export const readBankHolidaysForm = (query: Query, currentYear: number): BankHolidaysForm => ({
  year: textOf(query, 'year') ?? String(defaultYear(currentYear)),
  // A radio's value, not typed: read as the radios would send it, so that `Scotland` still checks Scotland's radio.
  nation: textOf(query, 'nation')?.trim().toLowerCase() ?? DEFAULT_NATION,
})

const WHOLE_NUMBER = /^[+-]?\d+$/

const judgeYear = (text: string): Result<number, string> => {
  const trimmed = text.trim()
  if (trimmed === '') return fail(YEAR_MESSAGES.blank)
  if (!WHOLE_NUMBER.test(trimmed)) return fail(YEAR_MESSAGES.notWhole)
  const year = Number(trimmed)
  if (year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) return fail(YEAR_MESSAGES.outOfRange)
  return ok(year)
}

/** The year and calendar chosen, or every problem, in the order the fields appear on the page. */
export const judgeBankHolidaysForm = (form: BankHolidaysForm): Result<BankHolidaysChoice, BankHolidaysError[]> => {
  const errors: BankHolidaysError[] = []
  const year = judgeYear(form.year)
  if (!year.ok) errors.push({ field: 'year', message: year.error })
  const { nation } = form
  if (!isNation(nation)) errors.push({ field: 'nation', message: NATION_MESSAGE })
  if (!year.ok || !isNation(nation)) return fail(errors)
  return ok({ year: year.value, nation })
}
