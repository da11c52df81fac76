import type { HolidayFeed } from '../../domain/calendar/gov-uk-feed.ts'

/** Where the bank holidays an administrator imported are kept. */
export interface ImportedHolidayStore {
  /** The feed as saved, still to be checked; null when nothing was ever imported. */
  load(): Promise<unknown>
  save(feed: HolidayFeed): Promise<void>
}
