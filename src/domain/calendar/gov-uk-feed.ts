import { z } from 'zod'
import { parseIsoDate, yearOf, type IsoDate } from './calendar-date.ts'
import { DIVISIONS, FIRST_CALENDAR_YEAR, isDivision, LAST_CALENDAR_YEAR, type Division } from './division.ts'
import { fail, ok, type Result } from '../result.ts'

/** One division's events from a GOV.UK bank-holidays feed (https://www.gov.uk/bank-holidays.json). */
export interface FeedEvent {
  readonly date: IsoDate
  readonly title: string
  readonly notes: string
}

/** A GOV.UK bank-holidays feed, checked: real dates, known divisions, one event a date. */
export type HolidayFeed = Readonly<Partial<Record<Division, readonly FeedEvent[]>>>

const feedSchema = z.record(
  z.string(),
  z.object({
    division: z.string().optional(),
    events: z.array(
      z.object({
        title: z.string().trim().min(1, 'has no title'),
        date: z.string(),
        notes: z.string().optional(),
        bunting: z.boolean().optional(),
      }),
    ),
  }),
)

/**
 * Checks a parsed GOV.UK `bank-holidays.json` and returns its events per division, or every problem found.
 */
export const parseHolidayFeed = (json: unknown): Result<HolidayFeed, string[]> => {
  const parsed = feedSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue === undefined ? '' : issue.path.join('.')
    return fail([
      `not a GOV.UK bank-holidays feed: expected {"england-and-wales": {"events": [{"title", "date", "notes"}]}, …}${where === '' ? '' : ` (problem at ${where}: ${issue?.message ?? ''})`}`,
    ])
  }
  const problems: string[] = []
  const feed: Partial<Record<Division, FeedEvent[]>> = {}
  for (const [key, value] of Object.entries(parsed.data)) {
    if (!isDivision(key)) {
      problems.push(`unknown division "${key}": expected one of ${DIVISIONS.join(', ')}`)
      continue
    }
    const seen = new Set<string>()
    const events: FeedEvent[] = []
    value.events.forEach((event, index) => {
      const where = `${key} event ${index + 1}`
      const date = parseIsoDate(event.date)
      if (!date.ok) {
        problems.push(`${where}: "${event.date}" is not a real date in the form YYYY-MM-DD`)
        return
      }
      const year = yearOf(date.value)
      if (year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
        problems.push(`${where}: ${event.date} is outside ${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR}`)
        return
      }
      if (seen.has(event.date)) {
        problems.push(`${where}: ${event.date} is listed twice`)
        return
      }
      seen.add(event.date)
      events.push({ date: event.date as IsoDate, title: event.title, notes: event.notes ?? '' })
    })
    feed[key] = events.sort((a, b) => a.date.localeCompare(b.date))
  }
  if (problems.length > 0) return fail(problems)
  if (Object.values(feed).every((events) => events.length === 0)) return fail(['the feed has no bank holidays in it'])
  return ok(feed)
}

/** The years a feed covers for a division: every year it lists at least one date for. */
export const yearsCovered = (feed: HolidayFeed, division: Division): ReadonlySet<number> =>
  new Set((feed[division] ?? []).map((event) => Number(event.date.slice(0, 4))))

/**
 * A later import wins for the years it covers, division by division; years it does not cover keep what an
 * earlier import said.
 */
export const mergeHolidayFeeds = (earlier: HolidayFeed | null, later: HolidayFeed): HolidayFeed => {
  if (earlier === null) return later
  const merged: Partial<Record<Division, readonly FeedEvent[]>> = {}
  for (const division of DIVISIONS) {
    const laterYears = yearsCovered(later, division)
    const kept = (earlier[division] ?? []).filter((event) => !laterYears.has(Number(event.date.slice(0, 4))))
    const events = [...kept, ...(later[division] ?? [])].sort((a, b) => a.date.localeCompare(b.date))
    if (events.length > 0) merged[division] = events
  }
  return merged
}
