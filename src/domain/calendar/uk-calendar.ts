import { buildBankHolidayTable, type BankHolidaySources, type BankHolidayTable } from './bank-holiday-table.ts'
import { buildWorkingDayCalendar, type CalendarScope, type WorkingDayCalendar } from './working-day-calendar.ts'

/**
 * The bank holidays of the whole UK and the working-day calendars built from them, each indexed on first use.
 * Build a new one when the holidays change (an import): deadlines are derived, so they re-flow.
 */
export interface UkCalendar {
  readonly holidays: BankHolidayTable
  readonly workingDays: (scope: CalendarScope) => WorkingDayCalendar
}

export const createUkCalendar = (sources: BankHolidaySources): UkCalendar => {
  const holidays = buildBankHolidayTable(sources)
  const built = new Map<CalendarScope, WorkingDayCalendar>()
  return {
    holidays,
    workingDays: (scope) => {
      let calendar = built.get(scope)
      if (calendar === undefined) {
        calendar = buildWorkingDayCalendar(holidays, scope)
        built.set(scope, calendar)
      }
      return calendar
    },
  }
}
