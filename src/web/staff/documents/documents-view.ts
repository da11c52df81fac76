import type { IsoDate } from '../../../domain/calendar/calendar-date.ts'
import { readLabelledDate } from '../../../domain/deadlines/clock-request.ts'
import {
  DOCUMENT_SCOPES,
  type CaseDocument,
  type DocumentFinding,
  type DocumentScope,
  type IngestSummary,
  type Job,
} from '../../../documents/document-records.ts'
import { PII_TYPES, type PiiType } from '../../../documents/pii/finding.ts'
import type { DocumentKind, MailAddress } from '../../../documents/reading/document-reading.ts'
import type {
  DocumentCounts,
  DocumentDetail,
  DocumentFilter,
  DocumentHit,
} from '../../../services/documents/document.service.ts'
import { caseHref } from '../cases/case-list-view.ts'
import { formatDayMonthYear, formatTimestamp } from '../cases/dates.ts'

/**
 * The documents pages as plain values: the jobs reading a case's files, the search form and its results (exact
 * duplicates and covered thread messages folded under the document reviewed in their place), and one document with
 * its text, its findings and what was decided about them.
 */

export const PII_TYPE_NAMES: Readonly<Record<PiiType, string>> = {
  email: 'Email address',
  phone: 'Phone number',
  postcode: 'Postcode',
  'national-insurance-number': 'National Insurance number',
  'nhs-number': 'NHS number',
  'driving-licence': 'Driving licence number',
  'passport-number': 'Passport number',
  'vehicle-registration': 'Vehicle registration',
  'bank-account': 'Bank account details',
  iban: 'IBAN',
  'payment-card': 'Payment card number',
  'date-of-birth': 'Date of birth',
  'ip-address': 'IP address',
  'person-name': 'Name of a person',
  'postal-address': 'Postal address',
}

export const DOCUMENT_KIND_NAMES: Readonly<Record<DocumentKind, string>> = {
  pdf: 'PDF',
  image: 'Image',
  docx: 'Word document',
  spreadsheet: 'Spreadsheet',
  csv: 'CSV file',
  email: 'Email',
  archive: 'ZIP archive',
  text: 'Text',
}

export const SCOPE_NAMES: Readonly<Record<DocumentScope, string>> = {
  undecided: 'Not decided',
  'in-scope': 'In scope',
  'out-of-scope': 'Out of scope',
}

/** How many of a thing, in words: "1 file", "1,024 files". */
export const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export const documentsHref = (reference: string): string => `${caseHref(reference)}/documents`
export const documentHref = (reference: string, id: string): string =>
  `${documentsHref(reference)}/${encodeURIComponent(id)}`

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

// Control characters have no place in a page; the snippet's own marks are turned into <mark> before these go.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/**
 * A search snippet as HTML: every character of the document's text escaped first, then each match (between U+0001
 * and U+0002) put in a `<mark>`. An unpaired mark is dropped, so nothing the text holds can open or close a tag.
 */
export const highlightSnippet = (snippet: string): string =>
  escapeHtml(snippet)
    // eslint-disable-next-line no-control-regex -- the snippet's highlight marks are control characters
    .replace(/\u0001([^\u0001\u0002]*)\u0002/g, '<mark>$1</mark>')
    .replace(CONTROL, '')

/** "Reading 3 of 10 files": the words beside a job's progress bar (the page's script writes the same). */
export const jobStatusText = (job: Pick<Job, 'state' | 'done' | 'total' | 'error'>): string => {
  switch (job.state) {
    case 'queued':
      return `Waiting to read ${count(job.total, 'file')}`
    case 'running':
      return `Reading ${job.done.toLocaleString('en-GB')} of ${count(job.total, 'file')}`
    case 'finished':
      return `Finished reading ${count(job.total, 'file')}`
    case 'failed':
      return `Stopped after ${job.done.toLocaleString('en-GB')} of ${count(job.total, 'file')}`
  }
}

const JOB_TAGS: Readonly<Record<Job['state'], { text: string; classes: string }>> = {
  queued: { text: 'Waiting', classes: 'govuk-tag--grey' },
  running: { text: 'Reading', classes: 'govuk-tag--blue' },
  finished: { text: 'Finished', classes: 'govuk-tag--green' },
  failed: { text: 'Stopped', classes: 'govuk-tag--red' },
}

