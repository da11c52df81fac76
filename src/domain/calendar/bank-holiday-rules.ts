import { dayNumberOf, toIsoDate, weekdayOf, isWeekend, type DayNumber, type IsoDate } from './calendar-date.ts'
import type { BankHoliday } from './bank-holiday.ts'
import type { Division } from './division.ts'

/**
 * Bank holidays derived by rule: the Banking and Financial Dealings Act 1971, Schedule 1, and the pattern of the
 * yearly Royal proclamations (New Year's Day outside Scotland, the Early May holiday, 12 July in Northern Ireland,
 * substitute days), plus the table of one-off and moved days in `one-off-bank-holidays.ts`.
 *
 * A fixed-date holiday that falls on a Saturday or Sunday is replaced by the next weekday that is not already a
 * bank holiday: so Christmas Day on a Sunday moves to Tuesday 27 December, Boxing Day keeping Monday 26, and
 * Scotland's New Year's Day and 2 January cascade (2022: Monday 3 and Tuesday 4 January).
 */

type DateRule =
  | { readonly kind: 'fixed'; readonly month: number; readonly day: number }
  | { readonly kind: 'easter'; readonly offset: number }
  | { readonly kind: 'first-monday'; readonly month: number }
  | { readonly kind: 'last-monday'; readonly month: number }

export type HolidayKey =
  | 'new-year'
  | 'second-january'
  | 'st-patrick'
  | 'good-friday'
  | 'easter-monday'
  | 'early-may'
  | 'spring'
  | 'boyne'
  | 'summer'
  | 'st-andrew'
  | 'christmas'
  | 'boxing'

interface HolidayRule {
  readonly key: HolidayKey
  readonly title: string
  readonly rule: DateRule
  readonly divisions: readonly Division[]
  /** First year the holiday was kept. */
  readonly from?: number
}

const ALL: readonly Division[] = ['england-and-wales', 'scotland', 'northern-ireland']

/** In calendar order; substitutes are assigned in this order too. */
const RULES: readonly HolidayRule[] = [
  { key: 'new-year', title: 'New Year’s Day', rule: { kind: 'fixed', month: 1, day: 1 }, divisions: ALL, from: 1974 },
  { key: 'second-january', title: '2nd January', rule: { kind: 'fixed', month: 1, day: 2 }, divisions: ['scotland'] },
  {
    key: 'st-patrick',
    title: 'St Patrick’s Day',
    rule: { kind: 'fixed', month: 3, day: 17 },
    divisions: ['northern-ireland'],
  },
  { key: 'good-friday', title: 'Good Friday', rule: { kind: 'easter', offset: -2 }, divisions: ALL },
  {
    key: 'easter-monday',
    title: 'Easter Monday',
    rule: { kind: 'easter', offset: 1 },
    divisions: ['england-and-wales', 'northern-ireland'],
  },
  {
    key: 'early-may',
    title: 'Early May bank holiday',
    rule: { kind: 'first-monday', month: 5 },
    divisions: ALL,
    from: 1978,
  },
  { key: 'spring', title: 'Spring bank holiday', rule: { kind: 'last-monday', month: 5 }, divisions: ALL },
  {
    key: 'boyne',
    title: 'Battle of the Boyne (Orangemen’s Day)',
    rule: { kind: 'fixed', month: 7, day: 12 },
    divisions: ['northern-ireland'],
  },
  {
    key: 'summer',
    title: 'Summer bank holiday',
    rule: { kind: 'last-monday', month: 8 },
    divisions: ['england-and-wales', 'northern-ireland'],
  },
  { key: 'summer', title: 'Summer bank holiday', rule: { kind: 'first-monday', month: 8 }, divisions: ['scotland'] },
  {
    key: 'st-andrew',
    title: 'St Andrew’s Day',
    rule: { kind: 'fixed', month: 11, day: 30 },
    divisions: ['scotland'],
    from: 2007,
  },
  { key: 'christmas', title: 'Christmas Day', rule: { kind: 'fixed', month: 12, day: 25 }, divisions: ALL },
  { key: 'boxing', title: 'Boxing Day', rule: { kind: 'fixed', month: 12, day: 26 }, divisions: ALL },
]

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export const easterSunday = (year: number): DayNumber => {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return dayNumberOf(year, month, day)
}

