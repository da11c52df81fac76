import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { HolidayFeed } from '../domain/calendar/gov-uk-feed.ts'
import type { ImportedHolidayStore } from '../domain/calendar/imported-holiday-store.ts'

export const IMPORTED_HOLIDAYS_FILE = 'bank-holidays.imported.json'

/**
 * Keeps imported bank holidays as a GOV.UK-shaped JSON file in the data directory, written atomically (a temporary
 * file, then a rename), so that a crash mid-write leaves the previous import whole.
 */
export const createImportedHolidayFileStore = (dataDir: string): ImportedHolidayStore => {
  const path = join(dataDir, IMPORTED_HOLIDAYS_FILE)
  return {
    load: async () => {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
      return JSON.parse(text) as unknown
    },
    save: async (feed: HolidayFeed) => {
      await mkdir(dataDir, { recursive: true })
      const shaped = Object.fromEntries(
        Object.entries(feed).map(([division, events]) => [division, { division, events }]),
      )
      const temporary = `${path}.${process.pid}.tmp`
      await writeFile(temporary, `${JSON.stringify(shaped, null, 1)}\n`, 'utf8')
      await rename(temporary, path)
    },
    version: async () => {
      try {
        const { mtimeMs, size } = await stat(path)
        return `${mtimeMs}:${size}`
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
  }
}