/** What a job found, as rows to show, the personal data by kind, and each file that could not be read. */
export const summaryView = (summary: IngestSummary) => ({
  rows: [
    { key: { text: 'Documents read' }, value: { text: summary.documents.toLocaleString('en-GB') } },
    { key: { text: 'Pages' }, value: { text: summary.pages.toLocaleString('en-GB') } },
    { key: { text: 'Exact duplicates' }, value: { text: summary.exactDuplicates.toLocaleString('en-GB') } },
    { key: { text: 'Near-duplicate groups' }, value: { text: summary.nearDuplicateGroups.toLocaleString('en-GB') } },
    { key: { text: 'Email threads' }, value: { text: summary.threads.toLocaleString('en-GB') } },
    { key: { text: 'Hidden content' }, value: { text: count(summary.hiddenContent, 'place') } },
  ],
  hiddenContent: summary.hiddenContent,
  findings: PII_TYPES.filter((type) => (summary.findingsByType[type] ?? 0) > 0).map((type) => ({
    type: PII_TYPE_NAMES[type],
    count: (summary.findingsByType[type] ?? 0).toLocaleString('en-GB'),
  })),
  failures: summary.failures.map((failure) => ({ name: failure.name, message: failure.message })),
})

/** A job as the documents page shows it: who added the files and when, its progress, and what it found. */
export const jobView = (job: Job, people: ReadonlyMap<string, string>) => ({
  id: job.id,
  anchor: `job-${job.id}`,
  state: job.state,
  tag: JOB_TAGS[job.state],
  underWay: job.state === 'queued' || job.state === 'running',
  done: job.done,
  total: Math.max(job.total, 1),
  statusText: jobStatusText(job),
  added: formatTimestamp(job.createdAt),
  by: people.get(job.createdBy) ?? job.createdBy,
  summary: job.summary === null || job.state === 'queued' ? null : summaryView(job.summary),
  error: job.error,
})

/** The case page's Documents section: how many there are, how many failed, how many findings wait for review. */
export const documentCountsView = (reference: string, counts: DocumentCounts) => ({
  href: documentsHref(reference),
  documents: count(counts.documents, 'document'),
  failed: counts.failed === 0 ? null : `${count(counts.failed, 'file')} could not be read`,
  toReview:
    counts.toReview === 0
      ? counts.findings === 0
        ? 'No personal data found'
        : 'Every finding of personal data reviewed'
      : `${count(counts.toReview, 'finding')} of personal data to review`,
  jobsUnderWay: counts.jobsUnderWay === 0 ? null : `${count(counts.jobsUnderWay, 'upload')} still being read`,
})

// The search form.

const DATE_PARTS = ['day', 'month', 'year'] as const
type DatePart = (typeof DATE_PARTS)[number]

export interface DocumentSearchForm {
  readonly q: string
  readonly sender: string
  readonly from: Readonly<Record<DatePart, string>>
  readonly to: Readonly<Record<DatePart, string>>
  readonly scope: string
  readonly showDuplicates: boolean
  readonly page: number
}

export interface FormError {
  readonly field: string
  readonly text: string
  readonly href: string
}

export const DOCUMENTS_PER_PAGE = 100

const textOf = (query: Record<string, unknown>, name: string): string => {
  const value = query[name]
  return typeof value === 'string' ? value.slice(0, 500) : ''
}

const DATE_LABELS = { from: 'The first date', to: 'The last date' } as const

/** A date typed as day, month and year: undefined when all three are blank, else the date or what is wrong. */
const readDateParts = (
  field: 'from' | 'to',
  parts: Readonly<Record<DatePart, string>>,
): { date?: IsoDate; error?: FormError } => {
  const text = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() }
  const missing = DATE_PARTS.filter((part) => text[part] === '')
  if (missing.length === 3) return {}
  const href = `#${field}-${missing[0] ?? 'day'}`
  if (missing.length > 0) {
    return { error: { field, href, text: `${DATE_LABELS[field]} must include a ${missing.join(' and ')}` } }
  }
  if (!DATE_PARTS.every((part) => /^\d+$/.test(text[part])) || text.year.length !== 4) {
    return { error: { field, href, text: `${DATE_LABELS[field]} must be a real date, like 31 3 2024` } }
  }
  const iso = `${text.year}-${text.month.padStart(2, '0')}-${text.day.padStart(2, '0')}`
  const read = readLabelledDate(DATE_LABELS[field], iso)
  return read.ok ? { date: read.value } : { error: { field, href, text: read.error } }
}

