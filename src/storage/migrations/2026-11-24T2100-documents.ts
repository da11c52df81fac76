import { sql, SqliteAdapter, type Kysely } from 'kysely'

/**
 * Documents gathered for a case, their text (a row a page, or a slice of a long text, indexed for search), the
 * personal data found in them and the reviewers' decisions, the case's remembered decisions, and background jobs.
 * Search is SQLite's FTS5 over `document_text` (kept in step by triggers) or PostgreSQL's tsvector with a GIN index.
 * Frozen in time: later changes are new migrations.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id'))
    .addColumn('case_id', 'text', (col) => col.references('case.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    /** queued, running, finished, failed */
    .addColumn('state', 'text', (col) => col.notNull())
    /** What the job works through, as JSON (for an ingest: the stored files, their names, source and custodian). */
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('done', 'integer', (col) => col.notNull())
    /** What the job found and where it failed, as JSON. */
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute()
  await db.schema.createIndex('job_state').on('job').columns(['state', 'created_at']).execute()
  await db.schema.createIndex('job_case').on('job').columns(['case_id', 'created_at']).execute()

  await db.schema
    .createTable('document')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id'))
    .addColumn('case_id', 'text', (col) => col.notNull().references('case.id'))
    /** The email or archive this one came out of. */
    .addColumn('parent_id', 'text', (col) => col.references('document.id'))
    .addColumn('job_id', 'text', (col) => col.references('job.id'))
    /** Which of the job's files this is (top-level documents), so a resumed job does not read a file twice. */
    .addColumn('job_item', 'integer')
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sha256', 'text')
    .addColumn('size', 'integer')
    .addColumn('media_type', 'text')
    .addColumn('kind', 'text')
    /** read, failed */
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('problem_code', 'text')
    .addColumn('problem', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('custodian', 'text')
    .addColumn('title', 'text')
    .addColumn('author', 'text')
    .addColumn('authored_at', 'text')
    .addColumn('modified_at', 'text')
    /** The date a reviewer goes by: an email's sent date, else the file's modified or created date. */
    .addColumn('document_date', 'text')
    .addColumn('email_from', 'text')
    /** The addresses it was sent to, as JSON. */
    .addColumn('email_to', 'text')
    .addColumn('email_subject', 'text')
    .addColumn('message_id', 'text')
    .addColumn('page_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('text_length', 'integer', (col) => col.notNull().defaultTo(0))
    /** HiddenContent[] as JSON. */
    .addColumn('hidden', 'text', (col) => col.notNull())
    /** string[] as JSON. */
    .addColumn('notes', 'text', (col) => col.notNull())
    /** EmailHeaders as JSON (threading). */
    .addColumn('email', 'text')
    /** The MinHash fingerprint of the text, base64. */
    .addColumn('fingerprint', 'text')
    /** The first document in the case with the same bytes. */
    .addColumn('duplicate_of', 'text')
    /** The representative of the near-duplicate group, and this one's similarity to it. */
    .addColumn('near_duplicate_of', 'text')
    .addColumn('similarity', 'real')
    .addColumn('thread_id', 'text')
    /** most-inclusive, covered, also-review */
    .addColumn('thread_role', 'text')
    /** undecided, in-scope, out-of-scope */
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('document_case').on('document').columns(['case_id', 'created_at']).execute()
  await db.schema.createIndex('document_case_sha256').on('document').columns(['case_id', 'sha256']).execute()
  await db.schema.createIndex('document_parent').on('document').column('parent_id').execute()
  await db.schema.createIndex('document_job').on('document').columns(['job_id', 'job_item']).execute()

  await db.schema
    .createTable('document_page')
    .addColumn('document_id', 'text', (col) => col.notNull().references('document.id'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('width', 'real', (col) => col.notNull())
    .addColumn('height', 'real', (col) => col.notNull())
    .addColumn('rotation', 'integer', (col) => col.notNull())
    .addColumn('ocr', 'integer', (col) => col.notNull())
    /** Where the page's text starts in the document's text. */
    .addColumn('text_offset', 'integer', (col) => col.notNull())
    .addColumn('text_length', 'integer', (col) => col.notNull())
    /** The words and their boxes as JSON: [start, end, x, y, width, height, confidence?][]. */
    .addColumn('words', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('document_page_key', ['document_id', 'number'])
    .execute()

  // The text, a row a page (or a slice of at most about 50,000 characters of a long unpaged text), so that one
  // index entry never outgrows PostgreSQL's tsvector limit and a hit can say which page it is on.
  if (sqlite) {
    await sql`create table document_text (
      id integer primary key,
      document_id text not null references document(id),
      case_id text not null references "case"(id),
      seq integer not null,
      page integer,
      text_offset integer not null,
      text text not null
    )`.execute(db)
    await sql`create virtual table document_text_fts using fts5(
      text, content='document_text', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
    )`.execute(db)
    await sql`create trigger document_text_insert after insert on document_text begin
      insert into document_text_fts(rowid, text) values (new.id, new.text);
    end`.execute(db)
    await sql`create trigger document_text_delete after delete on document_text begin
      insert into document_text_fts(document_text_fts, rowid, text) values ('delete', old.id, old.text);
    end`.execute(db)
  } else {
    await sql`create table document_text (
      id bigint generated always as identity primary key,
      document_id text not null references document(id),
      case_id text not null references "case"(id),
      seq integer not null,
      page integer,
      text_offset integer not null,
      text text not null,
      search tsvector generated always as (to_tsvector('english', text)) stored
    )`.execute(db)
    await sql`create index document_text_search on document_text using gin (search)`.execute(db)
  }
  await db.schema.createIndex('document_text_document').on('document_text').columns(['document_id', 'seq']).execute()
  await db.schema.createIndex('document_text_case').on('document_text').column('case_id').execute()

  await db.schema
    .createTable('document_finding')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id'))
    .addColumn('case_id', 'text', (col) => col.notNull().references('case.id'))
    .addColumn('document_id', 'text', (col) => col.notNull().references('document.id'))
    .addColumn('type', 'text', (col) => col.notNull())
    /** UTF-16 offsets into the document's text. */
    .addColumn('start', 'integer', (col) => col.notNull())
    .addColumn('end', 'integer', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    /** The text folded for matching the same thing elsewhere (case, spaces). */
    .addColumn('text_key', 'text', (col) => col.notNull())
    .addColumn('page', 'integer')
    /** Box[] as JSON (a box a line), for PDFs and images. */
    .addColumn('boxes', 'text')
    .addColumn('score', 'real', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    /** pending, accepted, rejected */
    .addColumn('status', 'text', (col) => col.notNull())
    /** reviewer, duplicate (applied from the same text in a duplicate), case (the case's remembered decision) */
    .addColumn('decided_how', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute()
  await db.schema
    .createIndex('document_finding_document')
    .on('document_finding')
    .columns(['document_id', 'start'])
    .execute()
  await db.schema
    .createIndex('document_finding_case_key')
    .on('document_finding')
    .columns(['case_id', 'type', 'text_key'])
    .execute()

  await db.schema
    .createTable('finding_decision')
    .addColumn('case_id', 'text', (col) => col.notNull().references('case.id'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('text_key', 'text', (col) => col.notNull())
    /** accepted, rejected */
    .addColumn('decision', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'text', (col) => col.notNull())
    .addColumn('decided_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('finding_decision_key', ['case_id', 'type', 'text_key'])
    .execute()

  // The organisation's staff directory, for finding staff names in documents; `released` marks people whose names
  // are released (senior officials, press officers), never reported as personal data.
  await db.schema
    .createTable('directory_person')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('job_title', 'text')
    .addColumn('released', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('directory_person_organisation')
    .on('directory_person')
    .column('organisation_id')
    .execute()
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema.dropTable('directory_person').execute()
  await db.schema.dropTable('finding_decision').execute()
  await db.schema.dropTable('document_finding').execute()
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`drop table document_text_fts`.execute(db)
  }
  await db.schema.dropTable('document_text').execute()
  await db.schema.dropTable('document_page').execute()
  await db.schema.dropTable('document').execute()
  await db.schema.dropTable('job').execute()
}
