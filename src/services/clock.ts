import type { IsoDate } from '../domain/calendar/calendar-date.ts'

/** The time, behind a port: the domain never reads it, and tests fix it. */
export interface Clock {
  /** Now, as an ISO-8601 UTC timestamp. */
  now(): string
  /** Today's date in the United Kingdom (Europe/London), which is what the law counts in. */
  today(): IsoDate
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => londonDate.format(new Date()) as IsoDate,
}

/** A clock stopped at a moment, for tests and the demonstration data. */
export const fixedClock = (instant: string): Clock => ({
  now: () => instant,
  today: () => londonDate.format(new Date(instant)) as IsoDate,
})
