import type { Config } from './config.ts'
import type { Logger } from './logger.ts'
import { createCalendarService, type CalendarService } from './services/holidays/calendar.service.ts'
import { createImportedHolidayFileStore } from './storage/imported-holidays.file-store.ts'

/** Everything the web app, the worker and the CLI need, built once by the composition root. */
export interface Dependencies {
  readonly config: Config
  readonly logger: Logger
  readonly calendar: CalendarService
}

export const buildDependencies = async (config: Config, logger: Logger): Promise<Dependencies> => {
  const calendar = await createCalendarService(createImportedHolidayFileStore(config.dataDir))
  return { config, logger, calendar }
}
