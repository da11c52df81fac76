import { civilOf, dayNumberOf, isWeekend, weekdayOf, WEEKDAY_NAMES, type DayNumber } from './calendar-date.ts'
import type { BankHoliday } from './bank-holiday.ts'
import { easterSunday } from './bank-holiday-rules.ts'
import { holidaysByDay, type BankHolidayTable } from './bank-holiday-table.ts'
import { DIVISIONS, type Division } from './division.ts'

/**
 * Which days are working days:
 * - `united-kingdom`: FOIA s10(6) and the EIR — not a Saturday, Sunday, Christmas Day, Good Friday, or a bank
 *   holiday in ANY part of the UK;
 * - a division: not a weekend day, Christmas Day, Good Friday or a bank holiday there (FOISA s73 uses Scotland's;
 *   a subject access due date rolls forward on the authority's own).
 */
export type CalendarScope = 'united-kingdom' | Division

export type NonWorkingReason =
  | { readonly kind: 'weekend'; readonly weekday: 'Saturday' | 'Sunday' }
  | { readonly kind: 'christmas-day' }
  | { readonly kind: 'good-friday' }
  | { readonly kind: 'bank-holiday'; readonly holidays: readonly BankHoliday[] }

/**
 * A calendar indexed for constant-time counting: for each day in range, how many working days there are up to and
 * including it, and the list of working days in order. The n-th working day after a date is one array read.
 */
export interface WorkingDayCalendar {
  readonly scope: CalendarScope
  readonly firstDay: DayNumber
  readonly lastDay: DayNumber
  /** Working days in [firstDay, firstDay + i], for each offset i. */
  readonly cumulative: Int32Array
  /** The working days, in order. */
  readonly workingDays: Int32Array
  /** 1 where the day is not a working day. */
  readonly closed: Uint8Array
  readonly holidays: ReadonlyMap<DayNumber, readonly BankHoliday[]>
  readonly fixedClosures: ReadonlyMap<DayNumber, 'christmas-day' | 'good-friday'>
}

export const buildWorkingDayCalendar = (table: BankHolidayTable, scope: CalendarScope): WorkingDayCalendar => {
  const divisions = scope === 'united-kingdom' ? DIVISIONS : [scope]
  const holidays = holidaysByDay(table, divisions)
  const firstDay = dayNumberOf(table.firstYear, 1, 1)
  const lastDay = dayNumberOf(table.lastYear, 12, 31)
  const length = lastDay - firstDay + 1
  const fixedClosures = new Map<DayNumber, 'christmas-day' | 'good-friday'>()
  for (let year = table.firstYear; year <= table.lastYear; year += 1) {
    fixedClosures.set(dayNumberOf(year, 12, 25), 'christmas-day')
    fixedClosures.set(easterSunday(year) - 2, 'good-friday')
  }
  const closed = new Uint8Array(length)
  const cumulative = new Int32Array(length)
  const working: number[] = []
  let count = 0
  for (let i = 0; i < length; i += 1) {
    const day = firstDay + i
    if (isWeekend(day) || holidays.has(day) || fixedClosures.has(day)) {
      closed[i] = 1
    } else {
      count += 1
      working.push(day)
    }
    cumulative[i] = count
  }
  return {
    scope,
    firstDay,
    lastDay,
    cumulative,
    workingDays: Int32Array.from(working),
    closed,
    holidays,
    fixedClosures,
  }
}

export const inCalendarRange = (calendar: WorkingDayCalendar, day: DayNumber): boolean =>
  day >= calendar.firstDay && day <= calendar.lastDay

export const isWorkingDay = (calendar: WorkingDayCalendar, day: DayNumber): boolean => {
  if (!inCalendarRange(calendar, day)) throw new RangeError(`day ${day} is outside the calendar`)
  return calendar.closed[day - calendar.firstDay] === 0
}

/**
 * The n-th working day after `day` (n ≥ 1); `day` itself is never counted, whatever it is. Undefined past the end
 * of the calendar.
 */
export const addWorkingDays = (calendar: WorkingDayCalendar, day: DayNumber, n: number): DayNumber | undefined => {
  const offset = day - calendar.firstDay
  if (offset < 0 || offset >= calendar.cumulative.length) return undefined
  return calendar.workingDays[(calendar.cumulative[offset] ?? 0) + n - 1]
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export const countWorkingDays = (calendar: WorkingDayCalendar, from: DayNumber, to: DayNumber): number => {
  if (to <= from) return 0
  const at = (day: DayNumber): number => {
    const offset = Math.min(Math.max(day - calendar.firstDay, -1), calendar.cumulative.length - 1)
    return offset < 0 ? 0 : (calendar.cumulative[offset] ?? 0)
  }
  return at(to) - at(from)
}

/** The day itself if it is a working day, else the next one. */
export const workingDayOnOrAfter = (calendar: WorkingDayCalendar, day: DayNumber): DayNumber | undefined =>
  addWorkingDays(calendar, day - 1, 1)

/** Why a day is not a working day; empty for a working day. */
export const nonWorkingReasons = (calendar: WorkingDayCalendar, day: DayNumber): NonWorkingReason[] => {
  const reasons: NonWorkingReason[] = []
  const weekday = weekdayOf(day)
  if (weekday === 0 || weekday === 6) reasons.push({ kind: 'weekend', weekday: WEEKDAY_NAMES[weekday] })
  const fixed = calendar.fixedClosures.get(day)
  if (fixed !== undefined) reasons.push({ kind: fixed })
  const holidays = calendar.holidays.get(day)
  if (holidays !== undefined && holidays.length > 0) reasons.push({ kind: 'bank-holiday', holidays })
  return reasons
}

/** A short civil description, for errors: "2101-12-31". */
export const calendarEnd = (calendar: WorkingDayCalendar): string => {
  const { year, month, day } = civilOf(calendar.lastDay)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