/** Reads the search form from the query string: what was typed (to show again), the filter, and what is wrong. */
export const readDocumentSearch = (
  query: Record<string, unknown>,
): { form: DocumentSearchForm; filter: DocumentFilter; errors: FormError[] } => {
  const dateParts = (field: 'from' | 'to') =>
    Object.fromEntries(DATE_PARTS.map((part) => [part, textOf(query, `${field}-${part}`)])) as Record<DatePart, string>
  const page = /^\d{1,5}$/.test(textOf(query, 'page')) ? Math.max(1, Number(textOf(query, 'page'))) : 1
  const form: DocumentSearchForm = {
    q: textOf(query, 'q'),
    sender: textOf(query, 'sender'),
    from: dateParts('from'),
    to: dateParts('to'),
    scope: (DOCUMENT_SCOPES as readonly string[]).includes(textOf(query, 'scope')) ? textOf(query, 'scope') : '',
    showDuplicates: textOf(query, 'duplicates') === 'show',
    page,
  }
  const from = readDateParts('from', form.from)
  const to = readDateParts('to', form.to)
  const errors = [from.error, to.error].filter((error) => error !== undefined)
  if (from.date !== undefined && to.date !== undefined && to.date < from.date) {
    errors.push({ field: 'to', href: '#to-day', text: 'The last date must be the same as or after the first date' })
  }
  const filter: DocumentFilter = {
    ...(form.q.trim() === '' ? {} : { text: form.q.trim() }),
    ...(form.sender.trim() === '' ? {} : { sender: form.sender.trim() }),
    ...(from.date === undefined ? {} : { from: from.date }),
    ...(to.date === undefined ? {} : { to: to.date }),
    ...(form.scope === '' ? {} : { scope: form.scope as DocumentScope }),
  }
  return { form, filter, errors }
}

