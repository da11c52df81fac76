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
