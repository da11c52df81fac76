import { sql, type Kysely } from 'kysely'

/**
 * Decisions on exemptions (one JSON list a case, as the case's clock is), and letters: the drafts an officer has
 * edited and the letters that went out. Frozen in time: later changes are new migrations.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .alterTable('case')
    .addColumn('exemption_decisions', 'text', (col) => col.notNull().defaultTo(sql`'[]'`))
    .execute()

  await db.schema
    .createTable('case_letter')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id'))
    .addColumn('case_id', 'text', (col) => col.notNull().references('case.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    /** draft: an officer's edit of the generated letter, until it goes; issued: the letter as sent. */
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('edited_by', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('case_letter_case').on('case_letter').columns(['case_id', 'kind', 'status']).execute()
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema.dropTable('case_letter').execute()
  await db.schema.alterTable('case').dropColumn('exemption_decisions').execute()
}
