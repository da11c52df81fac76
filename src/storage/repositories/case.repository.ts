import { sql, type Kysely, type Selectable } from 'kysely'
import type { IsoDate } from '../../domain/calendar/calendar-date.ts'
import {
  REQUEST_TEXT_PREVIEW_LENGTH,
  type Case,
  type CaseKind,
  type CaseLink,
  type CaseState,
  type CaseSummary,
  type Channel,
  type LinkKind,
} from '../../domain/case/case.ts'
import type { Outcome, Part } from '../../domain/case/part.ts'
import type { Requester, RequesterType } from '../../domain/case/requester.ts'
import type { Regime } from '../../domain/deadlines/regime.ts'
import type { CasePartTable, CaseTable, RequesterTable } from '../tables/case.table.ts'
import type { Schema } from '../tables/schema.ts'
import { readJsonColumn } from './json-column.ts'

/** What a list of cases can be narrowed to. Every list is within one organisation. */
export interface CaseFilter {
  readonly states?: readonly CaseState[]
  readonly kinds?: readonly CaseKind[]
  readonly regimes?: readonly Regime[]
  readonly assignedOfficerId?: string
  readonly team?: string
  readonly receivedFrom?: IsoDate
  readonly receivedTo?: IsoDate
  /** Matches the reference, or words in the request text. */
  readonly text?: string
  readonly requesterId?: string
  readonly limit?: number
  readonly offset?: number
  /** Leave the rows in whatever order the index gives (callers that sort them themselves, such as dueSoon). */
  readonly unordered?: boolean
}

type CaseRow = Selectable<CaseTable>
/** The columns a list reads: the case without its decisions. */
type SummaryRow = Omit<CaseRow, 'exemption_decisions'>

