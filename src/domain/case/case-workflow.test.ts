import { emptyDecision, type ExemptionDecision } from '../decisions/exemption-decision.ts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ROLES, type Role } from '../access/role.ts'
import { dayNumberOf, isIsoDate, toIsoDate, type IsoDate } from '../calendar/calendar-date.ts'
import type { ClockEvent } from '../deadlines/clock-event.ts'
import { CASE_STATES, STANDARD_CLOCK, type Case, type CaseState } from './case.ts'
import {
  actionsAvailable,
  CASE_ACTIONS,
  decideTransition,
  type CaseAction,
  type RefusalCode,
  type TransitionContext,
} from './case-workflow.ts'
import { OUTCOMES, type Outcome, type Part } from './part.ts'

const iso = (text: string): IsoDate => {
  if (!isIsoDate(text)) throw new Error(`not an ISO date: ${text}`)
  return text
}

const aPart = (overrides: Partial<Part> = {}): Part => ({
  id: 'part-1',
  position: 1,
  question: 'How many laptops did the council buy in 2024?',
  outcome: 'disclosed-in-full',
  publishedLinks: [],
  disclosureLogReference: null,
  transferredTo: null,
  exemptionIds: [],
  documentIds: [],
  explanation: '',
  ...overrides,
})

/** A case every guard lets through: a decided part, and its waiting periods long over by `TODAY`. */
const aCase = (overrides: Partial<Case> = {}): Case => ({
  id: 'case-1',
  organisationId: 'organisation-1',
  reference: 'IC-335210-T7S5',
  kind: 'request',
  regime: 'foia',
  state: 'in-progress',
  receivedOn: iso('2025-01-02'),
  channel: 'email',
  requestText: 'Please send me the number of laptops bought in 2024.',
  requesterId: null,
  assignedOfficerId: 'officer-1',
  team: null,
  clock: {
    ...STANDARD_CLOCK,
    events: [
      { type: 'clarification-requested', on: iso('2025-01-06') },
      { type: 'fee-notice-given', on: iso('2025-01-06') },
    ],
  },
  parts: [aPart()],
  links: [],
  exemptionDecisions: [],
  respondedOn: null,
  closedOn: null,
  version: 1,
  createdAt: '2025-01-02T09:00:00.000Z',
  updatedAt: '2025-01-02T09:00:00.000Z',
  ...overrides,
})

const TODAY = iso('2025-06-02')

const PUBLIC_INTEREST_TEST = {
  forDisclosure: ['Openness'],
  forWithholding: ['Candour'],
  conclusion: 'maintain-exemption' as const,
  reasoning: '',
  decidedOn: iso('2025-05-30'),
}

const asRole = (role: Role, overrides: Partial<TransitionContext> = {}): TransitionContext => ({
  role,
  actorId: 'approver-2',
  today: TODAY,
  submittedBy: 'officer-1',
  letters: {
    reviewProcedureUrl: 'https://authority.example/review',
    complaintUrl: 'https://authority.example/complain',
  },
  ...overrides,
})

const withEvents = (state: CaseState, events: readonly ClockEvent[]): Case =>
  aCase({ state, clock: { ...STANDARD_CLOCK, events } })

/**
 * The workflow as the business describes it, written out independently of `CASE_TRANSITIONS`: for each action,
 * the state it leads to from each state (`.` where the action cannot be taken), and who may take it, one column a
 * role in the order officer (O), applicant-blind officer (B), approver (A), administrator (D), auditor (U).
 */
const WORKFLOW = `
  action                  REC  WIP  CLA  FEE  APP  APD  RES  CLO  WDN  LAP   who
  start-work              WIP  .    .    .    .    .    .    .    .    .     OBAD-
  request-clarification   CLA  CLA  .    .    .    .    .    .    .    .     OBAD-
  receive-clarification   .    .    WIP  .    .    .    .    .    .    .     OBAD-
  issue-fee-notice        FEE  FEE  .    .    .    .    .    .    .    .     OBAD-
  receive-fee             .    .    .    WIP  .    .    .    .    .    .     OBAD-
  submit-for-approval     .    APP  .    .    .    .    .    .    .    .     OBAD-
  approve                 .    .    .    .    APD  .    .    .    .    .     --AD-
  return-for-changes      .    .    .    .    WIP  WIP  .    .    .    .     --AD-
  issue-response          .    .    .    .    .    RES  .    .    .    .     OBAD-
  close                   .    .    .    .    .    .    CLO  .    .    .     OBAD-
  withdraw                WDN  WDN  WDN  WDN  WDN  WDN  .    .    .    .     OBAD-
  lapse                   .    .    LAP  LAP  .    .    .    .    .    .     OBAD-
  reopen                  .    .    .    .    .    .    WIP  WIP  WIP  WIP   ---D-
`

