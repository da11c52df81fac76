import { addCalendarMonths, dayNumberOfIso, formatLongDate, type IsoDate } from '../calendar/calendar-date.ts'
import type { ClockEvent } from '../deadlines/clock-event.ts'
import type { Role } from '../access/role.ts'
import { fail, ok, type Result } from '../result.ts'
import { CASE_STATE_NAMES, OPEN_STATES, type Case, type CaseState } from './case.ts'
import { checkPartIsDecided } from './part.ts'
import { checkRefusalNotice } from '../decisions/refusal-notice-check.ts'
import type { LetterSettings } from './organisation.ts'

/** What someone can do to move a case on. */
export const CASE_ACTIONS = [
  'start-work',
  'request-clarification',
  'receive-clarification',
  'issue-fee-notice',
  'receive-fee',
  'submit-for-approval',
  'approve',
  'return-for-changes',
  'issue-response',
  'close',
  'withdraw',
  'lapse',
  'reopen',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export const CASE_ACTION_NAMES: Readonly<Record<CaseAction, string>> = {
  'start-work': 'Start work',
  'request-clarification': 'Ask for clarification',
  'receive-clarification': 'Record clarification',
  'issue-fee-notice': 'Send a fees notice',
  'receive-fee': 'Record the fee as paid',
  'submit-for-approval': 'Send for approval',
  approve: 'Approve the response',
  'return-for-changes': 'Return for changes',
  'issue-response': 'Issue the response',
  close: 'Close the case',
  withdraw: 'Record as withdrawn',
  lapse: 'Record as lapsed',
  reopen: 'Reopen the case',
}

/** Named conditions a transition must meet beyond the state and role. */
export type GuardName =
  'has-parts' | 'every-part-decided' | 'approver-did-not-submit' | 'waiting-period-over' | 'refusal-notice-complete'

export interface Transition {
  readonly from: readonly CaseState[]
  readonly action: CaseAction
  readonly to: CaseState
  readonly roles: readonly Role[]
  readonly guards: readonly GuardName[]
  /** The clock event the transition records, if any, on the day it is made. */
  readonly clockEvent?: 'clarification-requested' | 'clarification-received' | 'fee-notice-given' | 'fee-received'
}

const CASEWORKERS: readonly Role[] = ['officer', 'applicant-blind-officer', 'approver', 'administrator']
const APPROVERS: readonly Role[] = ['approver', 'administrator']
const BEFORE_RESPONSE: readonly CaseState[] = ['received', 'in-progress']

/** The whole workflow: state × action → state, who may do it, and what must be true. */
export const CASE_TRANSITIONS: readonly Transition[] = [
  { from: ['received'], action: 'start-work', to: 'in-progress', roles: CASEWORKERS, guards: [] },
  {
    from: BEFORE_RESPONSE,
    action: 'request-clarification',
    to: 'awaiting-clarification',
    roles: CASEWORKERS,
    guards: [],
    clockEvent: 'clarification-requested',
  },
  {
    from: ['awaiting-clarification'],
    action: 'receive-clarification',
    to: 'in-progress',
    roles: CASEWORKERS,
    guards: [],
    clockEvent: 'clarification-received',
  },
  {
    from: BEFORE_RESPONSE,
    action: 'issue-fee-notice',
    to: 'awaiting-fee',
    roles: CASEWORKERS,
    guards: [],
    clockEvent: 'fee-notice-given',
  },
  {
    from: ['awaiting-fee'],
    action: 'receive-fee',
    to: 'in-progress',
    roles: CASEWORKERS,
    guards: [],
    clockEvent: 'fee-received',
  },
  {
    from: ['in-progress'],
    action: 'submit-for-approval',
    to: 'awaiting-approval',
    roles: CASEWORKERS,
    guards: ['has-parts', 'every-part-decided'],
  },
  {
    from: ['awaiting-approval'],
    action: 'approve',
    to: 'approved',
    roles: APPROVERS,
    guards: ['has-parts', 'every-part-decided', 'refusal-notice-complete', 'approver-did-not-submit'],
  },
  {
    from: ['awaiting-approval', 'approved'],
    action: 'return-for-changes',
    to: 'in-progress',
    roles: APPROVERS,
    guards: [],
  },
  {
    from: ['approved'],
    action: 'issue-response',
    to: 'responded',
    roles: CASEWORKERS,
    guards: ['has-parts', 'every-part-decided', 'refusal-notice-complete'],
  },
  { from: ['responded'], action: 'close', to: 'closed', roles: CASEWORKERS, guards: [] },
  { from: OPEN_STATES, action: 'withdraw', to: 'withdrawn', roles: CASEWORKERS, guards: [] },
  {
    from: ['awaiting-clarification', 'awaiting-fee'],
    action: 'lapse',
    to: 'lapsed',
    roles: CASEWORKERS,
    guards: ['waiting-period-over'],
  },
  {
    from: ['responded', 'closed', 'withdrawn', 'lapsed'],
    action: 'reopen',
    to: 'in-progress',
    roles: ['administrator'],
    guards: [],
  },
]

/** What a guard needs to know beyond the case. */
export interface TransitionContext {
  readonly role: Role
  readonly actorId: string
  /** The day the transition is made, in the authority's time zone. */
  readonly today: IsoDate
  /** Who sent the case for approval most recently, if anyone. */
  readonly submittedBy: string | null
  /** The organisation's letter settings: a refusal must give its review procedure. */
  readonly letters: Pick<LetterSettings, 'reviewProcedureUrl' | 'complaintUrl'>
}

export type RefusalCode = 'not-from-this-state' | 'role-not-allowed' | GuardName

/** Why a transition was refused, in words to show the person who tried. */
export interface TransitionRefusal {
  readonly code: RefusalCode
  readonly message: string
}

export interface TransitionOutcome {
  readonly to: CaseState
  readonly clockEvent: ClockEvent | null
  /** Set by issue-response: the day the response went. */
  readonly respondedOn: IsoDate | null
  /** Set by close: the day the case was closed. */
  readonly closedOn: IsoDate | null
}

/** The months a request waits for clarification (ICO practice) or a fee (FOIA s9(2)) before it lapses. */
export const WAITING_MONTHS = 3

const lastClockEventOn = (subject: Case, type: ClockEvent['type']): IsoDate | undefined => {
  const found = subject.clock.events.filter((event) => event.type === type)
  const last = found[found.length - 1]
  return last !== undefined && 'on' in last ? last.on : undefined
}

const GUARDS: Readonly<Record<GuardName, (subject: Case, context: TransitionContext) => string | null>> = {
  'has-parts': (subject) =>
    subject.parts.length > 0 ? null : 'Add at least one part, saying what was asked, before sending for approval',
  'every-part-decided': (subject) => {
    const problems = subject.parts.flatMap(checkPartIsDecided)
    return problems.length === 0 ? null : problems.map((problem) => problem.message).join('; ')
  },
  'approver-did-not-submit': (_subject, context) =>
    context.submittedBy === context.actorId
      ? 'Someone other than the person who sent the response for approval must approve it'
      : null,
  'refusal-notice-complete': (subject, context) => {
    const errors = checkRefusalNotice(subject, context.letters).findings.filter(
      (finding) => finding.severity === 'error',
    )
    return errors.length === 0
      ? null
      : `The response is not yet a complete refusal notice: ${errors.map((error) => error.message).join('; ')}`
  },
  'waiting-period-over': (subject, context) => {
    const waitingFor = subject.state === 'awaiting-fee' ? 'fee-notice-given' : 'clarification-requested'
    const named = waitingFor === 'fee-notice-given' ? 'fees notice' : 'request for clarification'
    const since = lastClockEventOn(subject, waitingFor)
    if (since === undefined) {
      return `There is no record of when the ${named} was sent: record its date on the case’s clock first`
    }
    // "Three months beginning with" the day (FOIA s9(2)): the period ends the day before the same date three
    // months on, or on the last day of a shorter month.
    const { day, clamped } = addCalendarMonths(dayNumberOfIso(since), WAITING_MONTHS)
    const lastDayOfWaiting = clamped ? day : day - 1
    return dayNumberOfIso(context.today) > lastDayOfWaiting
      ? null
      : `The request can lapse only from ${formatLongDate(lastDayOfWaiting + 1)}, when ${WAITING_MONTHS} months have passed since the ${named}`
  },
}

export const transitionFor = (action: CaseAction, from: CaseState): Transition | undefined =>
  CASE_TRANSITIONS.find((transition) => transition.action === action && transition.from.includes(from))

/** The actions a role could take on a case now, guards aside: what a page offers as buttons. */
export const actionsAvailable = (state: CaseState, role: Role): CaseAction[] =>
  CASE_ACTIONS.filter((action) => transitionFor(action, state)?.roles.includes(role) === true)

/**
 * Decides whether `action` may move the case on. Never throws: a refusal says why, in words for the person who
 * tried.
 */
export const decideTransition = (
  subject: Case,
  action: CaseAction,
  context: TransitionContext,
): Result<TransitionOutcome, TransitionRefusal> => {
  const transition = transitionFor(action, subject.state)
  if (transition === undefined) {
    return fail({
      code: 'not-from-this-state',
      message: `You cannot ${CASE_ACTION_NAMES[action].toLowerCase()} while the case is ${CASE_STATE_NAMES[
        subject.state
      ].toLowerCase()}`,
    })
  }
  if (!transition.roles.includes(context.role)) {
    const doing = CASE_ACTION_NAMES[action].toLowerCase()
    return fail({
      code: 'role-not-allowed',
      message:
        context.role === 'auditor'
          ? `Auditors can read cases but not change them, so you cannot ${doing}`
          : `Your role cannot ${doing}: ask ${transition.roles.includes('approver') ? 'an approver' : 'an administrator'}`,
    })
  }
  for (const guard of transition.guards) {
    const reason = GUARDS[guard](subject, context)
    if (reason !== null) return fail({ code: guard, message: reason })
  }
  return ok({
    to: transition.to,
    clockEvent: transition.clockEvent === undefined ? null : { type: transition.clockEvent, on: context.today },
    respondedOn: action === 'issue-response' ? context.today : subject.respondedOn,
    closedOn: action === 'close' ? context.today : action === 'reopen' ? null : subject.closedOn,
  })
}
