import publishedFeed from '../../domain/calendar/data/gov-uk-bank-holidays.json' with { type: 'json' }
import { compareBankHolidayTables, type HolidayChange } from '../../domain/calendar/bank-holiday-table.ts'
import { DIVISIONS, type Division } from '../../domain/calendar/division.ts'
import {
  mergeHolidayFeeds,
  parseHolidayFeed,
  yearsCovered,
  type HolidayFeed,
} from '../../domain/calendar/gov-uk-feed.ts'
import { ONE_OFF_BANK_HOLIDAYS } from '../../domain/calendar/one-off-bank-holidays.ts'
import { createUkCalendar, type UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import type { ImportedHolidayStore } from '../../domain/calendar/imported-holiday-store.ts'

export interface HolidayImportReport {
  /** The years the feed covers, per division: for these, its dates now win. */
  readonly yearsCovered: Readonly<Record<Division, readonly number[]>>
  /** Every date that changed in the calendar Disclose counts on. */
  readonly changes: readonly HolidayChange[]
}

export interface CalendarService {
  /** The calendar now in force. Deadlines are derived from it, so an import re-flows every open clock. */
  current(): UkCalendar
  /** Checks a GOV.UK bank-holidays feed, keeps it, and reports what changed. Nothing changes on a bad feed. */
  importFeed(json: unknown): Promise<Result<HolidayImportReport, string[]>>
  /**
   * Picks up an import made by another process (the CLI while the web app runs). Cheap when nothing changed: one
   * look at the store's version.
   */
  refresh(): Promise<void>
}

const parsePublished = (): HolidayFeed => {
  const parsed = parseHolidayFeed(publishedFeed)
  if (!parsed.ok) throw new Error(`the shipped bank-holiday data is invalid: ${parsed.error.join('; ')}`)
  return parsed.value
}

/** The calendar with no imports: rules, the one-off table and GOV.UK's published data. */
export const defaultCalendarSources = (imported: HolidayFeed | null = null) => ({
  oneOffs: ONE_OFF_BANK_HOLIDAYS,
  published: parsePublished(),
  imported,
})

export const createCalendarService = async (store: ImportedHolidayStore): Promise<CalendarService> => {
  const loadImported = async (): Promise<HolidayFeed | null> => {
    const saved = await store.load()
    if (saved === null || saved === undefined) return null
    const parsed = parseHolidayFeed(saved)
    if (!parsed.ok) throw new Error(`the imported bank-holiday data is unreadable: ${parsed.error.join('; ')}`)
    return parsed.value
  }
  let version = await store.version()
  let imported = await loadImported()
  let calendar = createUkCalendar(defaultCalendarSources(imported))

  return {
    current: () => calendar,
    importFeed: async (json) => {
      const parsed = parseHolidayFeed(json)
      if (!parsed.ok) return fail(parsed.error)
      const merged = mergeHolidayFeeds(imported, parsed.value)
      const next = createUkCalendar(defaultCalendarSources(merged))
      const changes = compareBankHolidayTables(calendar.holidays, next.holidays)
      await store.save(merged)
      version = await store.version()
      imported = merged
      calendar = next
      const covered = Object.fromEntries(
        DIVISIONS.map((division) => [division, [...yearsCovered(parsed.value, division)].sort((a, b) => a - b)]),
      ) as Record<Division, number[]>
      return ok({ yearsCovered: covered, changes })
    },
    refresh: async () => {
      const now = await store.version()
      if (now === version) return
      const next = await loadImported()
      version = now
      imported = next
      calendar = createUkCalendar(defaultCalendarSources(next))
    },
  }
}