const STATE_CODES: Readonly<Record<string, CaseState>> = {
  REC: 'received',
  WIP: 'in-progress',
  CLA: 'awaiting-clarification',
  FEE: 'awaiting-fee',
  APP: 'awaiting-approval',
  APD: 'approved',
  RES: 'responded',
  CLO: 'closed',
  WDN: 'withdrawn',
  LAP: 'lapsed',
}
const ROLE_CODES: Readonly<Record<Role, string>> = {
  officer: 'O',
  'applicant-blind-officer': 'B',
  approver: 'A',
  administrator: 'D',
  auditor: 'U',
}

interface ExpectedRow {
  readonly action: string
  readonly to: ReadonlyMap<CaseState, CaseState>
  readonly roles: readonly Role[]
}

const readWorkflow = (text: string): { header: CaseState[]; rows: ExpectedRow[] } => {
  const [head = [], ...body] = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
  const stateOf = (code: string): CaseState => {
    const state = STATE_CODES[code]
    if (state === undefined) throw new Error(`unknown state code ${code}`)
    return state
  }
  const header = head.slice(1, -1).map(stateOf)
  const rows = body.map((cells): ExpectedRow => {
    const [action = '', ...rest] = cells
    const who = rest.pop() ?? ''
    if (rest.length !== header.length || who.length !== ROLES.length) throw new Error(`malformed row ${action}`)
    const to = new Map<CaseState, CaseState>()
    rest.forEach((cell, index) => {
      const from = header[index]
      if (cell !== '.' && from !== undefined) to.set(from, stateOf(cell))
    })
    const roles = ROLES.filter((role, index) => {
      const mark = who[index]
      if (mark !== '-' && mark !== ROLE_CODES[role]) throw new Error(`bad role mark ${mark ?? ''} for ${action}`)
      return mark === ROLE_CODES[role]
    })
    return { action, to, roles }
  })
  return { header, rows }
}

const EXPECTED = readWorkflow(WORKFLOW)

type Expectation = { readonly ok: true; readonly to: CaseState } | { readonly ok: false; readonly code: RefusalCode }

const expectationFor = (state: CaseState, action: CaseAction, role: Role): Expectation => {
  const row = EXPECTED.rows.find((candidate) => candidate.action === action)
  if (row === undefined) throw new Error(`no expected row for ${action}`)
  const to = row.to.get(state)
  if (to === undefined) return { ok: false, code: 'not-from-this-state' }
  if (!row.roles.includes(role)) return { ok: false, code: 'role-not-allowed' }
  return { ok: true, to }
}

const EVERY_COMBINATION = CASE_STATES.flatMap((state) =>
  CASE_ACTIONS.flatMap((action) => ROLES.map((role) => [state, action, role] as const)),
)

describe('the expected workflow table', () => {
  it('has a column for every case state, in order', () => {
    expect(EXPECTED.header).toEqual([...CASE_STATES])
  })

  it('has a row for every action, once', () => {
    expect(EXPECTED.rows.map((row) => row.action)).toEqual([...CASE_ACTIONS])
  })

  it('covers all 650 combinations of state, action and role', () => {
    expect(EVERY_COMBINATION).toHaveLength(10 * 13 * 5)
  })
})

describe('moving a case on: every state, action and role', () => {
  it.each(EVERY_COMBINATION)('%s, %s by %s', (state, action, role) => {
    const result = decideTransition(aCase({ state }), action, asRole(role))
    const expected = expectationFor(state, action, role)
    if (expected.ok) {
      expect(result.ok).toBe(true)
      if (result.ok) expect(result.value.to).toBe(expected.to)
    } else {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe(expected.code)
    }
  })

  it('lets an auditor move no case at all', () => {
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        const result = decideTransition(aCase({ state }), action, asRole('auditor'))
        expect(result.ok, `${state}, ${action}`).toBe(false)
      }
    }
  })

  it('lets only an administrator reopen a finished case', () => {
    for (const state of ['responded', 'closed', 'withdrawn', 'lapsed'] as const) {
      expect(ROLES.filter((role) => decideTransition(aCase({ state }), 'reopen', asRole(role)).ok)).toEqual([
        'administrator',
      ])
    }
  })
})

