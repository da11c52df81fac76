import { sql, type Kysely, type Selectable } from 'kysely'
import type {
  CaseDocument,
  DecidedHow,
  DocumentFinding,
  DocumentScope,
  FindingStatus,
  RememberedDecision,
  StoredPage,
  TextSegment,
  ThreadRole,
} from '../../documents/document-records.ts'
import type { PiiType } from '../../documents/pii/finding.ts'
import type { Box, DocumentKind, ReadProblemCode, Word } from '../../documents/reading/document-reading.ts'
import type { DialectName } from '../database.ts'
import type { DocumentFindingTable, DocumentTable } from '../tables/document.table.ts'
import type { Schema } from '../tables/schema.ts'
import { inBatches } from './in-batches.ts'
import { readJsonColumn } from './json-column.ts'
import { hasPositiveTerm, parseSearch, toFts5Query } from './search-query.ts'

/** What a case's documents can be narrowed to. */
export interface DocumentFilter {
  /** Words, "a phrase", OR, -word (see search-query.ts). */
  readonly text?: string
  /** Part of the sender's name or address. */
  readonly sender?: string
  /** The document's date (ISO date), inclusive. */
  readonly from?: string
  readonly to?: string
  readonly scope?: DocumentScope
  readonly custodian?: string
  readonly limit?: number
  readonly offset?: number
}

export interface DocumentHit {
  readonly document: CaseDocument
  /** The best passage, with each match between U+0001 and U+0002 (the page escapes it, then marks them). */
  readonly snippet: string | null
  readonly page: number | null
}

/** Start and end of a highlighted match in a snippet. */
export const SNIPPET_MARK_START = '\u0001'
export const SNIPPET_MARK_END = '\u0002'

export interface GroupingUpdate {
  readonly id: string
  readonly nearDuplicateOf: string | null
  readonly similarity: number | null
  readonly threadId: string | null
  readonly threadRole: ThreadRole | null
}

type DocumentRow = Selectable<DocumentTable>
type FindingRow = Selectable<DocumentFindingTable>

const toDocument = (row: DocumentRow): CaseDocument => ({
  id: row.id,
  organisationId: row.organisation_id,
  caseId: row.case_id,
  parentId: row.parent_id,
  jobId: row.job_id,
  jobItem: row.job_item,
  name: row.name,
  sha256: row.sha256,
  size: row.size,
  mediaType: row.media_type,
  kind: row.kind as DocumentKind | null,
  status: row.status as CaseDocument['status'],
  problem:
    row.problem_code === null
      ? null
      : { code: row.problem_code as ReadProblemCode, message: row.problem ?? 'The document could not be read' },
  source: row.source,
  custodian: row.custodian,
  title: row.title,
  author: row.author,
  authoredAt: row.authored_at,
  modifiedAt: row.modified_at,
  documentDate: row.document_date,
  emailFrom: row.email_from,
  emailTo: row.email_to === null ? [] : readJsonColumn<string[]>(row.email_to, 'document.email_to'),
  emailSubject: row.email_subject,
  messageId: row.message_id,
  pageCount: row.page_count,
  textLength: row.text_length,
  hidden: readJsonColumn(row.hidden, 'document.hidden'),
  notes: readJsonColumn(row.notes, 'document.notes'),
  email: row.email === null ? null : readJsonColumn(row.email, 'document.email'),
  fingerprint: row.fingerprint,
  duplicateOf: row.duplicate_of,
  nearDuplicateOf: row.near_duplicate_of,
  similarity: row.similarity,
  threadId: row.thread_id,
  threadRole: row.thread_role as ThreadRole | null,
  scope: row.scope as DocumentScope,
  createdAt: row.created_at,
})

