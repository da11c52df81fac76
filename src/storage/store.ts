import type { Kysely } from 'kysely'
import type { Database, DialectName } from './database.ts'
import { createAuditRepository } from './repositories/audit.repository.ts'
import { createCaseRepository } from './repositories/case.repository.ts'
import { createDirectoryRepository } from './repositories/directory.repository.ts'
import { createDocumentRepository } from './repositories/document.repository.ts'
import { createJobRepository } from './repositories/job.repository.ts'
import { createLetterRepository } from './repositories/letter.repository.ts'
import { createOrganisationRepository } from './repositories/organisation.repository.ts'
import { createUserRepository } from './repositories/user.repository.ts'
import type { Schema } from './tables/schema.ts'

/** Every repository, bound to one connection or transaction. */
export interface Repositories {
  readonly organisations: ReturnType<typeof createOrganisationRepository>
  readonly users: ReturnType<typeof createUserRepository>
  readonly cases: ReturnType<typeof createCaseRepository>
  readonly audit: ReturnType<typeof createAuditRepository>
  readonly letters: ReturnType<typeof createLetterRepository>
  readonly documents: ReturnType<typeof createDocumentRepository>
  readonly jobs: ReturnType<typeof createJobRepository>
  readonly directory: ReturnType<typeof createDirectoryRepository>
}

/**
 * The storage port the services use: reads through `read`, and every change inside `transaction`, which commits
 * all of it or none.
 */
export interface Store {
  readonly dialect: DialectName
  readonly description: string
  readonly read: Repositories
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>
  close(): Promise<void>
}

const repositoriesOver = (db: Kysely<Schema>, dialect: DialectName): Repositories => ({
  organisations: createOrganisationRepository(db),
  users: createUserRepository(db),
  cases: createCaseRepository(db),
  audit: createAuditRepository(db, dialect),
  letters: createLetterRepository(db),
  documents: createDocumentRepository(db, dialect),
  jobs: createJobRepository(db),
  directory: createDirectoryRepository(db),
})

export const createStore = (database: Database): Store => ({
  dialect: database.dialect,
  description: database.description,
  read: repositoriesOver(database.db, database.dialect),
  transaction: (work) =>
    database.db.transaction().execute((transaction) => work(repositoriesOver(transaction, database.dialect))),
  close: () => database.close(),
})