describe('why a move is refused', () => {
  it('says the action does not fit the case’s state', () => {
    expect(decideTransition(aCase({ state: 'in-progress' }), 'approve', asRole('approver'))).toEqual({
      ok: false,
      error: {
        code: 'not-from-this-state',
        message: 'You cannot approve the response while the case is in progress',
      },
    })
    expect(decideTransition(aCase({ state: 'closed' }), 'withdraw', asRole('officer'))).toEqual({
      ok: false,
      error: { code: 'not-from-this-state', message: 'You cannot record as withdrawn while the case is closed' },
    })
  })

  it('checks the state before the role, so an auditor is told the action does not fit', () => {
    const result = decideTransition(aCase({ state: 'received' }), 'approve', asRole('auditor'))
    expect(!result.ok && result.error.code).toBe('not-from-this-state')
  })

  it('tells an officer to ask an approver to approve', () => {
    expect(decideTransition(aCase({ state: 'awaiting-approval' }), 'approve', asRole('officer'))).toEqual({
      ok: false,
      error: { code: 'role-not-allowed', message: 'Your role cannot approve the response: ask an approver' },
    })
  })

  it('tells an approver to ask an administrator to reopen', () => {
    expect(decideTransition(aCase({ state: 'closed' }), 'reopen', asRole('approver'))).toEqual({
      ok: false,
      error: { code: 'role-not-allowed', message: 'Your role cannot reopen the case: ask an administrator' },
    })
  })

  it('tells an auditor that auditors read cases but do not change them', () => {
    expect(decideTransition(aCase({ state: 'received' }), 'start-work', asRole('auditor'))).toEqual({
      ok: false,
      error: {
        code: 'role-not-allowed',
        message: 'Auditors can read cases but not change them, so you cannot start work',
      },
    })
  })

  it('refuses to approve or issue a response that has no parts', () => {
    for (const [state, action] of [
      ['awaiting-approval', 'approve'],
      ['approved', 'issue-response'],
    ] as const) {
      const result = decideTransition(aCase({ state, parts: [] }), action, asRole('administrator'))
      expect(!result.ok && result.error.code, action).toBe('has-parts')
    }
  })
})

describe('the has-parts guard', () => {
  it('refuses to send a case with no parts for approval', () => {
    expect(decideTransition(aCase({ parts: [] }), 'submit-for-approval', asRole('officer'))).toEqual({
      ok: false,
      error: {
        code: 'has-parts',
        message: 'Add at least one part, saying what was asked, before sending for approval',
      },
    })
  })

  it('sends a case with one decided part for approval', () => {
    const result = decideTransition(aCase({ parts: [aPart()] }), 'submit-for-approval', asRole('officer'))
    expect(result.ok && result.value.to).toBe('awaiting-approval')
  })
})

