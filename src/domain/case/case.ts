import type { ExemptionDecision } from '../decisions/exemption-decision.ts'
import type { IsoDate } from '../calendar/calendar-date.ts'
import type { Division } from '../calendar/division.ts'
import type { UkCalendar } from '../calendar/uk-calendar.ts'
import type { ClockEvent, DateRange, TimeForCompliance } from '../deadlines/clock-event.ts'
import type { ClockProblem } from '../deadlines/clock-request.ts'
import type { Deadline } from '../deadlines/deadline.ts'
import type { Regime } from '../deadlines/regime.ts'
import { computeResponseDeadline } from '../deadlines/response-deadline.ts'
import { dayNumberOfIso, toIsoDate } from '../calendar/calendar-date.ts'
import { addWorkingDays } from '../calendar/working-day-calendar.ts'
import { calendarScopeFor } from '../deadlines/regime.ts'
import { computeReviewDeadline } from '../deadlines/review-deadlines.ts'
import { ok, type Result } from '../result.ts'
import type { Part } from './part.ts'

/** What a case is: a request, an internal review of one, or a complaint about one to the regulator. */
export const CASE_KINDS = ['request', 'internal-review', 'regulator-complaint'] as const
export type CaseKind = (typeof CASE_KINDS)[number]

export const CASE_KIND_NAMES: Readonly<Record<CaseKind, string>> = {
  request: 'Request',
  'internal-review': 'Internal review',
  'regulator-complaint': 'Complaint to the regulator',
}

/** How the request arrived. Requests under the EIR may be made by telephone (reg 5); the others must be recorded. */
export const CHANNELS = ['web-form', 'email', 'post', 'phone'] as const
export type Channel = (typeof CHANNELS)[number]

export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  'web-form': 'Web form',
  email: 'Email',
  post: 'Post',
  phone: 'Telephone',
}

export const CASE_STATES = [
  'received',
  'in-progress',
  'awaiting-clarification',
  'awaiting-fee',
  'awaiting-approval',
  'approved',
  'responded',
  'closed',
  'withdrawn',
  'lapsed',
] as const
export type CaseState = (typeof CASE_STATES)[number]

export const CASE_STATE_NAMES: Readonly<Record<CaseState, string>> = {
  received: 'Received',
  'in-progress': 'In progress',
  'awaiting-clarification': 'Awaiting clarification',
  'awaiting-fee': 'Awaiting fee',
  'awaiting-approval': 'Awaiting approval',
  approved: 'Approved',
  responded: 'Responded',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
  lapsed: 'Lapsed',
}

/** States in which the authority still owes an answer. */
export const OPEN_STATES: readonly CaseState[] = [
  'received',
  'in-progress',
  'awaiting-clarification',
  'awaiting-fee',
  'awaiting-approval',
  'approved',
]

export const isOpen = (state: CaseState): boolean => OPEN_STATES.includes(state)

/** How one case relates to another. The target may be outside Disclose (an earlier release's log reference). */
export const LINK_KINDS = ['review-of', 'complaint-about', 'repeat-of', 'previous-release', 'related'] as const
export type LinkKind = (typeof LINK_KINDS)[number]

export const LINK_KIND_NAMES: Readonly<Record<LinkKind, string>> = {
  'review-of': 'Internal review of',
  'complaint-about': 'Complaint to the regulator about',
  'repeat-of': 'Repeat of',
  'previous-release': 'Previous release referred to',
  related: 'Related to',
}

export interface CaseLink {
  readonly kind: LinkKind
  readonly reference: string
  readonly note: string
}

/** The clock's inputs; deadlines are derived from these every time, never stored. */
export interface CaseClock {
  readonly events: readonly ClockEvent[]
  readonly timeForCompliance: TimeForCompliance
  readonly schoolClosures: readonly DateRange[]
}

export const STANDARD_CLOCK: CaseClock = { events: [], timeForCompliance: 'standard', schoolClosures: [] }

/** Longest request text Disclose keeps on a case: 1 MB of UTF-8. Longer belongs in a document. */
export const MAX_REQUEST_TEXT_BYTES = 1024 * 1024

export interface Case {
  readonly id: string
  readonly organisationId: string
  readonly reference: string
  readonly kind: CaseKind
  readonly regime: Regime
  readonly state: CaseState
  readonly receivedOn: IsoDate
  readonly channel: Channel
  readonly requestText: string
  /** Null when nobody is recorded, or for applicant-blind views. */
  readonly requesterId: string | null
  readonly assignedOfficerId: string | null
  readonly team: string | null
  readonly clock: CaseClock
  readonly parts: readonly Part[]
  readonly links: readonly CaseLink[]
  /** What was decided about each exemption the parts rely on: one decision an exemption (see `decisions/`). */
  readonly exemptionDecisions: readonly ExemptionDecision[]
  readonly respondedOn: IsoDate | null
  readonly closedOn: IsoDate | null
  /** Rises by one with every saved change; a save against an older version is refused (optimistic concurrency). */
  readonly version: number
  readonly createdAt: string
  readonly updatedAt: string
}

/**
 * The case's deadline, worked out now from its clock: the response for a request, the review for an internal
 * review. A complaint's time limits are the regulator's, so it has none here.
 */
export const deadlineOfCase = (
  uk: UkCalendar,
  nation: Division,
  subject: Pick<Case, 'kind' | 'regime' | 'receivedOn' | 'clock'>,
): Result<Deadline | null, ClockProblem[]> => {
  switch (subject.kind) {
    case 'request':
      return computeResponseDeadline(uk, {
        regime: subject.regime,
        received: subject.receivedOn,
        nation,
        events: subject.clock.events,
        timeForCompliance: subject.clock.timeForCompliance,
        schoolClosures: subject.clock.schoolClosures,
      })
    case 'internal-review': {
      if (subject.regime === 'sar') return ok(null)
      const extended = subject.clock.events.some((event) => event.type === 'extended')
      return computeReviewDeadline(uk, {
        regime: subject.regime,
        clock: 'review',
        from: subject.receivedOn,
        ...(extended ? { extended } : {}),
      })
    }
    case 'regulator-complaint':
      return ok(null)
  }
}

/** A case as lists show it: no parts or links, and the request text cut to its first 300 characters. */
export type CaseSummary = Omit<Case, 'parts' | 'links' | 'exemptionDecisions'>

export const REQUEST_TEXT_PREVIEW_LENGTH = 300

/** The working days a request under each law has, when nothing has stopped or extended its clock. */
const PLAIN_WORKING_DAYS: Readonly<Partial<Record<Regime, number>>> = { foia: 20, eir: 20, foisa: 20 }

/**
 * Just the due date, for lists of many cases: a plain request (no clock events, the standard time) is counted
 * straight off the indexed calendar; anything else goes through the full, explained count. Both give the same date.
 */
export const dueDateOfCase = (
  uk: UkCalendar,
  nation: Division,
  subject: Pick<Case, 'kind' | 'regime' | 'receivedOn' | 'clock'>,
): IsoDate | null => {
  const plain = PLAIN_WORKING_DAYS[subject.regime]
  if (
    subject.kind === 'request' &&
    plain !== undefined &&
    subject.clock.events.length === 0 &&
    subject.clock.timeForCompliance === 'standard'
  ) {
    const due = addWorkingDays(
      uk.workingDays(calendarScopeFor(subject.regime, nation)),
      dayNumberOfIso(subject.receivedOn),
      plain,
    )
    if (due !== undefined) return toIsoDate(due)
  }
  const deadline = deadlineOfCase(uk, nation, subject)
  return deadline.ok && deadline.value !== null ? deadline.value.due : null
}