/** The query string of a search, for links to another page of results or to show the duplicates. */
export const searchQuery = (form: DocumentSearchForm, changes: { page?: number; showDuplicates?: boolean }): string => {
  const params = new URLSearchParams()
  if (form.q !== '') params.set('q', form.q)
  if (form.sender !== '') params.set('sender', form.sender)
  for (const field of ['from', 'to'] as const) {
    for (const part of DATE_PARTS) if (form[field][part] !== '') params.set(`${field}-${part}`, form[field][part])
  }
  if (form.scope !== '') params.set('scope', form.scope)
  if (changes.showDuplicates ?? form.showDuplicates) params.set('duplicates', 'show')
  const page = changes.page ?? form.page
  if (page > 1) params.set('page', String(page))
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

// The results.

/** One thing said about a document in the results: a tag, or words with a link to another document. */
export interface Flag {
  readonly text: string
  readonly tag?: string
  readonly link?: { readonly href: string; readonly text: string }
  readonly after?: string
}

export interface DocumentRow {
  readonly id: string
  readonly href: string
  readonly name: string
  readonly kind: string
  readonly date: string
  readonly custodian: string
  readonly pages: string
  readonly findings: string
  readonly source: string | null
  readonly snippetHtml: string | null
  readonly flags: readonly Flag[]
  /** Exact duplicates and covered messages shown under this one rather than as rows of their own. */
  readonly folded: readonly { readonly href: string; readonly name: string; readonly why: string }[]
}

const kindName = (document: CaseDocument): string =>
  document.kind === null ? 'Not known' : DOCUMENT_KIND_NAMES[document.kind]

/** The date a reviewer goes by, as a day: "5 March 2024". */
export const documentDay = (document: Pick<CaseDocument, 'documentDate'>): string => {
  const day = document.documentDate?.slice(0, 10)
  return day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDayMonthYear(day as IsoDate) : 'No date'
}

const percent = (similarity: number): string => `${Math.round(similarity * 100)}% similar`

/** What the results say about a document: failed, duplicate, near-duplicate, thread, hidden content, scope. */
const flagsOf = (document: CaseDocument, reference: string, nameOf: (id: string) => string): Flag[] => {
  const flags: Flag[] = []
  const link = (id: string) => ({ href: documentHref(reference, id), text: nameOf(id) })
  if (document.status === 'failed') {
    flags.push({ text: 'Could not be read', tag: 'govuk-tag--red' })
    if (document.problem !== null) flags.push({ text: document.problem.message })
  }
  if (document.hidden.length > 0) flags.push({ text: 'Hidden content', tag: 'govuk-tag--red' })
  if (document.duplicateOf !== null) flags.push({ text: 'Exact duplicate of', link: link(document.duplicateOf) })
  if (document.nearDuplicateOf !== null) {
    flags.push({
      text: 'Near-duplicate of',
      link: link(document.nearDuplicateOf),
      ...(document.similarity === null ? {} : { after: `(${percent(document.similarity)})` }),
    })
  } else if (document.similarity !== null) {
    flags.push({ text: 'Has near-duplicates' })
  }
  if (document.threadRole === 'most-inclusive') flags.push({ text: 'Thread: the most inclusive message' })
  if (document.threadRole === 'covered') flags.push({ text: 'Thread: covered by a later message' })
  if (document.threadRole === 'also-review') flags.push({ text: 'Thread: a branch, also to review' })
  if (document.scope !== 'undecided') {
    flags.push({
      text: SCOPE_NAMES[document.scope],
      tag: document.scope === 'in-scope' ? 'govuk-tag--green' : 'govuk-tag--grey',
    })
  }
  return flags
}

export interface FindingTally {
  readonly total: number
  readonly pending: number
}

/** Findings by document: how many, and how many still to review. */
export const tallyFindings = (findings: readonly DocumentFinding[]): Map<string, FindingTally> => {
  const tally = new Map<string, FindingTally>()
  for (const finding of findings) {
    const seen = tally.get(finding.documentId) ?? { total: 0, pending: 0 }
    tally.set(finding.documentId, {
      total: seen.total + 1,
      pending: seen.pending + (finding.status === 'pending' ? 1 : 0),
    })
  }
  return tally
}

/**
 * The rows of the results. Unless duplicates are shown, an exact duplicate is folded under the document it
 * duplicates, and a message whose text a later one quotes under that later one, when that document is in the results
 * too; otherwise it keeps its own row.
 */
export const documentRows = (input: {
  readonly reference: string
  readonly hits: readonly DocumentHit[]
  readonly showDuplicates: boolean
  readonly findings: ReadonlyMap<string, FindingTally>
  /** Names of documents referred to but not in the results. */
  readonly otherNames: ReadonlyMap<string, string>
}): DocumentRow[] => {
  const { reference, hits } = input
  const byId = new Map(hits.map((hit) => [hit.document.id, hit.document]))
  const nameOf = (id: string) => byId.get(id)?.name ?? input.otherNames.get(id) ?? 'another document'
  const threadHeads = new Map<string, string>()
  for (const { document } of hits) {
    if (document.threadId !== null && document.threadRole === 'most-inclusive' && !threadHeads.has(document.threadId))
      threadHeads.set(document.threadId, document.id)
  }
  const foldedUnder = (document: CaseDocument): { id: string; why: string } | null => {
    if (input.showDuplicates) return null
    if (document.duplicateOf !== null && byId.has(document.duplicateOf)) {
      return { id: document.duplicateOf, why: 'exact duplicate' }
    }
    const head = document.threadId === null ? undefined : threadHeads.get(document.threadId)
    if (document.threadRole === 'covered' && head !== undefined && head !== document.id) {
      return { id: head, why: 'covered by this message' }
    }
    return null
  }
  const folded = new Map<string, { href: string; name: string; why: string }[]>()
  const shown: DocumentHit[] = []
  for (const hit of hits) {
    const under = foldedUnder(hit.document)
    if (under === null) shown.push(hit)
    else {
      const custodian = hit.document.custodian === null ? '' : `, ${hit.document.custodian}`
      folded.set(under.id, [
        ...(folded.get(under.id) ?? []),
        {
          href: documentHref(reference, hit.document.id),
          name: hit.document.name,
          why: `${under.why}${custodian}`,
        },
      ])
    }
  }
  return shown.map(({ document, snippet }) => {
    const tally = input.findings.get(document.duplicateOf ?? document.id)
    return {
      id: document.id,
      href: documentHref(reference, document.id),
      name: document.name,
      kind: kindName(document),
      date: documentDay(document),
      custodian: document.custodian ?? '',
      pages: document.pageCount === 0 ? '' : document.pageCount.toLocaleString('en-GB'),
      findings:
        tally === undefined
          ? '0'
          : tally.pending === 0
            ? tally.total.toLocaleString('en-GB')
            : `${tally.total.toLocaleString('en-GB')} (${tally.pending.toLocaleString('en-GB')} to review)`,
      source: document.parentId === null && document.source === 'Upload' ? null : document.source,
      snippetHtml: snippet === null ? null : highlightSnippet(snippet),
      flags: flagsOf(document, reference, nameOf),
      folded: folded.get(document.id) ?? [],
    }
  })
}

// One document.

/** A stretch of the document's text, and the finding it is, if it is one. */
export interface TextSegment {
  readonly text: string
  readonly finding?: { readonly id: string; readonly type: string; readonly status: string }
}

/** The most text shown on the page: a longer document's text is cut here (its findings are all in the table). */
export const MAX_SHOWN_TEXT = 200_000

/** The text cut into plain stretches and findings, in order; a finding that overlaps the one before is left plain. */
export const textWithFindings = (
  text: string,
  findings: readonly DocumentFinding[],
  limit = MAX_SHOWN_TEXT,
): { segments: TextSegment[]; truncated: boolean } => {
  const shown = text.slice(0, limit)
  const clean = (part: string) => part.replace(/\f/g, '').replace(CONTROL, '')
  const segments: TextSegment[] = []
  let position = 0
  for (const finding of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (finding.start < position || finding.end > shown.length || finding.end <= finding.start) continue
    if (finding.start > position) segments.push({ text: clean(shown.slice(position, finding.start)) })
    segments.push({
      text: clean(shown.slice(finding.start, finding.end)),
      finding: { id: finding.id, type: PII_TYPE_NAMES[finding.type], status: finding.status },
    })
    position = finding.end
  }
  if (position < shown.length) segments.push({ text: clean(shown.slice(position)) })
  return { segments, truncated: text.length > limit }
}

const addressText = (address: MailAddress | undefined): string =>
  address === undefined
    ? ''
    : address.name !== undefined && address.address !== undefined
      ? `${address.name} <${address.address}>`
      : (address.address ?? address.name ?? '')

const sizeText = (bytes: number | null): string | null => {
  if (bytes === null) return null
  if (bytes < 1024) return count(bytes, 'byte')
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`
}

const STATUS_TAGS: Readonly<Record<DocumentFinding['status'], { text: string; classes: string }>> = {
  pending: { text: 'To review', classes: 'govuk-tag--yellow' },
  accepted: { text: 'Accepted', classes: 'govuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--grey' },
}

/** Where a decision came from, in words: the reviewer, the same text in a duplicate, or the case's rule. */
const decisionSource = (finding: DocumentFinding, people: ReadonlyMap<string, string>): string | null => {
  if (finding.decidedHow === null) return null
  const who = finding.decidedBy === null ? 'someone' : (people.get(finding.decidedBy) ?? finding.decidedBy)
  switch (finding.decidedHow) {
    case 'reviewer':
      return `Decided by ${who}`
    case 'duplicate':
      return `Decided by ${who} on the same text in a duplicate, near-duplicate or the same thread`
    case 'case':
      return `The case’s rule for this text, set by ${who}`
  }
}

/** A document's page: what it is, where it came from, what is hidden in it, its text, and its findings. */
export const documentPageView = (input: {
  readonly reference: string
  readonly detail: DocumentDetail
  readonly people: ReadonlyMap<string, string>
  readonly names: ReadonlyMap<string, string>
  readonly mayEdit: boolean
  readonly decided: number | null
}) => {
  const { reference, detail, people } = input
  const { document } = detail
  const link = (id: string) => ({
    href: documentHref(reference, id),
    text: input.names.get(id) ?? 'another document',
  })
  const email = document.email
  const rows = [
    { key: 'Kind', text: kindName(document) },
    { key: 'Source', text: document.source, link: document.parentId === null ? null : link(document.parentId) },
    { key: 'Custodian', text: document.custodian ?? 'Not recorded' },
    { key: 'Date', text: documentDay(document) },
    document.title === null ? null : { key: 'Title', text: document.title },
    document.author === null ? null : { key: 'Author', text: document.author },
    document.pageCount === 0 ? null : { key: 'Pages', text: document.pageCount.toLocaleString('en-GB') },
    sizeText(document.size) === null ? null : { key: 'Size', text: sizeText(document.size) ?? '' },
    document.mediaType === null ? null : { key: 'File type', text: document.mediaType },
    { key: 'Scope', text: SCOPE_NAMES[document.scope] },
    document.duplicateOf === null ? null : { key: 'Exact duplicate of', text: '', link: link(document.duplicateOf) },
    document.nearDuplicateOf === null
      ? null
      : {
          key: 'Near-duplicate of',
          text: document.similarity === null ? '' : `(${percent(document.similarity)})`,
          link: link(document.nearDuplicateOf),
        },
    document.threadRole === null
      ? null
      : {
          key: 'Email thread',
          text:
            document.threadRole === 'most-inclusive'
              ? 'The most inclusive message: review the thread here'
              : document.threadRole === 'covered'
                ? 'Covered: a later message quotes this one'
                : 'A branch of the thread: review this one too',
        },
  ].filter((row) => row !== null)
  const emailRows =
    email === null
      ? []
      : [
          { key: 'From', text: addressText(email.from) },
          { key: 'To', text: email.to.map(addressText).join(', ') },
          email.cc.length === 0 ? null : { key: 'Cc', text: email.cc.map(addressText).join(', ') },
          { key: 'Subject', text: email.subject ?? '' },
          email.sentAt === undefined ? null : { key: 'Sent', text: formatTimestamp(email.sentAt) },
          email.messageId === undefined ? null : { key: 'Message ID', text: email.messageId },
        ].filter((row) => row !== null)
  const text = textWithFindings(detail.text, detail.findings)
  const inText = new Set(
    text.segments.flatMap((segment) => (segment.finding === undefined ? [] : [segment.finding.id])),
  )
  return {
    pageTitle: `${document.name} – ${reference}`,
    activeNavigation: 'cases',
    reference,
    caseHref: caseHref(reference),
    documentsHref: documentsHref(reference),
    selfHref: documentHref(reference, document.id),
    id: document.id,
    name: document.name,
    mayEdit: input.mayEdit,
    decided: input.decided === null ? null : `Decision applied to ${count(input.decided, 'finding')}`,
    failed: document.status === 'failed' ? (document.problem?.message ?? 'Disclose could not read this file') : null,
    hidden: document.hidden.map((item) => ({ sheet: item.sheet, where: item.where, how: item.how })),
    kindIsSpreadsheet: document.kind === 'spreadsheet',
    rows,
    emailRows,
    notes: document.notes,
    scope: document.scope,
    scopes: DOCUMENT_SCOPES.filter((scope) => scope !== document.scope).map((scope) => ({
      value: scope,
      text: scope === 'undecided' ? 'Mark scope as not decided' : `Mark ${SCOPE_NAMES[scope].toLowerCase()}`,
    })),
    duplicateNote:
      document.duplicateOf === null
        ? null
        : 'This is an exact copy: the text and findings below are those of the document it duplicates, reviewed there.',
    children: detail.children.map((child) => ({
      href: documentHref(reference, child.id),
      name: child.name,
      kind: kindName(child),
      failed: child.status === 'failed' ? (child.problem?.message ?? 'Could not be read') : null,
      hidden: child.hidden.length > 0,
    })),
    segments: text.segments,
    truncated: text.truncated ? `The first ${MAX_SHOWN_TEXT.toLocaleString('en-GB')} characters are shown.` : null,
    hasText: detail.text.trim() !== '',
    findings: detail.findings.map((finding) => ({
      id: finding.id,
      type: PII_TYPE_NAMES[finding.type],
      text: finding.text.replace(CONTROL, ''),
      page: finding.page === null ? '' : String(finding.page),
      reason: finding.reason,
      status: finding.status,
      tag: STATUS_TAGS[finding.status],
      source: decisionSource(finding, people),
      inText: inText.has(finding.id),
      actionHref: `${documentHref(reference, document.id)}/findings/${encodeURIComponent(finding.id)}`,
    })),
    findingsToReview: detail.findings.filter((finding) => finding.status === 'pending').length,
  }
}