describe('the every-part-decided guard', () => {
  const undecided: readonly (readonly [string, Partial<Part>, string])[] = [
    ['no outcome yet', { outcome: null }, 'Part 1: choose an outcome'],
    [
      'already published, with no link',
      { outcome: 'already-published' },
      'Part 1: add the link to where it is published',
    ],
    [
      'released before, with no disclosure-log reference',
      { outcome: 'released-before' },
      'Part 1: enter the disclosure-log reference of the earlier release',
    ],
    ['transferred, with nowhere named', { outcome: 'transferred' }, 'Part 1: say where it went'],
    [
      'handled under another regime, with none named',
      { outcome: 'handled-under-another-regime' },
      'Part 1: say where it went',
    ],
    [
      'disclosed in part, with no exemption',
      { outcome: 'disclosed-in-part' },
      'Part 1: choose the exemptions relied on',
    ],
    ['withheld, with no exemption', { outcome: 'withheld' }, 'Part 1: choose the exemptions relied on'],
  ]

  /** Each outcome with what it needs: the part's fields, and for a refusal the decision the refusal notice needs. */
  const decided: readonly (readonly [Outcome, Partial<Part>, readonly ExemptionDecision[]])[] = [
    ['disclosed-in-full', {}, []],
    ['not-held', {}, []],
    [
      'neither-confirmed-nor-denied',
      { exemptionIds: ['foia-s31-1-a'] },
      [
        {
          ...emptyDecision('foia-s31-1-a'),
          prejudice: 'would',
          reasons: 'Saying so would reveal an investigation.',
          neitherConfirmNorDeny: true,
          publicInterestTest: PUBLIC_INTEREST_TEST,
        },
      ],
    ],
    [
      'refused-cost-limit',
      { exemptionIds: ['foia-s12'] },
      [
        {
          ...emptyDecision('foia-s12'),
          costEstimate: {
            activities: [{ activity: 'locating', hours: 30, basis: 'every file since 2010' }],
            appropriateLimitPounds: 450,
            aggregatedWith: [],
            adviceAndAssistance: 'Ask for one year instead.',
          },
        },
      ],
    ],
    [
      'refused-vexatious-or-repeated',
      { exemptionIds: ['foia-s14-1'] },
      [{ ...emptyDecision('foia-s14-1'), vexatiousGrounds: 'The fortieth request on one subject this month.' }],
    ],
    [
      'already-published',
      { publishedLinks: [{ title: 'Spending over £500', url: 'https://example.gov.uk/spend', publishedOn: null }] },
      [],
    ],
    ['released-before', { disclosureLogReference: 'IC-311642-V7P8' }, []],
    ['transferred', { transferredTo: 'North Shire Fire and Rescue Service' }, []],
    ['handled-under-another-regime', { transferredTo: 'EIR' }, []],
    [
      'disclosed-in-part',
      { exemptionIds: ['foia-s40-2'] },
      [{ ...emptyDecision('foia-s40-2'), routeCodes: ['3A-a'], reasons: 'Names of junior staff.' }],
    ],
    [
      'withheld',
      { exemptionIds: ['foia-s43-2'] },
      [
        {
          ...emptyDecision('foia-s43-2'),
          prejudice: 'would-be-likely-to',
          reasons: 'It would harm the contractor’s position in the market.',
          publicInterestTest: PUBLIC_INTEREST_TEST,
        },
      ],
    ],
  ]

  const guarded = [
    ['submit-for-approval', 'in-progress'],
    ['approve', 'awaiting-approval'],
    ['issue-response', 'approved'],
  ] as const

  it('has a decided example for every outcome', () => {
    expect(new Set(decided.map(([outcome]) => outcome))).toEqual(new Set(OUTCOMES))
  })

  describe.each(guarded)('to %s from %s', (action, state) => {
    it.each(undecided)('refuses a part %s', (_description, part, message) => {
      const result = decideTransition(aCase({ state, parts: [aPart(part)] }), action, asRole('approver'))
      expect(result).toEqual({ ok: false, error: { code: 'every-part-decided', message } })
    })

    it.each(decided)('accepts a part %s with what it needs', (outcome, part, decisions) => {
      const result = decideTransition(
        aCase({ state, parts: [aPart({ outcome, ...part })], exemptionDecisions: decisions }),
        action,
        asRole('approver'),
      )
      expect(result.ok).toBe(true)
    })
  })

  it('lists every part’s problem, numbered, in one message', () => {
    const parts = [
      aPart({ id: 'part-1', position: 1 }),
      aPart({ id: 'part-2', position: 2, outcome: null }),
      aPart({ id: 'part-3', position: 3, outcome: 'withheld' }),
    ]
    expect(decideTransition(aCase({ parts }), 'submit-for-approval', asRole('officer'))).toEqual({
      ok: false,
      error: {
        code: 'every-part-decided',
        message: 'Part 2: choose an outcome; Part 3: choose the exemptions relied on',
      },
    })
  })
})

