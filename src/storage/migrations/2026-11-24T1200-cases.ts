import type { Kysely } from 'kysely'

/**
 * Organisations, users, requesters, cases with their parts and links, and the hash-chained audit trail.
 * Frozen in time: later changes are new migrations.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('nation', 'text', (col) => col.notNull())
    .addColumn('default_regime', 'text', (col) => col.notNull())
    .addColumn('reference_pattern', 'text', (col) => col.notNull())
    .addColumn('gov_uk_branding', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('letters', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('user_account')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id'))
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('roles', 'text', (col) => col.notNull())
    .addColumn('team', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('user_account_organisation').on('user_account').column('organisation_id').execute()

  await db.schema
    .createTable('user_session')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('user_account.id'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('user_session_user').on('user_session').column('user_id').execute()

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('user_account.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()

  await db.schema
    .createTable('requester')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('postal_address', 'text')
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('erased_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('requester_organisation').on('requester').column('organisation_id').execute()

  await db.schema
    .createTable('case')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id'))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('regime', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('received_on', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('request_text', 'text', (col) => col.notNull())
    .addColumn('requester_id', 'text', (col) => col.references('requester.id'))
    .addColumn('assigned_officer_id', 'text', (col) => col.references('user_account.id'))
    .addColumn('team', 'text')
    .addColumn('clock', 'text', (col) => col.notNull())
    .addColumn('responded_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('case_officer_state')
    .on('case')
    .columns(['organisation_id', 'assigned_officer_id', 'state'])
    .execute()
  await db.schema
    .createIndex('case_state_received')
    .on('case')
    .columns(['organisation_id', 'state', 'received_on'])
    .execute()
  await db.schema.createIndex('case_received').on('case').columns(['organisation_id', 'received_on']).execute()

  await db.schema
    .createTable('case_part')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('question', 'text', (col) => col.notNull())
    .addColumn('outcome', 'text')
    .addColumn('published_links', 'text', (col) => col.notNull())
    .addColumn('disclosure_log_reference', 'text')
    .addColumn('transferred_to', 'text')
    .addColumn('exemption_ids', 'text', (col) => col.notNull())
    .addColumn('document_ids', 'text', (col) => col.notNull())
    .addColumn('explanation', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('case_part_case').on('case_part').columns(['case_id', 'position']).execute()

  await db.schema
    .createTable('case_link')
    .addColumn('case_id', 'text', (col) => col.notNull().references('case.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('reference', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_link_pk', ['case_id', 'position'])
    .execute()
  await db.schema.createIndex('case_link_reference').on('case_link').column('reference').execute()

  await db.schema
    .createTable('audit_event')
    .addColumn('organisation_id', 'text', (col) => col.notNull())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('payload', 'text')
    .addColumn('payload_digest', 'text', (col) => col.notNull())
    .addColumn('previous_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('audit_event_pk', ['organisation_id', 'seq'])
    .execute()
  await db.schema.createIndex('audit_event_entity').on('audit_event').columns(['entity_type', 'entity_id']).execute()

  await db.schema
    .createTable('audit_head')
    .addColumn('organisation_id', 'text', (col) => col.primaryKey())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute()
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  for (const table of [
    'audit_head',
    'audit_event',
    'case_link',
    'case_part',
    'case',
    'requester',
    'api_token',
    'user_session',
    'user_account',
    'organisation',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