const toDocumentRow = (document: CaseDocument): DocumentRow => ({
  id: document.id,
  organisation_id: document.organisationId,
  case_id: document.caseId,
  parent_id: document.parentId,
  job_id: document.jobId,
  job_item: document.jobItem,
  name: document.name,
  sha256: document.sha256,
  size: document.size,
  media_type: document.mediaType,
  kind: document.kind,
  status: document.status,
  problem_code: document.problem?.code ?? null,
  problem: document.problem?.message ?? null,
  source: document.source,
  custodian: document.custodian,
  title: document.title,
  author: document.author,
  authored_at: document.authoredAt,
  modified_at: document.modifiedAt,
  document_date: document.documentDate,
  email_from: document.emailFrom,
  email_to: document.emailTo.length === 0 ? null : JSON.stringify(document.emailTo),
  email_subject: document.emailSubject,
  message_id: document.messageId,
  page_count: document.pageCount,
  text_length: document.textLength,
  hidden: JSON.stringify(document.hidden),
  notes: JSON.stringify(document.notes),
  email: document.email === null ? null : JSON.stringify(document.email),
  fingerprint: document.fingerprint,
  duplicate_of: document.duplicateOf,
  near_duplicate_of: document.nearDuplicateOf,
  similarity: document.similarity,
  thread_id: document.threadId,
  thread_role: document.threadRole,
  scope: document.scope,
  created_at: document.createdAt,
})

/** Words as compact rows: [start, end, x, y, width, height, confidence?]. The text is the page's own slice. */
type WordRow = readonly number[]
const round = (value: number): number => Math.round(value * 100) / 100

const wordsToJson = (words: readonly Word[]): string =>
  JSON.stringify(
    words.map((word): WordRow => {
      const row = [word.start, word.end, round(word.box.x), round(word.box.y), round(word.box.width)]
      row.push(round(word.box.height))
      if (word.confidence !== undefined) row.push(round(word.confidence))
      return row
    }),
  )

const wordsFromJson = (json: string, pageText: string): Word[] =>
  readJsonColumn<WordRow[]>(json, 'document_page.words').map(([start = 0, end = 0, x = 0, y = 0, w = 0, h = 0, c]) => ({
    text: pageText.slice(start, end),
    start,
    end,
    box: { x, y, width: w, height: h },
    ...(c === undefined ? {} : { confidence: c }),
  }))

const toFinding = (row: FindingRow): DocumentFinding => ({
  id: row.id,
  organisationId: row.organisation_id,
  caseId: row.case_id,
  documentId: row.document_id,
  type: row.type as PiiType,
  start: row.start,
  end: row.end,
  text: row.text,
  textKey: row.text_key,
  page: row.page,
  boxes: row.boxes === null ? null : readJsonColumn<Box[]>(row.boxes, 'document_finding.boxes'),
  score: row.score,
  reason: row.reason,
  status: row.status as FindingStatus,
  decidedHow: row.decided_how as DecidedHow | null,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
})

const toFindingRow = (finding: DocumentFinding): FindingRow => ({
  id: finding.id,
  organisation_id: finding.organisationId,
  case_id: finding.caseId,
  document_id: finding.documentId,
  type: finding.type,
  start: finding.start,
  end: finding.end,
  text: finding.text,
  text_key: finding.textKey,
  page: finding.page,
  boxes: finding.boxes === null ? null : JSON.stringify(finding.boxes),
  score: finding.score,
  reason: finding.reason,
  status: finding.status,
  decided_how: finding.decidedHow,
  decided_by: finding.decidedBy,
  decided_at: finding.decidedAt,
})

const escapeLike = (text: string): string => text.replace(/[\\%_]/gu, (character) => `\\${character}`)