describe('the refusal-notice-complete guard', () => {
  const withheld = aPart({ outcome: 'withheld', exemptionIds: ['foia-s43-2'] })
  const noTest = { ...emptyDecision('foia-s43-2'), prejudice: 'would' as const, reasons: 'Commercial harm.' }

  it.each([
    ['approve', 'awaiting-approval'],
    ['issue-response', 'approved'],
  ] as const)(
    'refuses to %s a refusal that is not a complete refusal notice, saying what is missing',
    (action, state) => {
      const result = decideTransition(
        aCase({ state, parts: [withheld], exemptionDecisions: [noTest] }),
        action,
        asRole(action === 'approve' ? 'approver' : 'officer'),
      )
      expect(!result.ok && result.error.code).toBe('refusal-notice-complete')
      expect(!result.ok && result.error.message).toContain(
        'Section 43(2) is qualified: record the public interest test',
      )
    },
  )

  it('lets a response with gaps go for approval, so that the approver sees what the check says', () => {
    const result = decideTransition(
      aCase({ state: 'in-progress', parts: [withheld], exemptionDecisions: [noTest] }),
      'submit-for-approval',
      asRole('officer'),
    )
    expect(result.ok).toBe(true)
  })

  it('refuses approval of a refusal while the organisation gives no review procedure', () => {
    const complete = { ...noTest, publicInterestTest: PUBLIC_INTEREST_TEST }
    const result = decideTransition(
      aCase({ state: 'awaiting-approval', parts: [withheld], exemptionDecisions: [complete] }),
      'approve',
      asRole('approver', { letters: { reviewProcedureUrl: '', complaintUrl: '' } }),
    )
    expect(!result.ok && result.error.message).toContain('review procedure')
  })
})

describe('the approver-did-not-submit guard', () => {
  const awaiting = aCase({ state: 'awaiting-approval' })

  it.each(['approver', 'administrator'] as const)('stops an %s approving what they sent for approval', (role) => {
    expect(decideTransition(awaiting, 'approve', asRole(role, { actorId: 'user-7', submittedBy: 'user-7' }))).toEqual({
      ok: false,
      error: {
        code: 'approver-did-not-submit',
        message: 'Someone other than the person who sent the response for approval must approve it',
      },
    })
  })

  it('lets a second person approve', () => {
    const result = decideTransition(
      awaiting,
      'approve',
      asRole('approver', { actorId: 'user-8', submittedBy: 'user-7' }),
    )
    expect(result.ok && result.value.to).toBe('approved')
  })

  it('lets an approver approve when nobody is recorded as having sent it', () => {
    const result = decideTransition(awaiting, 'approve', asRole('approver', { actorId: 'user-8', submittedBy: null }))
    expect(result.ok).toBe(true)
  })

  it('does not stop the person who sent it from returning it for changes', () => {
    const context = asRole('approver', { actorId: 'user-7', submittedBy: 'user-7' })
    expect(decideTransition(awaiting, 'return-for-changes', context).ok).toBe(true)
  })

  it('checks the parts before who sent it', () => {
    const subject = aCase({ state: 'awaiting-approval', parts: [aPart({ outcome: null })] })
    const result = decideTransition(
      subject,
      'approve',
      asRole('approver', { actorId: 'user-7', submittedBy: 'user-7' }),
    )
    expect(!result.ok && result.error.code).toBe('every-part-decided')
  })
})

describe('the waiting-period-over guard', () => {
  const lapse = (subject: Case, today: string) =>
    decideTransition(subject, 'lapse', asRole('officer', { today: iso(today) }))

  describe.each([
    ['awaiting-fee', 'fee-notice-given', 'fees notice'],
    ['awaiting-clarification', 'clarification-requested', 'request for clarification'],
  ] as const)('while %s', (state, type, named) => {
    const waiting = withEvents(state, [{ type, on: iso('2025-01-08') }])

    it.each([
      ['2025-01-08', 'the day it was sent'],
      ['2025-04-07', 'the last day of the three months beginning with the day it was sent'],
    ])('does not let the request lapse on %s (%s)', (today) => {
      expect(lapse(waiting, today)).toEqual({
        ok: false,
        error: {
          code: 'waiting-period-over',
          message: `The request can lapse only from Tuesday 8 April 2025, when 3 months have passed since the ${named}`,
        },
      })
    })

    it('lets the request lapse on the same date three months on, when the three months have run out', () => {
      const result = lapse(waiting, '2025-04-08')
      expect(result.ok && result.value.to).toBe('lapsed')
    })

    it('counts three months to the end of a shorter month', () => {
      const fromEndOfNovember = withEvents(state, [{ type, on: iso('2024-11-30') }])
      expect(lapse(fromEndOfNovember, '2025-02-28').ok).toBe(false)
      expect(lapse(fromEndOfNovember, '2025-03-01').ok).toBe(true)
      const inLeapYear = withEvents(state, [{ type, on: iso('2023-11-30') }])
      expect(lapse(inLeapYear, '2024-02-29').ok).toBe(false)
      expect(lapse(inLeapYear, '2024-03-01').ok).toBe(true)
    })

    it('counts from the latest one when there were several', () => {
      const twice = withEvents(state, [
        { type, on: iso('2024-06-03') },
        { type, on: iso('2025-01-08') },
      ])
      expect(lapse(twice, '2025-04-07').ok).toBe(false)
      expect(lapse(twice, '2025-04-08').ok).toBe(true)
    })
  })

  it('waits on the fees notice, not an older request for clarification, while awaiting the fee', () => {
    const subject = withEvents('awaiting-fee', [
      { type: 'clarification-requested', on: iso('2024-01-08') },
      { type: 'clarification-received', on: iso('2024-01-15') },
      { type: 'fee-notice-given', on: iso('2025-01-08') },
    ])
    expect(lapse(subject, '2025-04-07').ok).toBe(false)
  })

  it('waits on the request for clarification, not an older fees notice, while awaiting clarification', () => {
    const subject = withEvents('awaiting-clarification', [
      { type: 'fee-notice-given', on: iso('2024-01-08') },
      { type: 'fee-received', on: iso('2024-01-15') },
      { type: 'clarification-requested', on: iso('2025-01-08') },
    ])
    expect(lapse(subject, '2025-04-07').ok).toBe(false)
  })

  it('does not let a request lapse when nobody recorded when the request for clarification was sent', () => {
    expect(lapse(withEvents('awaiting-clarification', []), '2025-01-09')).toEqual({
      ok: false,
      error: {
        code: 'waiting-period-over',
        message:
          'There is no record of when the request for clarification was sent: record its date on the case’s clock first',
      },
    })
  })
})

