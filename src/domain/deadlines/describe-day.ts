import { dayNumberOfIso, formatShortDate, type DayNumber, type IsoDate } from '../calendar/calendar-date.ts'
import { DIVISION_NAMES, DIVISIONS } from '../calendar/division.ts'
import { nonWorkingReasons, type WorkingDayCalendar } from '../calendar/working-day-calendar.ts'

/** A day the count passed over, and why, in words a requester can follow. */
export interface SkippedDay {
  readonly date: IsoDate
  readonly reason: string
}

const listDivisions = (divisions: readonly string[]): string => {
  const names = DIVISIONS.filter((division) => divisions.includes(division)).map((d) => DIVISION_NAMES[d])
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
}

/**
 * Why a day is not a working day, without the date: "St Andrew’s Day (substitute day), Scotland". Undefined for a
 * working day. Plain weekend days are described as "Saturday" or "Sunday".
 */
export const describeClosure = (calendar: WorkingDayCalendar, day: DayNumber): string | undefined => {
  const reasons = nonWorkingReasons(calendar, day)
  if (reasons.length === 0) return undefined
  const parts: string[] = []
  for (const reason of reasons) {
    switch (reason.kind) {
      case 'weekend':
        parts.push(reason.weekday)
        break
      case 'christmas-day':
        parts.push('Christmas Day')
        break
      case 'good-friday':
        parts.push('Good Friday')
        break
      case 'bank-holiday': {
        const groups = new Map<string, string[]>()
        for (const holiday of reason.holidays) {
          const fixedName = holiday.title === 'Christmas Day' || holiday.title === 'Good Friday'
          if (fixedName && holiday.notes === '' && parts.includes(holiday.title)) continue
          const label = holiday.notes === '' ? holiday.title : `${holiday.title} (${holiday.notes.toLowerCase()})`
          groups.set(label, [...(groups.get(label) ?? []), holiday.division])
        }
        for (const [label, divisions] of groups) parts.push(`${label}, ${listDivisions(divisions)}`)
        break
      }
    }
  }
  return parts.join('; ')
}

/** "Mon 2 Dec 2024 — St Andrew’s Day (substitute day), Scotland: not a working day under FOIA s10(6)" */
export const formatSkippedDay = (day: SkippedDay): string =>
  `${formatShortDate(dayNumberOfIso(day.date))} — ${day.reason}`
