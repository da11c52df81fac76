import type { Config } from './config.ts'
import type { Logger } from './logger.ts'
import { systemClock, type Clock } from './services/clock.ts'
import { createCaseService, type CaseService } from './services/cases/case.service.ts'
import { createCalendarService, type CalendarService } from './services/holidays/calendar.service.ts'
import { createLetterService, type LetterService } from './services/letters/letter.service.ts'
import { renderLetter } from './letters/letter-renderer.ts'
import { createOrganisationService, type OrganisationService } from './services/organisations/organisation.service.ts'
import { createUserService, type UserService } from './services/users/user.service.ts'
import { migrateToLatest, openDatabase, type Database } from './storage/database.ts'
import { createImportedHolidayFileStore } from './storage/imported-holidays.file-store.ts'
import { createStore, type Store } from './storage/store.ts'
import { createLocalFileStore } from './storage/local-file-store.ts'
import type { FileStore } from './documents/ports.ts'
import { join } from 'node:path'

/** Everything the web app, the worker and the CLI need, built once by the composition root. */
export interface Dependencies {
  readonly config: Config
  readonly logger: Logger
  readonly clock: Clock
  readonly calendar: CalendarService
  readonly store: Store
  readonly organisations: OrganisationService
  readonly users: UserService
  readonly cases: CaseService
  readonly letters: LetterService
  /** The files cases gather, by content (DISCLOSE_DATA_DIR/files). */
  readonly files: FileStore
  /** Closes the database; the process can then exit. */
  close(): Promise<void>
}

export interface DependencyOverrides {
  readonly clock?: Clock
  /** An already-open database (tests pass an in-memory one). */
  readonly database?: Database
}

/**
 * Builds every service on the configured database, bringing its schema up to date first. A migration that fails
 * stops start-up with its message; the database is left as it was.
 */
export const buildDependencies = async (
  config: Config,
  logger: Logger,
  overrides: DependencyOverrides = {},
): Promise<Dependencies> => {
  const clock = overrides.clock ?? systemClock
  const calendar = await createCalendarService(createImportedHolidayFileStore(config.dataDir))
  const database = overrides.database ?? (await openDatabase(config.database))
  const migrated = await migrateToLatest(database)
  if (migrated.error !== null) {
    await database.close()
    throw new Error(`The database could not be brought up to date: ${migrated.error}`)
  }
  if (migrated.applied.length > 0) logger.info({ migrations: migrated.applied }, 'Database brought up to date')
  const store = createStore(database)
  const cases = createCaseService({ store, clock, calendar: () => calendar.current() })
  return {
    config,
    logger,
    clock,
    calendar,
    store,
    organisations: createOrganisationService({ store, clock }),
    users: createUserService({ store, clock }),
    cases,
    files: createLocalFileStore(join(config.dataDir, 'files')),
    letters: createLetterService({ store, clock, calendar: () => calendar.current(), cases, render: renderLetter }),
    close: () => store.close(),
  }
}