describe('what a move records', () => {
  const clockEvents: readonly (readonly [CaseAction, CaseState, ClockEvent['type']])[] = [
    ['request-clarification', 'received', 'clarification-requested'],
    ['request-clarification', 'in-progress', 'clarification-requested'],
    ['receive-clarification', 'awaiting-clarification', 'clarification-received'],
    ['issue-fee-notice', 'received', 'fee-notice-given'],
    ['issue-fee-notice', 'in-progress', 'fee-notice-given'],
    ['receive-fee', 'awaiting-fee', 'fee-received'],
  ]

  it.each(clockEvents)('records %s from %s as a %s clock event on the day', (action, state, type) => {
    const result = decideTransition(aCase({ state }), action, asRole('officer', { today: iso('2025-02-03') }))
    expect(result.ok && result.value.clockEvent).toEqual({ type, on: '2025-02-03' })
  })

  it('records no clock event for any other move', () => {
    for (const [state, action, role] of EVERY_COMBINATION) {
      if (clockEvents.some(([withEvent]) => withEvent === action)) continue
      const result = decideTransition(aCase({ state }), action, asRole(role))
      if (result.ok) expect(result.value.clockEvent, `${state}, ${action}`).toBeNull()
    }
  })

  it('sets the response date when the response is issued', () => {
    const result = decideTransition(aCase({ state: 'approved' }), 'issue-response', asRole('officer'))
    expect(result).toEqual({
      ok: true,
      value: { to: 'responded', clockEvent: null, respondedOn: TODAY, closedOn: null },
    })
  })

  it('sets the closing date when the case is closed, keeping the response date', () => {
    const responded = aCase({ state: 'responded', respondedOn: iso('2025-05-20') })
    expect(decideTransition(responded, 'close', asRole('officer'))).toEqual({
      ok: true,
      value: { to: 'closed', clockEvent: null, respondedOn: '2025-05-20', closedOn: TODAY },
    })
  })

  it('clears the closing date when the case is reopened, keeping the date of the earlier response', () => {
    const closed = aCase({ state: 'closed', respondedOn: iso('2025-05-20'), closedOn: iso('2025-05-21') })
    expect(decideTransition(closed, 'reopen', asRole('administrator'))).toEqual({
      ok: true,
      value: { to: 'in-progress', clockEvent: null, respondedOn: '2025-05-20', closedOn: null },
    })
  })

  it('leaves both dates as they were for every other move', () => {
    const respondedOn = iso('2025-05-20')
    const closedOn = iso('2025-05-21')
    for (const [state, action, role] of EVERY_COMBINATION) {
      if (action === 'issue-response' || action === 'close' || action === 'reopen') continue
      const result = decideTransition(aCase({ state, respondedOn, closedOn }), action, asRole(role))
      if (result.ok) {
        expect(result.value.respondedOn, `${state}, ${action}`).toBe(respondedOn)
        expect(result.value.closedOn, `${state}, ${action}`).toBe(closedOn)
      }
    }
  })
})

