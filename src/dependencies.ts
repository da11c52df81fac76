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
import type { FileStore, OcrEngine } from './documents/ports.ts'
import { join } from 'node:path'
import { createTesseractOcr } from './documents/adapters/tesseract.ocr.ts'
import { createDocumentReader } from './documents/read-document.ts'
import { DEFAULT_READ_LIMITS } from './documents/reading/document-reading.ts'
import { createJobRunner, type JobRunner } from './jobs/job-runner.ts'
import { createDocumentService, type DocumentService } from './services/documents/document.service.ts'
import { createDocumentIngestion, type DocumentIngestion } from './services/documents/ingest-documents.ts'

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
  /** Documents: adding them to cases, searching them, reviewing the personal data found in them. */
  readonly documents: DocumentService
  /** The ingestion job's work, run by the job runner (or directly by `disclose ingest`). */
  readonly ingestion: DocumentIngestion
  /** Background jobs: `npm start` starts the runner; the command line runs its own jobs with runNow. */
  readonly jobs: JobRunner
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
  const files = createLocalFileStore(join(config.dataDir, 'files'))
  // The OCR worker starts only when a scan or an image first needs it.
  const ocr: OcrEngine | undefined = config.ocr ? createTesseractOcr() : undefined
  const read = createDocumentReader({
    limits: { ...DEFAULT_READ_LIMITS, maxPages: config.maxPages, ocr: config.ocr },
    ...(ocr === undefined ? {} : { ocr }),
  })
  const ingestion = createDocumentIngestion({ store, files, clock, read, logger })
  const jobs = createJobRunner({
    store,
    clock,
    logger,
    handlers: { ingest: (job, onProgress) => ingestion.run(job, onProgress) },
  })
  const documents = createDocumentService({
    store,
    files,
    clock,
    cases,
    maxUploadBytes: config.maxUploadBytes,
    onQueued: () => jobs.wake(),
  })
  return {
    config,
    logger,
    clock,
    calendar,
    store,
    organisations: createOrganisationService({ store, clock }),
    users: createUserService({ store, clock }),
    cases,
    files,
    documents,
    ingestion,
    jobs,
    letters: createLetterService({ store, clock, calendar: () => calendar.current(), cases, render: renderLetter }),
    close: async () => {
      await jobs.stop()
      await ocr?.close()
      await store.close()
    },
  }
}
