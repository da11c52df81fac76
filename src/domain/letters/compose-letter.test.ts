import { describe, expect, it } from 'vitest'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import type { IsoDate } from '../calendar/calendar-date.ts'
import { deadlineOfCase, STANDARD_CLOCK, type Case } from '../case/case.ts'
import { EMPTY_LETTER_SETTINGS, type Organisation } from '../case/organisation.ts'
import type { Part } from '../case/part.ts'
import { emptyDecision, type ExemptionDecision } from '../decisions/exemption-decision.ts'
import { checkRefusalNotice } from '../decisions/refusal-notice-check.ts'
import type { Regime } from '../deadlines/regime.ts'
import { composeLetter, type LetterFacts } from './compose-letter.ts'
import { letterBodyText, type LetterDocument, type LetterKind } from './letter-document.ts'
import { blocksToMarkup, markupToBlocks } from './letter-markup.ts'

const iso = (text: string): IsoDate => text as IsoDate

const ORGANISATION: Organisation = {
  id: 'organisation-1',
  slug: 'north-shire',
  name: 'North Shire Council',
  nation: 'england-and-wales',
  defaultRegime: 'foia',
  referencePattern: 'NSC-######',
  govUkBranding: false,
  letters: {
    ...EMPTY_LETTER_SETTINGS,
    teamName: 'Information Governance Team',
    postalAddress: 'County Hall, Market Street, Northtown NT1 1AA',
    reviewProcedureUrl: 'https://north-shire.example/foi/review',
    complaintUrl: 'https://ico.example/complain',
    privacyNoticeUrl: 'https://north-shire.example/privacy',
  },
}

const aPart = (overrides: Partial<Part> = {}): Part => ({
  id: 'part-1',
  position: 1,
  question: 'Reports on the condition of the river',
  outcome: 'withheld',
  publishedLinks: [],
  disclosureLogReference: null,
  transferredTo: null,
  exemptionIds: [],
  documentIds: [],
  explanation: '',
  ...overrides,
})

const aCase = (regime: Regime, parts: Part[], decisions: ExemptionDecision[], overrides: Partial<Case> = {}): Case => ({
  id: 'case-1',
  organisationId: ORGANISATION.id,
  reference: 'NSC-204117',
  kind: 'request',
  regime,
  state: 'in-progress',
  receivedOn: iso('2024-11-08'),
  channel: 'email',
  requestText: 'Please send me the reports on the river.\n\nAnd <script>alert(1)</script> the emails about them.',
  requesterId: null,
  assignedOfficerId: null,
  team: null,
  clock: STANDARD_CLOCK,
  parts,
  links: [],
  exemptionDecisions: decisions,
  respondedOn: null,
  closedOn: null,
  version: 1,
  createdAt: '2024-11-08T09:00:00.000Z',
  updatedAt: '2024-11-08T09:00:00.000Z',
  ...overrides,
})

const facts = (subject: Case, more: Partial<LetterFacts> = {}): LetterFacts => {
  const deadline = deadlineOfCase(defaultUkCalendar(), 'england-and-wales', subject)
  return {
    case: subject,
    organisation: ORGANISATION,
    requester: {
      id: 'requester-1',
      name: 'Sample Requester',
      email: 'sample@example.org',
      postalAddress: null,
      type: 'journalist',
      erasedAt: null,
    },
    date: iso('2024-12-04'),
    deadline: deadline.ok ? deadline.value : null,
    reviewRequestDue: iso('2025-02-05'),
    ...more,
  }
}

const compose = (subject: Case, kind: LetterKind, more: Partial<LetterFacts> = {}): LetterDocument => {
  const made = composeLetter(facts(subject, more), kind)
  if (!made.ok) throw new Error(made.error.message)
  return made.value
}

const textOf = (letter: LetterDocument): string => letterBodyText(letter.blocks).replace(/\s+/g, ' ')

const PIT = {
  forDisclosure: ['Openness about the state of the river'],
  forWithholding: ['Landowners must be able to report pollution in confidence'],
  conclusion: 'maintain-exemption' as const,
  reasoning: 'The reports name landowners who reported incidents voluntarily.',
  decidedOn: iso('2024-12-02'),
}

