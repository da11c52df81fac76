import { fail, ok, type Result } from '../result.ts'

/**
 * A calendar date with no time and no time zone, as the law counts days.
 *
 * Dates are held as day numbers (whole days since 1970-01-01) so that arithmetic never meets a clock change:
 * a day in British Summer Time is the same kind of day as one in GMT. Text is ISO 8601, `YYYY-MM-DD`.
 */
export type DayNumber = number

/** An ISO 8601 calendar date, `YYYY-MM-DD`, known to be real. */
export type IsoDate = string & { readonly __isoDate: unique symbol }

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** The name of a month, 1 to 12. */
export const monthName = (month: number): string => MONTH_NAMES[month - 1] ?? `month ${month}`

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

export interface CivilDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Day number of a civil (proleptic Gregorian) date. Howard Hinnant's days_from_civil. */
export const dayNumberOf = (year: number, month: number, day: number): DayNumber => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Civil date of a day number. Howard Hinnant's civil_from_days. */
export const civilOf = (dayNumber: DayNumber): CivilDate => {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** 0 is Sunday, 6 is Saturday. */
export const weekdayOf = (dayNumber: DayNumber): Weekday => ((((dayNumber + 4) % 7) + 7) % 7) as Weekday

export const isWeekend = (dayNumber: DayNumber): boolean => {
  const weekday = weekdayOf(dayNumber)
  return weekday === 0 || weekday === 6
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

export const toIsoDate = (dayNumber: DayNumber): IsoDate => {
  const { year, month, day } = civilOf(dayNumber)
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as IsoDate
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export type DateProblem =
  | { readonly code: 'not-a-date'; readonly text: string }
  | { readonly code: 'not-a-real-date'; readonly text: string; readonly detail: string }

/**
 * Reads `YYYY-MM-DD` strictly: 2024-02-30 is refused, so is 2024-2-3.
 */
export const parseIsoDate = (text: string): Result<DayNumber, DateProblem> => {
  const match = ISO_DATE.exec(text)
  if (match === null) return fail({ code: 'not-a-date', text })
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12) {
    return fail({ code: 'not-a-real-date', text, detail: `there is no month ${month}` })
  }
  const length = daysInMonth(year, month)
  if (day < 1 || day > length) {
    return fail({
      code: 'not-a-real-date',
      text,
      detail: `${monthName(month)} ${year} has ${length} days`,
    })
  }
  return ok(dayNumberOf(year, month, day))
}

/** Whether text is a real ISO date; narrows the type. */
export const isIsoDate = (text: string): text is IsoDate => parseIsoDate(text).ok

/** Day number of an ISO date that is already known to be real. */
export const dayNumberOfIso = (date: IsoDate): DayNumber => {
  const parsed = parseIsoDate(date)
  if (!parsed.ok) throw new Error(`not an ISO date: ${date}`)
  return parsed.value
}

export const yearOf = (dayNumber: DayNumber): number => civilOf(dayNumber).year

/** "Mon 2 Dec 2024" */
export const formatShortDate = (dayNumber: DayNumber): string => {
  const { year, month, day } = civilOf(dayNumber)
  return `${WEEKDAY_NAMES[weekdayOf(dayNumber)].slice(0, 3)} ${day} ${monthName(month).slice(0, 3)} ${year}`
}

/** "Monday 2 December 2024", the GOV.UK style for dates in text. */
export const formatLongDate = (dayNumber: DayNumber): string => {
  const { year, month, day } = civilOf(dayNumber)
  return `${WEEKDAY_NAMES[weekdayOf(dayNumber)]} ${day} ${monthName(month)} ${year}`
}

/**
 * The same date `months` calendar months later; where that month is too short, its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export const addCalendarMonths = (dayNumber: DayNumber, months: number): { day: DayNumber; clamped: boolean } => {
  const { year, month, day } = civilOf(dayNumber)
  const monthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = (monthIndex % 12) + 1
  const length = daysInMonth(targetYear, targetMonth)
  return { day: dayNumberOf(targetYear, targetMonth, Math.min(day, length)), clamped: day > length }
}
