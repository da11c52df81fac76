import type { Kysely, QueryCreator, Selectable } from 'kysely'
import type { AuditRecord } from '../../domain/audit/audit-chain.ts'
import { GENESIS_HASH } from '../../domain/audit/audit-chain.ts'
import type { DialectName } from '../database.ts'
import type { AuditEventTable } from '../tables/audit.table.ts'
import type { Schema } from '../tables/schema.ts'

const toRecord = (row: Selectable<AuditEventTable>): AuditRecord => ({
  organisationId: row.organisation_id,
  seq: Number(row.seq),
  id: row.id,
  at: row.at,
  actorId: row.actor_id,
  actorLabel: row.actor_label,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  payload: row.payload,
  payloadDigest: row.payload_digest,
  previousHash: row.previous_hash,
  hash: row.hash,
})

export interface ChainHead {
  readonly seq: number
  readonly hash: string
}

export const createAuditRepository = (db: Kysely<Schema>, dialect: DialectName) => ({
  /**
   * The end of an organisation's chain, locked until the transaction ends so that two changes cannot both append
   * after it. Call inside a transaction. (SQLite allows one writer at a time, which is the same lock.)
   */
  lockHead: async (organisationId: string): Promise<ChainHead> => {
    const query = db.selectFrom('audit_head').select(['seq', 'hash']).where('organisation_id', '=', organisationId)
    const locking = dialect === 'postgres' ? query.forUpdate() : query
    let row = await locking.executeTakeFirst()
    if (row === undefined) {
      // The organisation's first event. Two first events at once both insert; the loser's does nothing, and both
      // then lock the one row.
      await db
        .insertInto('audit_head')
        .values({ organisation_id: organisationId, seq: 0, hash: GENESIS_HASH })
        .onConflict((conflict) => conflict.column('organisation_id').doNothing())
        .execute()
      row = await locking.executeTakeFirstOrThrow()
    }
    return { seq: Number(row.seq), hash: row.hash }
  },

  append: async (record: AuditRecord): Promise<void> => {
    const event = db.insertInto('audit_event').values({
      organisation_id: record.organisationId,
      seq: record.seq,
      id: record.id,
      at: record.at,
      actor_id: record.actorId,
      actor_label: record.actorLabel,
      action: record.action,
      entity_type: record.entityType,
      entity_id: record.entityId,
      payload: record.payload,
      payload_digest: record.payloadDigest,
      previous_hash: record.previousHash,
      hash: record.hash,
    })
    const moveHead = (on: QueryCreator<Schema>) =>
      on
        .updateTable('audit_head')
        .set({ seq: record.seq, hash: record.hash })
        .where('organisation_id', '=', record.organisationId)
    if (dialect === 'postgres') {
      // One round trip while the head is locked: the event and the new head in a single statement.
      await moveHead(db.with('event', () => event)).execute()
    } else {
      await event.execute()
      await moveHead(db).execute()
    }
  },

  head: async (organisationId: string): Promise<ChainHead | null> => {
    const row = await db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst()
    return row === undefined ? null : { seq: Number(row.seq), hash: row.hash }
  },

  /** Every organisation that has a chain. */
  organisationsWithChains: async (): Promise<string[]> =>
    (await db.selectFrom('audit_head').select('organisation_id').orderBy('organisation_id').execute()).map(
      (row) => row.organisation_id,
    ),

  /** An organisation's events in chain order, a page at a time, so that a long chain never sits in memory whole. */
  async *inOrder(organisationId: string, pageSize = 5000): AsyncGenerator<AuditRecord> {
    let after = 0
    for (;;) {
      const rows = await db
        .selectFrom('audit_event')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute()
      for (const row of rows) yield toRecord(row)
      const last = rows[rows.length - 1]
      if (last === undefined || rows.length < pageSize) return
      after = Number(last.seq)
    }
  },

  forEntity: async (organisationId: string, entityType: string, entityId: string): Promise<AuditRecord[]> =>
    (
      await db
        .selectFrom('audit_event')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('seq')
        .execute()
    ).map(toRecord),
})

export type AuditRepository = ReturnType<typeof createAuditRepository>
