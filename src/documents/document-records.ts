import type { PiiType } from './pii/finding.ts'
import type {
  Box,
  DocumentKind,
  EmailHeaders,
  HiddenContent,
  ReadProblem,
  ReadProblemCode,
  Word,
} from './reading/document-reading.ts'

/**
 * What Disclose keeps about the documents gathered for a case: the records the ingestion job writes, the storage
 * reads back and the review pages show.
 */

export type DocumentStatus = 'read' | 'failed'
export type DocumentScope = 'undecided' | 'in-scope' | 'out-of-scope'
export const DOCUMENT_SCOPES: readonly DocumentScope[] = ['undecided', 'in-scope', 'out-of-scope']
export type ThreadRole = 'most-inclusive' | 'covered' | 'also-review'

export interface CaseDocument {
  readonly id: string
  readonly organisationId: string
  readonly caseId: string
  /** The email or archive it came out of. */
  readonly parentId: string | null
  readonly jobId: string | null
  readonly jobItem: number | null
  /** The name as supplied, cleaned of control characters and paths: for display only. */
  readonly name: string
  readonly sha256: string | null
  readonly size: number | null
  readonly mediaType: string | null
  readonly kind: DocumentKind | null
  readonly status: DocumentStatus
  readonly problem: ReadProblem | null
  /** Where it came from: "upload", "disclose ingest", "attachment of …", "in archive …". */
  readonly source: string
  /** Whose it was: the member of staff or the system it was collected from. */
  readonly custodian: string | null
  readonly title: string | null
  readonly author: string | null
  readonly authoredAt: string | null
  readonly modifiedAt: string | null
  /** The date a reviewer goes by: an email's sent date, else the file's modified or created date (ISO 8601). */
  readonly documentDate: string | null
  readonly emailFrom: string | null
  readonly emailTo: readonly string[]
  readonly emailSubject: string | null
  readonly messageId: string | null
  readonly pageCount: number
  readonly textLength: number
  readonly hidden: readonly HiddenContent[]
  readonly notes: readonly string[]
  readonly email: EmailHeaders | null
  /** The near-duplicate fingerprint (MinHash signature), base64. */
  readonly fingerprint: string | null
  /** The first document in the case with the same bytes: an exact duplicate, reviewed there. */
  readonly duplicateOf: string | null
  /** The representative of its near-duplicate group, and its similarity to it (0–1). */
  readonly nearDuplicateOf: string | null
  readonly similarity: number | null
  readonly threadId: string | null
  readonly threadRole: ThreadRole | null
  readonly scope: DocumentScope
  readonly createdAt: string
}

/**
 * A document's fields before anything has been read from it, or when nothing could be: no type, text, dates,
 * people, grouping or scope decided. A failed file, or a copy recorded where it was found, starts from these.
 */
export const NOTHING_READ = {
  mediaType: null,
  kind: null,
  title: null,
  author: null,
  authoredAt: null,
  modifiedAt: null,
  documentDate: null,
  emailFrom: null,
  emailTo: [],
  emailSubject: null,
  messageId: null,
  pageCount: 0,
  textLength: 0,
  hidden: [],
  notes: [],
  email: null,
  fingerprint: null,
  duplicateOf: null,
  nearDuplicateOf: null,
  similarity: null,
  threadId: null,
  threadRole: null,
  scope: 'undecided',
} as const satisfies Partial<CaseDocument>

export interface StoredPage {
  readonly documentId: string
  readonly number: number
  readonly width: number
  readonly height: number
  readonly rotation: number
  readonly ocr: boolean
  /** Where the page's text starts in the document's text, and its length. */
  readonly textOffset: number
  readonly textLength: number
  readonly words: readonly Word[]
}

/** A slice of a document's text as indexed for search: a page, or at most about 50,000 characters. */
export interface TextSegment {
  readonly documentId: string
  readonly caseId: string
  readonly seq: number
  readonly page: number | null
  readonly textOffset: number
  readonly text: string
}

