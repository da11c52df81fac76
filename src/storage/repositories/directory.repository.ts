import type { Kysely } from 'kysely'
import type { DirectoryPerson } from '../../documents/document-records.ts'
import type { Schema } from '../tables/schema.ts'
import { inBatches } from './in-batches.ts'

/** The organisation's staff directory: names to find in documents, and the names that are released. */
export const createDirectoryRepository = (db: Kysely<Schema>) => ({
  list: async (organisationId: string): Promise<DirectoryPerson[]> => {
    const rows = await db
      .selectFrom('directory_person')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('name')
      .execute()
    return rows.map((row) => ({
      id: row.id,
      organisationId: row.organisation_id,
      name: row.name,
      email: row.email,
      jobTitle: row.job_title,
      released: Number(row.released) === 1 || (row.released as unknown) === true,
    }))
  },

  /** Replaces the whole directory (an import from the HR system's export). */
  replace: async (organisationId: string, people: readonly DirectoryPerson[], now: string): Promise<void> => {
    await db.deleteFrom('directory_person').where('organisation_id', '=', organisationId).execute()
    await inBatches(people, 500, (batch) =>
      db
        .insertInto('directory_person')
        .values(
          batch.map((person) => ({
            id: person.id,
            organisation_id: organisationId,
            name: person.name,
            email: person.email,
            job_title: person.jobTitle,
            released: person.released ? 1 : 0,
            created_at: now,
          })),
        )
        .execute(),
    )
  },
})
