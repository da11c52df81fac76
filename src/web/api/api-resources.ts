import type { IsoDate } from '../../domain/calendar/calendar-date.ts'
import type { Role } from '../../domain/access/role.ts'
import type { CaseSummary } from '../../domain/case/case.ts'
import { actionsAvailable, type CaseAction } from '../../domain/case/case-workflow.ts'
import type { Actor } from '../../services/actor.ts'
import { actorMay } from '../../services/actor.ts'
import type { CaseView } from '../../services/cases/case.service.ts'
import type { CheckReport } from '../../domain/decisions/refusal-notice-check.ts'
import type { LetterKind } from '../../domain/letters/letter-document.ts'
import { outcomeLetterKind, type LetterDraft } from '../../services/letters/letter.service.ts'
import type { User } from '../../services/users/user.service.ts'
import type { CaseDocument, DocumentFinding, Job, StoredPage } from '../../documents/document-records.ts'
import type { DocumentDetail, DocumentHit } from '../../services/documents/document.service.ts'

/**
 * How the API shows cases and users: plain JSON with `_links` to where each one lives. A case's `links` field is
 * its links to other cases, so the API's own links go in `_links`.
 */

export const API_BASE = '/api/v1'

export const caseHref = (reference: string): string => `${API_BASE}/cases/${encodeURIComponent(reference)}`
export const userHref = (id: string): string => `${API_BASE}/users/${encodeURIComponent(id)}`

const href = (path: string) => ({ href: path })

/** The ETag of a case: its version, which rises by one with every saved change. */
export const etagOf = (version: number): string => `"${version}"`

/** A case as a list or a search shows it. */
export const caseSummaryResource = (subject: CaseSummary, dueOn: IsoDate | null) => ({
  reference: subject.reference,
  kind: subject.kind,
  regime: subject.regime,
  state: subject.state,
  receivedOn: subject.receivedOn,
  channel: subject.channel,
  dueOn,
  assignedOfficerId: subject.assignedOfficerId,
  team: subject.team,
  respondedOn: subject.respondedOn,
  closedOn: subject.closedOn,
  requestTextPreview: subject.requestText,
  version: subject.version,
  updatedAt: subject.updatedAt,
  _links: { self: href(caseHref(subject.reference)) },
})

/** The actions any of the actor's roles could take on the case now, guards aside. */
const availableActions = (roles: readonly Role[], subject: CaseView['case']): CaseAction[] => {
  const found = new Set(roles.flatMap((role) => actionsAvailable(subject.state, role)))
  return [...found]
}

/**
 * A case with everything an officer works from: the case, who asked (only for roles that may see requesters: the
 * field is absent, not null, for an applicant-blind role), the deadline with its explanation, and the version.
 */
export const caseViewResource = (actor: Actor, view: CaseView) => {
  const { organisationId: _organisationId, ...subject } = view.case
  const self = caseHref(subject.reference)
  return {
    reference: subject.reference,
    version: subject.version,
    case: subject,
    ...(actorMay(actor, 'see-requester') ? { requester: view.requester } : {}),
    deadline: view.deadline,
    clockProblems: view.clockProblems,
    availableActions: availableActions(actor.roles, view.case),
    _links: {
      self: href(self),
      events: href(`${self}/events`),
      export: href(`${self}/export`),
      parts: href(`${self}/parts`),
      links: href(`${self}/links`),
      decisions: href(`${self}/decisions`),
      regime: href(`${self}/regime`),
      transitions: href(`${self}/transitions`),
      check: href(`${self}/check`),
      ...(subject.kind === 'regulator-complaint'
        ? {}
        : { letter: href(`${self}/letters/${outcomeLetterKind(subject)}`) }),
    },
  }
}

export const letterHref = (reference: string, kind: LetterKind): string => `${caseHref(reference)}/letters/${kind}`