export type FindingStatus = 'pending' | 'accepted' | 'rejected'
export const FINDING_STATUSES: readonly FindingStatus[] = ['pending', 'accepted', 'rejected']
/** reviewer: decided on this finding; duplicate: the same text decided in a duplicate; case: the case's rule. */
export type DecidedHow = 'reviewer' | 'duplicate' | 'case'

export interface DocumentFinding {
  readonly id: string
  readonly organisationId: string
  readonly caseId: string
  readonly documentId: string
  readonly type: PiiType
  /** UTF-16 offsets into the document's text. */
  readonly start: number
  readonly end: number
  readonly text: string
  /** The text folded (case, spacing) to match the same thing in other documents. */
  readonly textKey: string
  readonly page: number | null
  readonly boxes: readonly Box[] | null
  readonly score: number
  readonly reason: string
  readonly status: FindingStatus
  readonly decidedHow: DecidedHow | null
  readonly decidedBy: string | null
  readonly decidedAt: string | null
}

/** A decision the case remembers: every finding of this type and text, now and in documents still to come. */
export interface RememberedDecision {
  readonly caseId: string
  readonly type: PiiType
  readonly textKey: string
  readonly decision: Exclude<FindingStatus, 'pending'>
  readonly decidedBy: string
  readonly decidedAt: string
}

/** Folds a finding's text so that "SW1A 2AA", "sw1a2aa" and "SW1A  2AA" are the same thing. */
export const findingTextKey = (type: PiiType, text: string): string => {
  const lower = text.normalize('NFKC').toLowerCase()
  switch (type) {
    case 'phone':
    case 'postcode':
    case 'national-insurance-number':
    case 'nhs-number':
    case 'driving-licence':
    case 'passport-number':
    case 'vehicle-registration':
    case 'bank-account':
    case 'iban':
    case 'payment-card':
      // Spacing and punctuation are how it was typed, not what it is: +44 is a leading 0.
      return lower.replace(/[^0-9a-z+]/gu, '').replace(/^\+44/u, '0')
    case 'email':
    case 'ip-address':
    case 'date-of-birth':
    case 'person-name':
    case 'postal-address':
      return lower.replace(/\s+/gu, ' ').trim()
  }
}

export type JobKind = 'ingest'
export type JobState = 'queued' | 'running' | 'finished' | 'failed'

/** A file waiting in an ingestion job: kept in the file store before the job was queued. */
export interface IngestItem {
  /** Null when the file was refused before it was stored (too large): the job records why. */
  readonly sha256: string | null
  readonly size: number
  readonly name: string
  readonly source: string
  readonly custodian: string | null
  readonly refused?: { readonly code: ReadProblemCode; readonly message: string }
}

export interface IngestPayload {
  readonly items: readonly IngestItem[]
}

/** What an ingestion found, for the progress bar's end and the CLI's summary. */
export interface IngestSummary {
  /** Documents read, attachments and archive entries included. */
  readonly documents: number
  readonly pages: number
  readonly exactDuplicates: number
  readonly nearDuplicateGroups: number
  readonly threads: number
  readonly findingsByType: Readonly<Partial<Record<PiiType, number>>>
  readonly hiddenContent: number
  readonly failures: readonly { readonly name: string; readonly code: ReadProblemCode; readonly message: string }[]
}

export interface Job {
  readonly id: string
  readonly organisationId: string
  readonly caseId: string | null
  readonly kind: JobKind
  readonly state: JobState
  readonly payload: IngestPayload
  readonly total: number
  readonly done: number
  readonly summary: IngestSummary | null
  readonly error: string | null
  readonly attempts: number
  readonly createdBy: string
  readonly createdAt: string
  readonly startedAt: string | null
  readonly finishedAt: string | null
}

export const emptySummary = (): IngestSummary => ({
  documents: 0,
  pages: 0,
  exactDuplicates: 0,
  nearDuplicateGroups: 0,
  threads: 0,
  findingsByType: {},
  hiddenContent: 0,
  failures: [],
})

/** Someone in the organisation's staff directory. */
export interface DirectoryPerson {
  readonly id: string
  readonly organisationId: string
  readonly name: string
  readonly email: string | null
  readonly jobTitle: string | null
  /** Whose name is released (a senior official): never reported as personal data. */
  readonly released: boolean
}
