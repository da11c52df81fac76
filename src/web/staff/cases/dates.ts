import {
  civilOf,
  dayNumberOfIso,
  formatLongDate,
  monthName,
  type IsoDate,
} from '../../../domain/calendar/calendar-date.ts'

/** "4 December 2024": dates in tables and lists, in GOV.UK style. */
export const formatDayMonthYear = (date: IsoDate): string => {
  const { year, month, day } = civilOf(dayNumberOfIso(date))
  return `${day} ${monthName(month)} ${year}`
}

/** "Wednesday 4 December 2024": a date that matters on its own, like a deadline. */
export const formatWeekdayDate = (date: IsoDate): string => formatLongDate(dayNumberOfIso(date))

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
})

/** The time of day in GOV.UK style: "10am", "5:30pm", "midday", "midnight". */
const timeOfDay = (hour: number, minute: number): string => {
  if (minute === 0 && hour === 12) return 'midday'
  if (minute === 0 && hour === 0) return 'midnight'
  const suffix = hour < 12 ? 'am' : 'pm'
  const twelve = hour % 12 === 0 ? 12 : hour % 12
  return minute === 0 ? `${twelve}${suffix}` : `${twelve}:${String(minute).padStart(2, '0')}${suffix}`
}

/** When something happened, in UK time: "4 December 2024 at 10am". */
export const formatTimestamp = (instant: string): string => {
  const parts = Object.fromEntries(
    LONDON.formatToParts(new Date(instant)).map((part) => [part.type, part.value] as const),
  ) as Record<string, string>
  const month = Number(parts['month'])
  return `${Number(parts['day'])} ${monthName(month)} ${parts['year']} at ${timeOfDay(Number(parts['hour']), Number(parts['minute']))}`
}