describe('deciding a move never throws', () => {
  // A record keyed by every code, so a new guard that is not listed here fails to compile instead of failing at random.
  const EVERY_REFUSAL_CODE: Readonly<Record<RefusalCode, true>> = {
    'not-from-this-state': true,
    'role-not-allowed': true,
    'has-parts': true,
    'every-part-decided': true,
    'approver-did-not-submit': true,
    'waiting-period-over': true,
    'refusal-notice-complete': true,
  }
  const REFUSAL_CODES = Object.keys(EVERY_REFUSAL_CODE)
  const day = fc.integer({ min: dayNumberOf(1990, 1, 1), max: dayNumberOf(2100, 12, 31) }).map(toIsoDate)
  const part = fc.record({
    outcome: fc.option(fc.constantFrom(...OUTCOMES)),
    publishedLinks: fc.constantFrom<Part['publishedLinks']>(
      [],
      [{ title: 'Published', url: 'https://example.gov.uk/', publishedOn: null }],
    ),
    disclosureLogReference: fc.option(fc.constant('IC-311642-V7P8')),
    transferredTo: fc.option(fc.constant('Another authority')),
    exemptionIds: fc.constantFrom<readonly string[]>([], ['foia-s40-2']),
  })
  const event = fc.record({
    type: fc.constantFrom('clarification-requested', 'clarification-received', 'fee-notice-given', 'fee-received'),
    on: day,
  })
  const person = fc.constantFrom('user-1', 'user-2')

  it('returns an outcome or a refusal for any case, action, role and day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_STATES),
        fc.constantFrom(...CASE_ACTIONS),
        fc.constantFrom(...ROLES),
        fc.array(part, { maxLength: 4 }),
        fc.array(event, { maxLength: 5 }),
        day,
        person,
        fc.option(person),
        (state, action, role, parts, events, today, actorId, submittedBy) => {
          const subject = aCase({
            state,
            parts: parts.map((fields, index) => aPart({ ...fields, id: `part-${index + 1}`, position: index + 1 })),
            clock: { ...STANDARD_CLOCK, events },
          })
          const result = decideTransition(subject, action, asRole(role, { actorId, today, submittedBy }))
          if (result.ok) {
            expect(CASE_STATES).toContain(result.value.to)
          } else {
            expect(REFUSAL_CODES).toContain(result.error.code)
            expect(result.error.message).not.toBe('')
          }
        },
      ),
    )
  })
})

describe('the actions a page offers', () => {
  it.each([
    ['received', 'officer', ['start-work', 'request-clarification', 'issue-fee-notice', 'withdraw']],
    [
      'in-progress',
      'applicant-blind-officer',
      ['request-clarification', 'issue-fee-notice', 'submit-for-approval', 'withdraw'],
    ],
    ['awaiting-approval', 'officer', ['withdraw']],
    ['awaiting-approval', 'approver', ['approve', 'return-for-changes', 'withdraw']],
    ['approved', 'officer', ['issue-response', 'withdraw']],
    ['approved', 'administrator', ['return-for-changes', 'issue-response', 'withdraw']],
    ['awaiting-fee', 'officer', ['receive-fee', 'withdraw', 'lapse']],
    ['responded', 'officer', ['close']],
    ['responded', 'administrator', ['close', 'reopen']],
    ['closed', 'approver', []],
    ['lapsed', 'administrator', ['reopen']],
    ['received', 'auditor', []],
  ] as const)('offers, on a case %s, an %s: %j', (state, role, actions) => {
    expect(actionsAvailable(state, role)).toEqual(actions)
  })

  it.each(CASE_STATES.flatMap((state) => ROLES.map((role) => [state, role] as const)))(
    'offers, on a case %s, an %s exactly what the table allows',
    (state, role) => {
      const allowed = CASE_ACTIONS.filter((action) => expectationFor(state, action, role).ok)
      expect(actionsAvailable(state, role)).toEqual(allowed)
    },
  )

  it('offers sending for approval before the guards are met, so the refusal can say what is missing', () => {
    expect(actionsAvailable('in-progress', 'officer')).toContain('submit-for-approval')
    const result = decideTransition(aCase({ parts: [] }), 'submit-for-approval', asRole('officer'))
    expect(!result.ok && result.error.code).toBe('has-parts')
  })
})