const toSummary = (row: SummaryRow): CaseSummary => ({
  id: row.id,
  organisationId: row.organisation_id,
  reference: row.reference,
  kind: row.kind as CaseKind,
  regime: row.regime as Regime,
  state: row.state as CaseState,
  receivedOn: row.received_on as IsoDate,
  channel: row.channel as Channel,
  requestText: row.request_text,
  requesterId: row.requester_id,
  assignedOfficerId: row.assigned_officer_id,
  team: row.team,
  clock: readJsonColumn(row.clock, 'case.clock'),
  respondedOn: row.responded_on as IsoDate | null,
  closedOn: row.closed_on as IsoDate | null,
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const toPart = (row: Selectable<CasePartTable>): Part => ({
  id: row.id,
  position: Number(row.position),
  question: row.question,
  outcome: row.outcome as Outcome | null,
  publishedLinks: readJsonColumn(row.published_links, 'case_part.published_links'),
  disclosureLogReference: row.disclosure_log_reference,
  transferredTo: row.transferred_to,
  exemptionIds: readJsonColumn(row.exemption_ids, 'case_part.exemption_ids'),
  documentIds: readJsonColumn(row.document_ids, 'case_part.document_ids'),
  explanation: row.explanation,
})

const toRequester = (row: Selectable<RequesterTable>): Requester => ({
  id: row.id,
  name: row.name,
  email: row.email,
  postalAddress: row.postal_address,
  type: row.type as RequesterType,
  erasedAt: row.erased_at,
})

const caseColumns = (subject: Case, submittedBy: string | null) => ({
  kind: subject.kind,
  regime: subject.regime,
  state: subject.state,
  received_on: subject.receivedOn,
  channel: subject.channel,
  request_text: subject.requestText,
  requester_id: subject.requesterId,
  assigned_officer_id: subject.assignedOfficerId,
  team: subject.team,
  clock: JSON.stringify(subject.clock),
  exemption_decisions: JSON.stringify(subject.exemptionDecisions),
  responded_on: subject.respondedOn,
  closed_on: subject.closedOn,
  submitted_by: submittedBy,
  version: subject.version,
  updated_at: subject.updatedAt,
})

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`)

export const createCaseRepository = (db: Kysely<Schema>) => {
  const writeChildren = async (subject: Case, replacing: boolean): Promise<void> => {
    if (replacing) {
      await db.deleteFrom('case_part').where('case_id', '=', subject.id).execute()
      await db.deleteFrom('case_link').where('case_id', '=', subject.id).execute()
    }
    if (subject.parts.length > 0) {
      await db
        .insertInto('case_part')
        .values(
          subject.parts.map((part) => ({
            id: part.id,
            case_id: subject.id,
            position: part.position,
            question: part.question,
            outcome: part.outcome,
            published_links: JSON.stringify(part.publishedLinks),
            disclosure_log_reference: part.disclosureLogReference,
            transferred_to: part.transferredTo,
            exemption_ids: JSON.stringify(part.exemptionIds),
            document_ids: JSON.stringify(part.documentIds),
            explanation: part.explanation,
          })),
        )
        .execute()
    }
    if (subject.links.length > 0) {
      await db
        .insertInto('case_link')
        .values(
          subject.links.map((link, index) => ({
            case_id: subject.id,
            position: index + 1,
            kind: link.kind,
            reference: link.reference,
            note: link.note,
          })),
        )
        .execute()
    }
  }

  const withChildren = async (
    row: CaseRow | undefined,
  ): Promise<(Case & { submittedBy: string | null }) | undefined> => {
    if (row === undefined) return undefined
    const [parts, links] = await Promise.all([
      db.selectFrom('case_part').selectAll().where('case_id', '=', row.id).orderBy('position').execute(),
      db.selectFrom('case_link').selectAll().where('case_id', '=', row.id).orderBy('position').execute(),
    ])
    return {
      ...toSummary(row),
      parts: parts.map(toPart),
      links: links.map((link): CaseLink => ({
        kind: link.kind as LinkKind,
        reference: link.reference,
        note: link.note,
      })),
      exemptionDecisions: readJsonColumn(row.exemption_decisions, 'case.exemption_decisions'),
      submittedBy: row.submitted_by,
    }
  }

  const caseRow = (subject: Case, submittedBy: string | null) => ({
    id: subject.id,
    organisation_id: subject.organisationId,
    reference: subject.reference,
    created_at: subject.createdAt,
    ...caseColumns(subject, submittedBy),
  })

  return {
    insert: async (subject: Case, submittedBy: string | null = null): Promise<void> => {
      await db.insertInto('case').values(caseRow(subject, submittedBy)).execute()
      await writeChildren(subject, false)
    },

    /**
     * Inserts the case unless another already has its reference, and says whether it did. A freshly made reference
     * is tried this way rather than looked up first: the unique index answers in the same statement, and a clash
     * (one in a billion) leaves nothing written, not even a failed statement in the transaction.
     */
    insertUnlessReferenceTaken: async (subject: Case): Promise<boolean> => {
      const inserted = await db
        .insertInto('case')
        .values(caseRow(subject, null))
        .onConflict((conflict) => conflict.column('reference').doNothing())
        .executeTakeFirst()
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false
      await writeChildren(subject, false)
      return true
    },

    /**
     * Saves a changed case if nobody saved it since `expectedVersion`; returns false, writing nothing, if someone did.
     * `subject.version` must be `expectedVersion + 1`.
     */
    update: async (subject: Case, expectedVersion: number, submittedBy: string | null): Promise<boolean> => {
      const result = await db
        .updateTable('case')
        .set(caseColumns(subject, submittedBy))
        .where('id', '=', subject.id)
        .where('organisation_id', '=', subject.organisationId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) return false
      await writeChildren(subject, true)
      return true
    },

    findById: async (organisationId: string, id: string) =>
      withChildren(
        await db
          .selectFrom('case')
          .selectAll()
          .where('organisation_id', '=', organisationId)
          .where('id', '=', id)
          .executeTakeFirst(),
      ),

    findByReference: async (organisationId: string, reference: string) =>
      withChildren(
        await db
          .selectFrom('case')
          .selectAll()
          .where('organisation_id', '=', organisationId)
          .where('reference', '=', reference)
          .executeTakeFirst(),
      ),

    /** Whether any organisation has a case with this id (ids are unique across the installation). */
    idTaken: async (id: string): Promise<boolean> =>
      (await db.selectFrom('case').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,

    /** Whether any organisation uses the reference: references are unique across the installation. */
    referenceTaken: async (reference: string): Promise<boolean> =>
      (await db.selectFrom('case').select('id').where('reference', '=', reference).executeTakeFirst()) !== undefined,

    list: async (organisationId: string, filter: CaseFilter = {}): Promise<CaseSummary[]> => {
      let query = db
        .selectFrom('case')
        .select([
          'id',
          'organisation_id',
          'reference',
          'kind',
          'regime',
          'state',
          'received_on',
          'channel',
          sql<string>`substr(request_text, 1, ${sql.lit(REQUEST_TEXT_PREVIEW_LENGTH)})`.as('request_text'),
          'requester_id',
          'assigned_officer_id',
          'team',
          'clock',
          'responded_on',
          'closed_on',
          'submitted_by',
          'version',
          'created_at',
          'updated_at',
        ])
        .where('organisation_id', '=', organisationId)
      if (filter.states !== undefined)
        query = query.where('state', 'in', filter.states.length > 0 ? filter.states : [''])
      if (filter.kinds !== undefined) query = query.where('kind', 'in', filter.kinds.length > 0 ? filter.kinds : [''])
      if (filter.regimes !== undefined) {
        query = query.where('regime', 'in', filter.regimes.length > 0 ? filter.regimes : [''])
      }
      if (filter.assignedOfficerId !== undefined)
        query = query.where('assigned_officer_id', '=', filter.assignedOfficerId)
      if (filter.team !== undefined) query = query.where('team', '=', filter.team)
      if (filter.requesterId !== undefined) query = query.where('requester_id', '=', filter.requesterId)
      if (filter.receivedFrom !== undefined) query = query.where('received_on', '>=', filter.receivedFrom)
      if (filter.receivedTo !== undefined) query = query.where('received_on', '<=', filter.receivedTo)
      const text = filter.text?.trim()
      if (text !== undefined && text !== '') {
        const pattern = `%${escapeLike(text.toLowerCase())}%`
        query = query.where((eb) =>
          eb.or([
            eb('reference', '=', text.toUpperCase()),
            eb(sql`lower(request_text)`, 'like', sql`${pattern} escape '\\'`),
          ]),
        )
      }
      const ordered = filter.unordered === true ? query : query.orderBy('received_on', 'desc').orderBy('reference')
      const rows = await ordered
        .limit(filter.limit ?? 1000)
        .offset(filter.offset ?? 0)
        .execute()
      return rows.map(toSummary)
    },

    count: async (organisationId: string): Promise<number> =>
      Number(
        (
          await db
            .selectFrom('case')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('organisation_id', '=', organisationId)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** Cases that point at a reference: reviews of it, complaints about it, repeats of it. */
    findLinkedTo: async (organisationId: string, reference: string) =>
      db
        .selectFrom('case_link')
        .innerJoin('case', 'case.id', 'case_link.case_id')
        .select(['case.reference', 'case_link.kind'])
        .where('case.organisation_id', '=', organisationId)
        .where('case_link.reference', '=', reference)
        .execute(),

    insertRequester: async (organisationId: string, requester: Requester, createdAt: string): Promise<void> => {
      await db
        .insertInto('requester')
        .values({
          id: requester.id,
          organisation_id: organisationId,
          name: requester.name,
          email: requester.email,
          postal_address: requester.postalAddress,
          type: requester.type,
          erased_at: requester.erasedAt,
          created_at: createdAt,
        })
        .execute()
    },
    updateRequester: async (organisationId: string, requester: Requester): Promise<void> => {
      await db
        .updateTable('requester')
        .set({
          name: requester.name,
          email: requester.email,
          postal_address: requester.postalAddress,
          type: requester.type,
          erased_at: requester.erasedAt,
        })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', requester.id)
        .execute()
    },
    findRequester: async (organisationId: string, id: string): Promise<Requester | undefined> => {
      const row = await db
        .selectFrom('requester')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row === undefined ? undefined : toRequester(row)
    },
  }
}

export type CaseRepository = ReturnType<typeof createCaseRepository>
