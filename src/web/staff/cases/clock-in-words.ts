import { dayNumberOfIso, type IsoDate } from '../../../domain/calendar/calendar-date.ts'
import type { Division } from '../../../domain/calendar/division.ts'
import type { UkCalendar } from '../../../domain/calendar/uk-calendar.ts'
import { countWorkingDays, type WorkingDayCalendar } from '../../../domain/calendar/working-day-calendar.ts'
import { deadlineOfCase, dueDateOfCase, isOpen, type CaseSummary } from '../../../domain/case/case.ts'
import type { ClockStatus } from '../../../domain/deadlines/deadline.ts'
import { calendarScopeFor } from '../../../domain/deadlines/regime.ts'
import { formatDayMonthYear } from './dates.ts'

/** A case's clock as an officer reads it in a list: "6 working days left", "2 working days overdue". */
export interface ClockInWords {
  readonly text: string
  /** The response is late: shown in bold. */
  readonly overdue: boolean
  /** The day the response is due; null while the clock is stopped, or when the case has no deadline. */
  readonly due: IsoDate | null
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/**
 * The clock in words, counted in working days on the calendar the case's law counts on: the days after today up to
 * and including the due day are left; the working days after the due day up to today are overdue. A due date passed
 * over a weekend, with no working day since, is plainly "Overdue".
 */
export const describeClock = (
  calendar: WorkingDayCalendar,
  today: IsoDate,
  clock: { readonly status: ClockStatus; readonly due: IsoDate | null },
): ClockInWords => {
  switch (clock.status) {
    case 'awaiting-clarification':
      return { text: 'Clock stopped: awaiting clarification', overdue: false, due: null }
    case 'awaiting-fee':
      return { text: 'Clock stopped: awaiting the fee', overdue: false, due: null }
    case 'running':
      break
  }
  if (clock.due === null) return { text: 'No deadline', overdue: false, due: null }
  const dueDay = dayNumberOfIso(clock.due)
  const todayDay = dayNumberOfIso(today)
  if (dueDay === todayDay) return { text: 'Due today', overdue: false, due: clock.due }
  if (dueDay > todayDay) {
    const left = countWorkingDays(calendar, todayDay, dueDay)
    return {
      text: left === 0 ? 'Due today' : `${plural(left, 'working day', 'working days')} left`,
      overdue: false,
      due: clock.due,
    }
  }
  const late = countWorkingDays(calendar, dueDay, todayDay)
  return {
    text: late === 0 ? 'Overdue' : `${plural(late, 'working day', 'working days')} overdue`,
    overdue: true,
    due: clock.due,
  }
}

const STOPPED_FOR_GOOD: Readonly<Record<'withdrawn' | 'lapsed', string>> = {
  withdrawn: 'Clock stopped: withdrawn',
  lapsed: 'Clock stopped: lapsed',
}

/**
 * The clock of a case as it stands today. A case that has been answered, withdrawn or lapsed has no clock running;
 * an open one is counted from its clock events (a plain request straight off the indexed calendar).
 */
export const caseClockInWords = (
  uk: UkCalendar,
  nation: Division,
  today: IsoDate,
  subject: Pick<CaseSummary, 'kind' | 'regime' | 'receivedOn' | 'clock' | 'state' | 'respondedOn'>,
): ClockInWords => {
  if (!isOpen(subject.state)) {
    if (subject.state === 'withdrawn' || subject.state === 'lapsed') {
      return { text: STOPPED_FOR_GOOD[subject.state], overdue: false, due: null }
    }
    return {
      text: subject.respondedOn === null ? 'Closed' : `Responded on ${formatDayMonthYear(subject.respondedOn)}`,
      overdue: false,
      due: null,
    }
  }
  const calendar = uk.workingDays(calendarScopeFor(subject.regime, nation))
  if (subject.clock.events.length === 0) {
    return describeClock(calendar, today, { status: 'running', due: dueDateOfCase(uk, nation, subject) })
  }
  const deadline = deadlineOfCase(uk, nation, subject)
  if (!deadline.ok) return { text: 'The deadline cannot be worked out', overdue: false, due: null }
  if (deadline.value === null) return { text: 'No deadline', overdue: false, due: null }
  return describeClock(calendar, today, deadline.value)
}