describe('an EIR refusal', () => {
  const subject = aCase(
    'eir',
    [aPart({ exemptionIds: ['eir-r12-5-f'] })],
    [
      {
        ...emptyDecision('eir-r12-5-f'),
        prejudice: 'would',
        reasons: 'The landowners gave the information voluntarily and have not consented to its release.',
        publicInterestTest: PIT,
      },
    ],
  )

  it('cites the regulation, the adverse effect and the public interest on both sides, and passes the check', () => {
    const text = textOf(compose(subject, 'response'))
    expect(text).toContain('Environmental Information Regulations 2004 (EIR)')
    expect(text).toContain('regulation 12(5)(f)')
    expect(text).toContain('would adversely affect')
    expect(text).toContain('Openness about the state of the river')
    expect(text).toContain('Landowners must be able to report pollution in confidence')
    expect(text).toContain('the public interest in withholding the information outweighs')
    expect(text).toContain('EIR regulation 18')
    expect(checkRefusalNotice(subject, ORGANISATION.letters).passes).toBe(true)
  })
})

describe('a FOISA refusal', () => {
  const subject = aCase(
    'foisa',
    [aPart({ exemptionIds: ['foisa-s30-b-i'] })],
    [
      {
        ...emptyDecision('foisa-s30-b-i'),
        prejudice: 'would-be-likely-to',
        reasons: 'Officials must be able to give free and frank advice on the options.',
        publicInterestTest: PIT,
      },
    ],
  )

  it('names FOISA, substantial prejudice, the review under section 20 and the Scottish Information Commissioner', () => {
    const text = textOf(compose(subject, 'response'))
    expect(text).toContain('Freedom of Information (Scotland) Act 2002 (FOISA)')
    expect(text).toContain('section 30(b)(i)')
    expect(text).toContain('substantially')
    expect(text).toContain('Scottish Information Commissioner')
    expect(text).toContain('FOISA section 47')
    expect(text).toContain('review')
    expect(checkRefusalNotice(subject, ORGANISATION.letters).passes).toBe(true)
  })
})

describe('a section 12 refusal', () => {
  const decision: ExemptionDecision = {
    ...emptyDecision('foia-s12'),
    costEstimate: {
      activities: [
        { activity: 'locating', hours: 14, basis: 'about 840 case files in the archive at a minute each' },
        { activity: 'extracting', hours: 7, basis: 'reading each file for the figures' },
      ],
      appropriateLimitPounds: 450,
      aggregatedWith: ['NSC-203999'],
      adviceAndAssistance: 'We could answer for the last twelve months within the limit, if you narrow your request.',
    },
  }
  const subject = aCase('foia', [aPart({ outcome: 'refused-cost-limit', exemptionIds: ['foia-s12'] })], [decision])

  it('gives the estimate by activity, the total over the limit, the aggregation and the advice and assistance', () => {
    const text = textOf(compose(subject, 'response'))
    expect(text).toContain('section 12')
    expect(text).toContain('Locating the information: 14 hours (about 840 case files')
    expect(text).toContain('Extracting the information: 7 hours')
    expect(text).toContain(
      'In total that is 21 hours, or £525, which is more than the appropriate limit of £450 (18 hours)',
    )
    expect(text).toContain('NSC-203999')
    expect(text).toContain('Advice and assistance')
    expect(text).toContain('narrow your request')
    expect(text).not.toContain('public interest test')
    expect(checkRefusalNotice(subject, ORGANISATION.letters).passes).toBe(true)
  })

  it('is caught by the check without advice and assistance', () => {
    const silent = { ...decision, costEstimate: { ...decision.costEstimate!, adviceAndAssistance: '' } }
    const report = checkRefusalNotice({ ...subject, exemptionDecisions: [silent] }, ORGANISATION.letters)
    expect(report.findings.map((finding) => finding.rule)).toContain('advice-and-assistance')
  })
})

describe('a neither-confirm-nor-deny response', () => {
  const subject = aCase(
    'foia',
    [aPart({ outcome: 'neither-confirmed-nor-denied', exemptionIds: ['foia-s31-1-a'] })],
    [
      {
        ...emptyDecision('foia-s31-1-a'),
        prejudice: 'would-be-likely-to',
        neitherConfirmNorDeny: true,
        reasons: 'Confirming whether we hold such reports would reveal whether an investigation is under way.',
        publicInterestTest: PIT,
      },
    ],
  )

  it('neither confirms nor denies, citing the provision that allows it, and weighs the public interest in saying so', () => {
    const text = textOf(compose(subject, 'response'))
    expect(text).toContain('We can neither confirm nor deny whether we hold')
    expect(text).toContain('section 31(3)')
    expect(text).toContain('the public interest in maintaining the exclusion of the duty to confirm or deny outweighs')
    expect(text).not.toContain('We hold this information')
    expect(checkRefusalNotice(subject, ORGANISATION.letters).passes).toBe(true)
  })
})

