import type { HolidayFeed } from './gov-uk-feed.ts'

/** The port through which the bank holidays an administrator imported are kept; storage implements it. */
export interface ImportedHolidayStore {
  /** The feed as saved, still to be checked; null when nothing was ever imported. */
  load(): Promise<unknown>
  save(feed: HolidayFeed): Promise<void>
  /** A token that changes whenever another process saves an import (for example a modification time). */
  version(): Promise<string | null>
}
