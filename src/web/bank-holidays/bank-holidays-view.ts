import type { BankHoliday, Provenance } from '../../domain/calendar/bank-holiday.ts'
import { bankHolidaysIn } from '../../domain/calendar/bank-holiday-table.ts'
import {
  dayNumberOfIso,
  formatLongDate,
  isWeekend,
  toIsoDate,
  yearOf,
  type IsoDate,
} from '../../domain/calendar/calendar-date.ts'
import { DIVISION_NAMES, DIVISIONS, type Division } from '../../domain/calendar/division.ts'
import type { UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import type { CalendarScope } from '../../domain/calendar/working-day-calendar.ts'
import type {
  BankHolidaysChoice,
  BankHolidaysError,
  BankHolidaysField,
  BankHolidaysForm,
} from './bank-holidays-form.ts'
import { NATIONS } from './bank-holidays-form.ts'

/** A date's source, in words, with the colour of its tag. */
export interface SourceView {
  readonly text: string
  readonly classes: string
}

export interface HolidayRow {
  /** "Monday 2 December 2024" */
  readonly date: string
  /** The title with its notes: "St Andrew’s Day (substitute day)". */
  readonly holiday: string
  /** Where it is a bank holiday: "Scotland", "England, Wales and Northern Ireland" or "All of the UK". */
  readonly where: string
  readonly source: SourceView
}

export interface HolidayTable {
  readonly caption: string
  /** Whether the table has a "Where" column: only the UK view, which joins the divisions. */
  readonly showWhere: boolean
  readonly rows: readonly HolidayRow[]
}

/** What the bank holidays template is given: plain values, shaped for the GOV.UK macros. */
export interface BankHolidaysView {
  readonly pageTitle: string
  readonly form: BankHolidaysForm
  readonly errorList: readonly { readonly text: string; readonly href: string }[]
  readonly errors: Readonly<Partial<Record<BankHolidaysField, { readonly text: string }>>>
  readonly nations: readonly RadioItem[]
  readonly table: HolidayTable | undefined
}

type RadioItem =
  | { readonly value: string; readonly text: string; readonly hint?: { readonly text: string } }
  | { readonly divider: string }

export const SOURCE_WORDS: Readonly<Record<Provenance, SourceView>> = {
  published: { text: 'Published by GOV.UK', classes: 'govuk-tag--green' },
  rule: { text: 'Worked out by rule', classes: '' },
  imported: { text: 'Imported', classes: 'govuk-tag--purple' },
}

/** Christmas Day or Good Friday on a weekday that is not a bank holiday: FOIA s10(6) names both. */
export const NAMED_IN_FOIA: SourceView = { text: 'Named in FOIA s10(6)', classes: 'govuk-tag--grey' }

export const ALL_OF_THE_UK = 'All of the UK'

const SCOPE_NAMES: Readonly<Record<CalendarScope, string>> = {
  ...DIVISION_NAMES,
  'united-kingdom': 'Every part of the UK (FOIA and EIR)',
}

const NATION_HINTS: Readonly<Partial<Record<CalendarScope, string>>> = {
  scotland: 'FOISA counts Scotland’s bank holidays only',
  'united-kingdom': 'A bank holiday in any part of the UK is not a working day under FOIA or the EIR',
}

const radioItems = (): RadioItem[] =>
  NATIONS.flatMap((nation): RadioItem[] => {
    const hint = NATION_HINTS[nation]
    const item = { value: nation, text: SCOPE_NAMES[nation], ...(hint === undefined ? {} : { hint: { text: hint } }) }
    return nation === 'united-kingdom' ? [{ divider: 'or' }, item] : [item]
  })

const long = (date: IsoDate): string => formatLongDate(dayNumberOfIso(date))

/** "St Andrew’s Day (substitute day)", as the deadline calculator names a day it passed over. */
export const holidayLabel = (holiday: Pick<BankHoliday, 'title' | 'notes'>): string =>
  holiday.notes === '' ? holiday.title : `${holiday.title} (${holiday.notes.toLowerCase()})`

/** "England, Wales and Northern Ireland": GOV.UK's words for more than one division; "All of the UK" for all three. */
export const whereName = (divisions: readonly Division[]): string => {
  const chosen = DIVISIONS.filter((division) => divisions.includes(division))
  if (chosen.length === DIVISIONS.length) return ALL_OF_THE_UK
  if (chosen.length === 1) return chosen.map((division) => DIVISION_NAMES[division]).join('')
  const parts = chosen.flatMap((division) =>
    division === 'england-and-wales' ? ['England', 'Wales'] : [DIVISION_NAMES[division]],
  )
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`
}

const divisionRows = (calendar: UkCalendar, division: Division, year: number): HolidayRow[] =>
  bankHolidaysIn(calendar.holidays, division, year).map((holiday) => ({
    date: long(holiday.date),
    holiday: holidayLabel(holiday),
    where: DIVISION_NAMES[division],
    source: SOURCE_WORDS[holiday.provenance],
  }))

const FIXED_CLOSURE_NAMES = { 'christmas-day': 'Christmas Day', 'good-friday': 'Good Friday' } as const

/**
 * Every bank holiday in any part of the UK, one row for each date, name and source, naming the divisions it is a
 * bank holiday in. Christmas Day and Good Friday, which FOIA s10(6) names, are added when they fall on a weekday and
 * no bank holiday falls on them (in GOV.UK's data and the rules they always are bank holidays on a weekday, so this
 * shows only after an odd import). On a weekend they are not working days anyway, and the substitute day is listed.
 */
const unitedKingdomRows = (calendar: UkCalendar, year: number): HolidayRow[] => {
  const groups = new Map<string, { date: IsoDate; holiday: BankHoliday; divisions: Division[] }>()
  for (const division of DIVISIONS) {
    for (const holiday of bankHolidaysIn(calendar.holidays, division, year)) {
      const key = `${holiday.date} ${holidayLabel(holiday)} ${holiday.provenance}`
      const group = groups.get(key)
      if (group === undefined) groups.set(key, { date: holiday.date, holiday, divisions: [division] })
      else group.divisions.push(division)
    }
  }
  const dated = [...groups.values()].map((group) => ({
    date: group.date,
    row: {
      date: long(group.date),
      holiday: holidayLabel(group.holiday),
      where: whereName(group.divisions),
      source: SOURCE_WORDS[group.holiday.provenance],
    },
  }))
  const listed = new Set<string>(dated.map((entry) => entry.date))
  for (const [day, closure] of calendar.workingDays('united-kingdom').fixedClosures) {
    const date = toIsoDate(day)
    if (yearOf(day) !== year || isWeekend(day) || listed.has(date)) continue
    dated.push({
      date,
      row: { date: long(date), holiday: FIXED_CLOSURE_NAMES[closure], where: ALL_OF_THE_UK, source: NAMED_IN_FOIA },
    })
  }
  // A stable sort: on one date, the rows keep the order of the divisions.
  return dated.sort((a, b) => a.date.localeCompare(b.date)).map((entry) => entry.row)
}

export const holidayTable = (calendar: UkCalendar, choice: BankHolidaysChoice): HolidayTable => {
  const { year, nation } = choice
  if (nation === 'united-kingdom') {
    return {
      caption: `Bank holidays anywhere in the UK in ${year}`,
      showWhere: true,
      rows: unitedKingdomRows(calendar, year),
    }
  }
  return {
    caption: `Bank holidays in ${DIVISION_NAMES[nation]} in ${year}`,
    showWhere: false,
    rows: divisionRows(calendar, nation, year),
  }
}

const PAGE_TITLE = 'Bank holidays'

export const bankHolidaysView = (options: {
  readonly form: BankHolidaysForm
  readonly errors: readonly BankHolidaysError[]
  readonly table: HolidayTable | undefined
}): BankHolidaysView => {
  const { form, errors, table } = options
  return {
    pageTitle: table === undefined ? PAGE_TITLE : table.caption,
    form,
    errorList: errors.map((error) => ({ text: error.message, href: `#${error.field}` })),
    errors: Object.fromEntries(errors.map((error) => [error.field, { text: error.message }])),
    nations: radioItems(),
    table,
  }
}