describe('letters of each kind', () => {
  const open = aCase('foia', [aPart({ outcome: null })], [])

  it('acknowledges with the due date and how it was counted, in plain words', () => {
    const text = textOf(compose(open, 'acknowledgement'))
    expect(text).toContain('We will respond by 9 December 2024')
    expect(text).toContain('How we worked this out')
    expect(text).toContain('Day 20 is Monday 9 December 2024')
    expect(text).toContain('We are handling your request')
  })

  it('asks for clarification in the officer’s words, and refuses without them', () => {
    expect(textOf(compose(open, 'clarification', { note: 'Which stretch of the river do you mean?' }))).toContain(
      'Which stretch of the river do you mean?',
    )
    const refused = composeLetter(facts(open), 'clarification')
    expect(!refused.ok && refused.error.code).toBe('missing-fact')
  })

  it('gives a fees notice with the amount and the three months to pay', () => {
    const text = textOf(compose(open, 'fees', { feePounds: 42.5 }))
    expect(text).toContain('£42.50')
    expect(text).toContain('three months')
  })

  it('gives a public interest extension notice with the date, only once the extension is on the clock', () => {
    expect(composeLetter(facts(open), 'extension').ok).toBe(false)
    const extended = aCase('foia', [aPart({ outcome: null, exemptionIds: ['foia-s43-2'] })], [], {
      clock: {
        ...STANDARD_CLOCK,
        events: [{ type: 'extended', extension: 'public-interest', until: iso('2025-01-17') }],
      },
    })
    const text = textOf(compose(extended, 'extension'))
    expect(text).toContain('17 January 2025')
    expect(text).toContain('section 43(2)')
  })

  it('refuses a letter kind that makes no sense for the case', () => {
    const received = aCase('foia', [], [], { state: 'received' })
    const codeOf = (made: ReturnType<typeof composeLetter>) => (made.ok ? 'made' : made.error.code)
    expect(codeOf(composeLetter(facts(received), 'response'))).toBe('kind-not-for-this-case')
    expect(codeOf(composeLetter(facts(open), 'review'))).toBe('kind-not-for-this-case')
    const eir = composeLetter(facts(aCase('eir', [aPart()], [])), 'extension')
    expect(!eir.ok && eir.error.message).toContain('regulation 7')
    const responded = aCase('foia', [aPart()], [], { state: 'responded' })
    expect(composeLetter(facts(responded), 'clarification').ok).toBe(false)
  })

  it('quotes the request as text, however it is written', () => {
    const letter = compose(open, 'acknowledgement')
    const quote = letter.blocks.find((block) => block.kind === 'quote')
    expect(quote).toEqual({
      kind: 'quote',
      paragraphs: [
        [{ kind: 'text', text: 'Please send me the reports on the river.' }],
        [{ kind: 'text', text: 'And <script>alert(1)</script> the emails about them.' }],
      ],
    })
  })

  it('has no addressee for an applicant-blind view', () => {
    expect(compose(open, 'acknowledgement', { requester: null }).recipient).toBeNull()
  })
})

describe('the letter as text an officer edits', () => {
  it('round-trips every block of a composed response', () => {
    const subject = aCase(
      'foia',
      [aPart({ exemptionIds: ['foia-s31-1-g'] })],
      [
        {
          ...emptyDecision('foia-s31-1-g'),
          routeCodes: ['2-a', '2-c'],
          prejudice: 'would-be-likely-to',
          reasons: 'It would harm our investigations [in part] and **badly**.',
          publicInterestTest: PIT,
        },
      ],
    )
    const letter = compose(subject, 'response')
    const back = markupToBlocks(blocksToMarkup(letter.blocks))
    expect(back).toEqual({ ok: true, value: letter.blocks })
  })

  it('refuses a link that is not http, https or mailto, naming the line', () => {
    const read = markupToBlocks('## Next steps\n\nSee [our page](javascript:alert(1)).')
    expect(read.ok).toBe(false)
    expect(!read.ok && read.error[0]).toEqual({
      line: 3,
      message: expect.stringContaining('must start https://') as unknown,
    })
  })

  it('refuses an empty letter', () => {
    expect(markupToBlocks('  \n\n ').ok).toBe(false)
  })
})