/** A letter as the API shows it: the letter as data, its body as editable text, and links to it as files. */
export const letterResource = (reference: string, kind: LetterKind, draft: LetterDraft) => {
  const self = letterHref(reference, kind)
  return {
    kind,
    edited: draft.edited,
    issued: draft.issued,
    markup: draft.markup,
    letter: draft.letter,
    _links: {
      self: href(self),
      html: href(`${self}?format=html`),
      pdf: href(`${self}?format=pdf`),
      docx: href(`${self}?format=docx`),
      case: href(caseHref(reference)),
    },
  }
}

/** The refusal-notice check, with where it came from. */
export const checkResource = (reference: string, report: CheckReport) => ({
  passes: report.passes,
  errors: report.errors,
  warnings: report.warnings,
  findings: report.findings,
  _links: { self: href(`${caseHref(reference)}/check`), case: href(caseHref(reference)) },
})

export const userResource = (user: User) => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  roles: user.roles,
  team: user.team,
  disabled: user.disabled,
  canSignIn: user.canSignIn,
  _links: { self: href(userHref(user.id)) },
})

export const jobHref = (id: string): string => `${API_BASE}/jobs/${encodeURIComponent(id)}`
export const documentHref = (id: string): string => `${API_BASE}/documents/${encodeURIComponent(id)}`
export const findingDecisionHref = (id: string): string => `${API_BASE}/findings/${encodeURIComponent(id)}/decision`

/** A job as a client polls it: its progress and, once finished, what it found. The files' names stay in the job. */
export const jobResource = (job: Job) => ({
  id: job.id,
  kind: job.kind,
  state: job.state,
  done: job.done,
  total: job.total,
  summary: job.summary,
  error: job.error,
  createdBy: job.createdBy,
  createdAt: job.createdAt,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
  _links: { self: href(jobHref(job.id)) },
})

/** A document: everything recorded about it but its fingerprint (an internal detail of near-duplicate grouping). */
export const documentResource = (document: CaseDocument) => {
  const { organisationId: _organisationId, fingerprint: _fingerprint, ...rest } = document
  return {
    ...rest,
    _links: {
      self: href(documentHref(document.id)),
      ...(document.parentId === null ? {} : { parent: href(documentHref(document.parentId)) }),
      ...(document.duplicateOf === null ? {} : { duplicateOf: href(documentHref(document.duplicateOf)) }),
      ...(document.nearDuplicateOf === null ? {} : { nearDuplicateOf: href(documentHref(document.nearDuplicateOf)) }),
    },
  }
}

export const findingResource = (finding: DocumentFinding) => {
  const { organisationId: _organisationId, ...rest } = finding
  return {
    ...rest,
    _links: { document: href(documentHref(finding.documentId)), decision: href(findingDecisionHref(finding.id)) },
  }
}

/**
 * A search hit: the document, and the passage that matched best as plain text with where the matches are in it
 * (UTF-16 offsets), rather than the database's marks.
 */
export const documentHitResource = (hit: DocumentHit) => {
  let snippet: string | null = null
  const highlights: { start: number; end: number }[] = []
  if (hit.snippet !== null) {
    let text = ''
    let start: number | null = null
    for (const character of hit.snippet) {
      if (character === '\u0001') start = text.length
      else if (character === '\u0002') {
        if (start !== null && text.length > start) highlights.push({ start, end: text.length })
        start = null
      } else text += character
    }
    snippet = text
  }
  return { document: documentResource(hit.document), snippet, highlights, page: hit.page }
}

const pageResource = (page: StoredPage, words: boolean) => {
  const { documentId: _documentId, words: pageWords, ...rest } = page
  return words ? { ...rest, words: pageWords } : rest
}

/** A document with its pages, findings and children; its pages' words and its text only when asked for. */
export const documentDetailResource = (detail: DocumentDetail, options: { words: boolean; text: boolean }) => ({
  document: documentResource(detail.document),
  pages: detail.pages.map((page) => pageResource(page, options.words)),
  findings: detail.findings.map(findingResource),
  children: detail.children.map(documentResource),
  ...(options.text ? { text: detail.text } : {}),
  _links: {
    self: href(documentHref(detail.document.id)),
    text: href(`${documentHref(detail.document.id)}?text=true`),
    words: href(`${documentHref(detail.document.id)}?words=true`),
  },
})