const firstMonday = (year: number, month: number): DayNumber => {
  const first = dayNumberOf(year, month, 1)
  return first + ((8 - weekdayOf(first)) % 7)
}

const lastMonday = (year: number, month: number): DayNumber => {
  const firstOfNext = month === 12 ? dayNumberOf(year + 1, 1, 1) : dayNumberOf(year, month + 1, 1)
  const last = firstOfNext - 1
  return last - ((weekdayOf(last) + 6) % 7)
}

const nominalDate = (rule: DateRule, year: number): DayNumber => {
  switch (rule.kind) {
    case 'fixed':
      return dayNumberOf(year, rule.month, rule.day)
    case 'easter':
      return easterSunday(year) + rule.offset
    case 'first-monday':
      return firstMonday(year, rule.month)
    case 'last-monday':
      return lastMonday(year, rule.month)
  }
}

/** A holiday moved by proclamation from its usual date, or an extra one. */
export interface OneOffChange {
  readonly year: number
  readonly divisions: readonly Division[]
  /** The usual holiday that moved, or undefined for an extra day. */
  readonly moves?: HolidayKey
  readonly date: IsoDate
  readonly title: string
  readonly notes: string
  /** Why: the proclamation or Act, in a few words. */
  readonly source: string
}

interface Draft {
  day: DayNumber
  title: string
  notes: string
  provenance: BankHoliday['provenance']
}

/**
 * The bank holidays of one division in one year, by rule and the one-off table, in date order.
 */
export const deriveBankHolidays = (
  division: Division,
  year: number,
  oneOffs: readonly OneOffChange[],
): BankHoliday[] => {
  const changes = oneOffs.filter((change) => change.year === year && change.divisions.includes(division))
  const fixedDays: Draft[] = []
  const toSubstitute: { nominal: DayNumber; title: string }[] = []

  for (const rule of RULES) {
    if (!rule.divisions.includes(division)) continue
    if (rule.from !== undefined && year < rule.from) continue
    const moved = changes.find((change) => change.moves === rule.key)
    if (moved !== undefined) {
      fixedDays.push({ day: dayOf(moved.date), title: moved.title, notes: moved.notes, provenance: 'rule' })
      continue
    }
    const nominal = nominalDate(rule.rule, year)
    if (rule.rule.kind === 'fixed' && isWeekend(nominal)) {
      toSubstitute.push({ nominal, title: rule.title })
    } else {
      fixedDays.push({ day: nominal, title: rule.title, notes: '', provenance: 'rule' })
    }
  }
  for (const change of changes) {
    if (change.moves === undefined) {
      fixedDays.push({ day: dayOf(change.date), title: change.title, notes: change.notes, provenance: 'rule' })
    }
  }

  const taken = new Set(fixedDays.map((draft) => draft.day))
  const substitutes: Draft[] = []
  for (const { nominal, title } of toSubstitute) {
    let day = nominal + 1
    while (isWeekend(day) || taken.has(day)) day += 1
    taken.add(day)
    substitutes.push({ day, title, notes: 'Substitute day', provenance: 'rule' })
  }

  return [...fixedDays, ...substitutes]
    .sort((a, b) => a.day - b.day)
    .map((draft) => ({
      date: toIsoDate(draft.day),
      division,
      title: draft.title,
      notes: draft.notes,
      provenance: draft.provenance,
    }))
}

const dayOf = (date: IsoDate): DayNumber => {
  const [year, month, day] = date.split('-').map(Number)
  return dayNumberOf(year ?? 0, month ?? 0, day ?? 0)
}