export const createDocumentRepository = (db: Kysely<Schema>, dialect: DialectName) => {
  const filtered = (organisationId: string, caseId: string, filter: DocumentFilter) => {
    let query = db
      .selectFrom('document')
      .where('document.organisation_id', '=', organisationId)
      .where('document.case_id', '=', caseId)
    if (filter.sender !== undefined && filter.sender.trim() !== '') {
      const pattern = `%${escapeLike(filter.sender.trim().toLowerCase())}%`
      query = query.where(sql<boolean>`lower(document.email_from) like ${pattern} escape '\\'`)
    }
    if (filter.from !== undefined) query = query.where('document.document_date', '>=', filter.from)
    // The last day included whole: a timestamp on that day sorts after the bare date.
    if (filter.to !== undefined) query = query.where('document.document_date', '<', `${filter.to}\uffff`)
    if (filter.scope !== undefined) query = query.where('document.scope', '=', filter.scope)
    if (filter.custodian !== undefined) query = query.where('document.custodian', '=', filter.custodian)
    return query
  }

  return {
    insert: async (document: CaseDocument): Promise<void> => {
      await db.insertInto('document').values(toDocumentRow(document)).execute()
    },

    insertPages: async (pages: readonly StoredPage[], pageTexts: readonly string[]): Promise<void> => {
      await inBatches(
        pages.map((page, index) => ({ page, text: pageTexts[index] ?? '' })),
        500,
        (batch) =>
          db
            .insertInto('document_page')
            .values(
              batch.map(({ page, text }) => ({
                document_id: page.documentId,
                number: page.number,
                width: page.width,
                height: page.height,
                rotation: page.rotation,
                ocr: page.ocr ? 1 : 0,
                text_offset: page.textOffset,
                text_length: text.length,
                words: wordsToJson(page.words),
              })),
            )
            .execute(),
      )
    },

    insertText: async (segments: readonly TextSegment[]): Promise<void> => {
      await inBatches(segments, 200, (batch) =>
        db
          .insertInto('document_text')
          .values(
            batch.map((segment) => ({
              document_id: segment.documentId,
              case_id: segment.caseId,
              seq: segment.seq,
              page: segment.page,
              text_offset: segment.textOffset,
              text: segment.text,
            })),
          )
          .execute(),
      )
    },

    insertFindings: async (findings: readonly DocumentFinding[]): Promise<void> => {
      await inBatches(findings, 1000, (batch) =>
        db.insertInto('document_finding').values(batch.map(toFindingRow)).execute(),
      )
    },

    get: async (organisationId: string, id: string): Promise<CaseDocument | undefined> => {
      const row = await db
        .selectFrom('document')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row === undefined ? undefined : toDocument(row)
    },

    /** The documents of a case, or those matching a search, newest first (best match first when searching). */
    search: async (organisationId: string, caseId: string, filter: DocumentFilter = {}): Promise<DocumentHit[]> => {
      const limit = Math.min(filter.limit ?? 100, 1000)
      const offset = filter.offset ?? 0
      const terms = parseSearch(filter.text ?? '')
      if (!hasPositiveTerm(terms)) {
        if ((filter.text ?? '').trim() !== '') return []
        const rows = await filtered(organisationId, caseId, filter)
          .selectAll('document')
          .orderBy('document.created_at')
          .orderBy('document.id')
          .limit(limit)
          .offset(offset)
          .execute()
        return rows.map((row) => ({ document: toDocument(row), snippet: null, page: null }))
      }
      // The best-ranked passage of each document, then the documents in that order.
      const passages =
        dialect === 'sqlite'
          ? await sql<{ document_id: string; page: number | null; snippet: string; rank: number }>`
              select t.document_id, t.page,
                snippet(document_text_fts, 0, ${SNIPPET_MARK_START}, ${SNIPPET_MARK_END}, '…', 16) as snippet,
                bm25(document_text_fts) as rank
              from document_text_fts join document_text t on t.id = document_text_fts.rowid
              where document_text_fts match ${toFts5Query(terms)} and t.case_id = ${caseId}
              order by rank limit 5000`.execute(db)
          : await sql<{ document_id: string; page: number | null; snippet: string; rank: number }>`
              select document_id, page,
                ts_headline('english', text, query,
                  ${`StartSel=${SNIPPET_MARK_START}, StopSel=${SNIPPET_MARK_END}, MaxWords=24, MinWords=8, MaxFragments=1`}
                ) as snippet,
                rank
              from (
                select t.document_id, t.page, t.text, q.query, -ts_rank(t.search, q.query) as rank
                from document_text t, websearch_to_tsquery('english', ${filter.text ?? ''}) as q(query)
                where t.search @@ q.query and t.case_id = ${caseId}
                order by rank limit 5000
              ) best`.execute(db)
      const best = new Map<string, { page: number | null; snippet: string; rank: number }>()
      for (const passage of passages.rows) {
        const seen = best.get(passage.document_id)
        if (seen === undefined || passage.rank < seen.rank) best.set(passage.document_id, passage)
      }
      if (best.size === 0) return []
      const ids = [...best.keys()]
      const rows: DocumentRow[] = []
      await inBatches(ids, 500, async (batch) => {
        rows.push(
          ...(await filtered(organisationId, caseId, filter).selectAll('document').where('id', 'in', batch).execute()),
        )
      })
      return rows
        .map((row) => ({ row, passage: best.get(row.id) }))
        .sort((a, b) => (a.passage?.rank ?? 0) - (b.passage?.rank ?? 0) || a.row.id.localeCompare(b.row.id))
        .slice(offset, offset + limit)
        .map(({ row, passage }) => ({
          document: toDocument(row),
          snippet: passage?.snippet ?? null,
          page: passage?.page ?? null,
        }))
    },

    countForCase: async (organisationId: string, caseId: string, status?: CaseDocument['status']): Promise<number> => {
      let query = db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('organisation_id', '=', organisationId)
        .where('case_id', '=', caseId)
      if (status !== undefined) query = query.where('status', '=', status)
      const row = await query.executeTakeFirstOrThrow()
      return Number(row.count)
    },

    /** Every document of a case, for grouping (near-duplicates, threads) and summaries. */
    listForCase: async (organisationId: string, caseId: string): Promise<CaseDocument[]> => {
      const rows = await db
        .selectFrom('document')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toDocument)
    },

    /** The first document in the case with these bytes that was read. */
    findOriginal: async (caseId: string, sha256: string): Promise<CaseDocument | undefined> => {
      const row = await db
        .selectFrom('document')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('sha256', '=', sha256)
        .where('status', '=', 'read')
        .where('duplicate_of', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst()
      return row === undefined ? undefined : toDocument(row)
    },

    /** The top-level document a job made from one of its files, if it got that far. */
    findJobItem: async (jobId: string, item: number): Promise<CaseDocument | undefined> => {
      const row = await db
        .selectFrom('document')
        .selectAll()
        .where('job_id', '=', jobId)
        .where('job_item', '=', item)
        .where('parent_id', 'is', null)
        .executeTakeFirst()
      return row === undefined ? undefined : toDocument(row)
    },

    children: async (organisationId: string, parentId: string): Promise<CaseDocument[]> => {
      const rows = await db
        .selectFrom('document')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('parent_id', '=', parentId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toDocument)
    },

    /** The whole text of a document, put back together from its segments. */
    text: async (documentId: string): Promise<string> => {
      const rows = await db
        .selectFrom('document_text')
        .select(['text', 'text_offset'])
        .where('document_id', '=', documentId)
        .orderBy('seq')
        .execute()
      let text = ''
      for (const row of rows) text = text.padEnd(row.text_offset, '\n') + row.text
      return text
    },

    pages: async (documentId: string): Promise<StoredPage[]> => {
      const [rows, text] = await Promise.all([
        db.selectFrom('document_page').selectAll().where('document_id', '=', documentId).orderBy('number').execute(),
        db
          .selectFrom('document_text')
          .select(['text', 'page'])
          .where('document_id', '=', documentId)
          .where('page', 'is not', null)
          .execute(),
      ])
      const pageText = new Map(text.map((row) => [row.page, row.text]))
      return rows.map((row) => ({
        documentId: row.document_id,
        number: row.number,
        width: row.width,
        height: row.height,
        rotation: row.rotation,
        ocr: Number(row.ocr) === 1 || (row.ocr as unknown) === true,
        textOffset: row.text_offset,
        textLength: row.text_length,
        words: wordsFromJson(row.words, pageText.get(row.number) ?? ''),
      }))
    },

    updateGrouping: async (updates: readonly GroupingUpdate[]): Promise<void> => {
      for (const update of updates) {
        await db
          .updateTable('document')
          .set({
            near_duplicate_of: update.nearDuplicateOf,
            similarity: update.similarity,
            thread_id: update.threadId,
            thread_role: update.threadRole,
          })
          .where('id', '=', update.id)
          .execute()
      }
    },

    setScope: async (organisationId: string, ids: readonly string[], scope: DocumentScope): Promise<number> => {
      if (ids.length === 0) return 0
      const result = await db
        .updateTable('document')
        .set({ scope })
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', ids)
        .executeTakeFirst()
      return Number(result.numUpdatedRows)
    },

    findings: async (
      organisationId: string,
      where: {
        readonly caseId?: string
        readonly documentIds?: readonly string[]
        readonly status?: FindingStatus
        readonly type?: PiiType
        readonly textKey?: string
        readonly limit?: number
      },
    ): Promise<DocumentFinding[]> => {
      let query = db.selectFrom('document_finding').selectAll().where('organisation_id', '=', organisationId)
      if (where.caseId !== undefined) query = query.where('case_id', '=', where.caseId)
      if (where.documentIds !== undefined) {
        if (where.documentIds.length === 0) return []
        query = query.where('document_id', 'in', where.documentIds)
      }
      if (where.status !== undefined) query = query.where('status', '=', where.status)
      if (where.type !== undefined) query = query.where('type', '=', where.type)
      if (where.textKey !== undefined) query = query.where('text_key', '=', where.textKey)
      const rows = await query
        .orderBy('document_id')
        .orderBy('start')
        .limit(where.limit ?? 10_000)
        .execute()
      return rows.map(toFinding)
    },

    getFinding: async (organisationId: string, id: string): Promise<DocumentFinding | undefined> => {
      const row = await db
        .selectFrom('document_finding')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row === undefined ? undefined : toFinding(row)
    },

    decideFindings: async (
      ids: readonly string[],
      decision: { status: FindingStatus; how: DecidedHow | null; by: string | null; at: string | null },
    ): Promise<void> => {
      await inBatches(ids, 500, (batch) =>
        db
          .updateTable('document_finding')
          .set({
            status: decision.status,
            decided_how: decision.how,
            decided_by: decision.by,
            decided_at: decision.at,
          })
          .where('id', 'in', batch)
          .execute(),
      )
    },

    /** Findings by type in a case, and how many are still to review. */
    findingCounts: async (
      organisationId: string,
      caseId: string,
    ): Promise<{ type: PiiType; status: FindingStatus; count: number }[]> => {
      const rows = await db
        .selectFrom('document_finding')
        .select(['type', 'status', (eb) => eb.fn.countAll<number>().as('count')])
        .where('organisation_id', '=', organisationId)
        .where('case_id', '=', caseId)
        .groupBy(['type', 'status'])
        .execute()
      return rows.map((row) => ({
        type: row.type as PiiType,
        status: row.status as FindingStatus,
        count: Number(row.count),
      }))
    },

    remember: async (decision: RememberedDecision): Promise<void> => {
      await db
        .insertInto('finding_decision')
        .values({
          case_id: decision.caseId,
          type: decision.type,
          text_key: decision.textKey,
          decision: decision.decision,
          decided_by: decision.decidedBy,
          decided_at: decision.decidedAt,
        })
        .onConflict((conflict) =>
          conflict.columns(['case_id', 'type', 'text_key']).doUpdateSet({
            decision: decision.decision,
            decided_by: decision.decidedBy,
            decided_at: decision.decidedAt,
          }),
        )
        .execute()
    },

    forget: async (caseId: string, type: PiiType, textKey: string): Promise<void> => {
      await db
        .deleteFrom('finding_decision')
        .where('case_id', '=', caseId)
        .where('type', '=', type)
        .where('text_key', '=', textKey)
        .execute()
    },

    remembered: async (caseId: string): Promise<RememberedDecision[]> => {
      const rows = await db.selectFrom('finding_decision').selectAll().where('case_id', '=', caseId).execute()
      return rows.map((row) => ({
        caseId: row.case_id,
        type: row.type as PiiType,
        textKey: row.text_key,
        decision: row.decision as RememberedDecision['decision'],
        decidedBy: row.decided_by,
        decidedAt: row.decided_at,
      }))
    },
  }
}

export type DocumentRepository = ReturnType<typeof createDocumentRepository>
