import { describe, expect, it } from 'vitest'
import { dayNumberOfIso, toIsoDate, type IsoDate } from '../calendar/calendar-date.ts'
import { addWorkingDays } from '../calendar/working-day-calendar.ts'
import type { Case } from '../case/case.ts'
import type { Part } from '../case/part.ts'
import type { Regime } from '../deadlines/regime.ts'
import { emptyDecision, type ExemptionDecision } from './exemption-decision.ts'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import {
  CHECK_RULES,
  checkAggregation,
  checkEditedLetter,
  checkRefusalNotice,
  type CheckRule,
} from './refusal-notice-check.ts'

const LETTERS = { reviewProcedureUrl: 'https://authority.example/review', complaintUrl: 'https://ico.example/complain' }

const aPart = (overrides: Partial<Part> = {}): Part => ({
  id: 'part-1',
  position: 1,
  question: 'The minutes of the board',
  outcome: 'withheld',
  publishedLinks: [],
  disclosureLogReference: null,
  transferredTo: null,
  exemptionIds: [],
  documentIds: [],
  explanation: '',
  ...overrides,
})

const decision = (exemptionId: string, overrides: Partial<ExemptionDecision> = {}): ExemptionDecision => ({
  ...emptyDecision(exemptionId),
  ...overrides,
})

const TEST: NonNullable<ExemptionDecision['publicInterestTest']> = {
  forDisclosure: ['Openness about how the authority regulates'],
  forWithholding: ['Organisations must be able to engage candidly with the regulator'],
  conclusion: 'maintain-exemption',
  reasoning: '',
  decidedOn: '2024-10-28' as IsoDate,
}

/** A sound withholding under s31(1)(g): what every test below breaks one piece of. */
const soundS31 = (): ExemptionDecision =>
  decision('foia-s31-1-g', {
    routeCodes: ['2-a', '2-c'],
    prejudice: 'would-be-likely-to',
    reasons: 'Disclosure would be likely to make organisations less willing to engage with our investigations.',
    publicInterestTest: TEST,
  })

type Subject = Pick<Case, 'regime' | 'parts' | 'exemptionDecisions'>

const subject = (parts: Part[], decisions: ExemptionDecision[], regime: Regime = 'foia'): Subject => ({
  regime,
  parts,
  exemptionDecisions: decisions,
})

const rulesOf = (checked: Subject, letters = LETTERS) =>
  checkRefusalNotice(checked, letters).findings.map((finding) => `${finding.severity}:${finding.rule}`)

const tested = new Set<CheckRule>()
const expectRule = (checked: Subject, severity: 'error' | 'warning', rule: CheckRule, letters = LETTERS): void => {
  tested.add(rule)
  expect(rulesOf(checked, letters)).toContain(`${severity}:${rule}`)
}

describe('the refusal-notice check', () => {
  it('passes a sound s31 refusal with no findings at all', () => {
    const report = checkRefusalNotice(subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [soundS31()]), LETTERS)
    expect(report).toEqual({ findings: [], errors: 0, warnings: 0, passes: true })
  })

  it('passes a response that refuses nothing, even with no review procedure set', () => {
    const report = checkRefusalNotice(subject([aPart({ outcome: 'disclosed-in-full' })], []), {
      reviewProcedureUrl: '',
      complaintUrl: '',
    })
    expect(report.passes).toBe(true)
    expect(report.findings).toEqual([])
  })

  it('names an unknown exemption and suggests the closest ids', () => {
    const checked = subject([aPart({ exemptionIds: ['foia-s31-1-z'] })], [])
    expectRule(checked, 'error', 'exemption-known')
    const finding = checkRefusalNotice(checked, LETTERS).findings.find((f) => f.rule === 'exemption-known')
    expect(finding?.message).toMatch(/did you mean .*foia-s31-1-g/)
    expect(finding?.parts).toEqual([1])
  })

  it('refuses an EIR exception on a FOIA case', () => {
    expectRule(
      subject([aPart({ exemptionIds: ['eir-r12-5-b'] })], [decision('eir-r12-5-b')]),
      'error',
      'exemption-regime',
    )
  })

  it('warns of the pre-2018 wording of section 40 (the first seed’s “section 40(3)(a)(i)”)', () => {
    const checked = subject(
      [aPart({ exemptionIds: ['foia-s40-2'] })],
      [decision('foia-s40-2', { routeCodes: ['3-a-i'], reasons: 'Names of junior staff.' })],
    )
    expectRule(checked, 'warning', 'exemption-out-of-date')
    const report = checkRefusalNotice(checked, LETTERS)
    expect(report.passes).toBe(true)
    expect(report.findings[0]?.message).toContain('section 40(3A)(a)')
  })

  it('requires a withholding part to name an exemption', () => {
    expectRule(subject([aPart({ exemptionIds: [] })], []), 'error', 'exemption-named')
  })

  it('requires a cost refusal to cite section 12, and tells an EIR case to use regulation 12(4)(b)', () => {
    expectRule(subject([aPart({ outcome: 'refused-cost-limit' })], []), 'error', 'exemption-named')
    const eir = checkRefusalNotice(subject([aPart({ outcome: 'refused-cost-limit' })], [], 'eir'), LETTERS)
    expect(eir.findings[0]?.message).toContain('12(4)(b)')
  })

  it('requires a vexatious refusal to cite section 14', () => {
    expectRule(subject([aPart({ outcome: 'refused-vexatious-or-repeated' })], []), 'error', 'exemption-named')
  })

  it('requires a decision for every exemption a part relies on', () => {
    expectRule(subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], []), 'error', 'decision-recorded')
  })

  it('warns of a decision no part relies on', () => {
    expectRule(
      subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [soundS31(), decision('foia-s43-2')]),
      'warning',
      'decision-unused',
    )
  })

  it('requires the reasons a prejudice-based exemption applies, unless giving them would disclose exempt information', () => {
    const noReasons = { ...soundS31(), reasons: '' }
    expectRule(subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [noReasons]), 'error', 'reasons-given')
    const hidden = { ...noReasons, reasonsWouldDiscloseExemptInformation: true }
    expect(rulesOf(subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [hidden]))).not.toContain('error:reasons-given')
  })

  it('requires the purposes of section 31(2), and refuses a purpose that is not one', () => {
    const none = { ...soundS31(), routeCodes: [] }
    expectRule(subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [none]), 'error', 'route-named')
    const wrong = { ...soundS31(), routeCodes: ['2-z'] }
    const report = checkRefusalNotice(subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [wrong]), LETTERS)
    expect(report.findings.map((finding) => finding.message).join(' ')).toContain('2-z')
  })

  it('requires the level of prejudice: would, or would be likely to', () => {
    const none = { ...soundS31(), prejudice: null }
    expectRule(subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [none]), 'error', 'prejudice-level')
  })

  it('requires a public interest test for a qualified exemption, with factors on both sides', () => {
    const none = { ...soundS31(), publicInterestTest: null }
    expectRule(subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [none]), 'error', 'public-interest-test')
    const oneSided = { ...soundS31(), publicInterestTest: { ...TEST, forDisclosure: [] } }
    const report = checkRefusalNotice(subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [oneSided]), LETTERS)
    expect(report.findings.map((finding) => finding.message).join(' ')).toContain('for disclosure has none')
  })

  it('requires a public interest test for every EIR exception', () => {
    const checked = subject(
      [aPart({ exemptionIds: ['eir-r12-5-b'] })],
      [decision('eir-r12-5-b', { prejudice: 'would', reasons: 'It would harm the course of justice.' })],
      'eir',
    )
    expectRule(checked, 'error', 'public-interest-test')
  })

  it('refuses a public interest test on an absolute exemption (s44), and on s40(2) by the first condition', () => {
    const s44 = decision('foia-s44-1-a', {
      routeText: 'the Data Protection Act 2018, section 132',
      reasons: 'Disclosure is prohibited.',
      publicInterestTest: TEST,
    })
    expectRule(subject([aPart({ exemptionIds: ['foia-s44-1-a'] })], [s44]), 'error', 'public-interest-on-absolute')
    const s40 = decision('foia-s40-2', { routeCodes: ['3A-a'], reasons: 'Staff names.', publicInterestTest: TEST })
    expect(rulesOf(subject([aPart({ exemptionIds: ['foia-s40-2'] })], [s40]))).toContain(
      'error:public-interest-on-absolute',
    )
  })

  it('asks for a public interest test on section 40(2) under the second condition, which is qualified', () => {
    const s40 = decision('foia-s40-2', { routeCodes: ['3B'], reasons: 'They objected to processing.' })
    expect(rulesOf(subject([aPart({ exemptionIds: ['foia-s40-2'] })], [s40]))).toContain('error:public-interest-test')
  })

  it('refuses to withhold when the public interest test favours disclosure', () => {
    const disclose = { ...soundS31(), publicInterestTest: { ...TEST, conclusion: 'disclose' as const } }
    expectRule(
      subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [disclose]),
      'error',
      'public-interest-favours-disclosure',
    )
  })

  it('requires the qualified person’s opinion for section 36', () => {
    const s36 = decision('foia-s36-2-b-i', {
      prejudice: 'would',
      reasons: 'Free and frank advice.',
      publicInterestTest: TEST,
    })
    expectRule(subject([aPart({ exemptionIds: ['foia-s36-2-b-i'] })], [s36]), 'error', 'qualified-person')
  })

  it('requires a neither-confirm-nor-deny part to rely on the provision that allows it, and refuses one that has none', () => {
    const ncndPart = aPart({ outcome: 'neither-confirmed-nor-denied', exemptionIds: ['foia-s31-1-g'] })
    expectRule(subject([ncndPart], [soundS31()]), 'error', 'neither-confirm-nor-deny')
    const withProvision = { ...soundS31(), neitherConfirmNorDeny: true }
    expect(rulesOf(subject([ncndPart], [withProvision]))).not.toContain('error:neither-confirm-nor-deny')
    const s21 = decision('foia-s21', { reasons: 'It is on our website.', neitherConfirmNorDeny: true })
    const s21Part = aPart({ outcome: 'neither-confirmed-nor-denied', exemptionIds: ['foia-s21'] })
    expect(rulesOf(subject([s21Part], [s21]))).toContain('error:neither-confirm-nor-deny')
  })

  it('requires a cost estimate over the limit, counting only what the regulations allow', () => {
    const part = aPart({ outcome: 'refused-cost-limit', exemptionIds: ['foia-s12'] })
    expectRule(subject([part], [decision('foia-s12')]), 'error', 'cost-estimate')
    const under = decision('foia-s12', {
      costEstimate: {
        activities: [{ activity: 'locating', hours: 10, basis: 'ten boxes' }],
        appropriateLimitPounds: 450,
        aggregatedWith: [],
        adviceAndAssistance: 'Narrow the request to one year.',
      },
    })
    const report = checkRefusalNotice(subject([part], [under]), LETTERS)
    expect(report.findings.map((finding) => finding.message).join(' ')).toContain('does not exceed the £450 limit')
    const over = decision('foia-s12', {
      costEstimate: {
        activities: [
          { activity: 'locating', hours: 12, basis: 'three thousand files' },
          { activity: 'extracting', hours: 8, basis: 'a minute a file' },
        ],
        appropriateLimitPounds: 450,
        aggregatedWith: [],
        adviceAndAssistance: 'Narrow the request to one year.',
      },
    })
    expect(checkRefusalNotice(subject([part], [over]), LETTERS).passes).toBe(true)
  })

  it('requires advice and assistance with a cost refusal', () => {
    const part = aPart({ outcome: 'refused-cost-limit', exemptionIds: ['foia-s12'] })
    const silent = decision('foia-s12', {
      costEstimate: {
        activities: [{ activity: 'retrieving', hours: 30, basis: 'every file since 2010' }],
        appropriateLimitPounds: 450,
        aggregatedWith: [],
        adviceAndAssistance: '',
      },
    })
    expectRule(subject([part], [silent]), 'error', 'advice-and-assistance')
  })

  it('warns when a vexatious refusal records no grounds', () => {
    const part = aPart({ outcome: 'refused-vexatious-or-repeated', exemptionIds: ['foia-s14-1'] })
    expectRule(subject([part], [decision('foia-s14-1')]), 'warning', 'vexatious-grounds')
  })

  it('warns that the requester’s own personal data is a subject access request', () => {
    const part = aPart({ exemptionIds: ['foia-s40-1'] })
    expectRule(
      subject([part], [decision('foia-s40-1', { reasons: 'It is your own data.' })]),
      'warning',
      'own-personal-data',
    )
  })

  it('requires the review procedure in the letter settings, and warns without a complaint page', () => {
    const checked = subject([aPart({ exemptionIds: ['foia-s31-1-g'] })], [soundS31()])
    expectRule(checked, 'error', 'review-procedure', { reviewProcedureUrl: '', complaintUrl: '' })
    expectRule(checked, 'warning', 'complaint-route', {
      reviewProcedureUrl: 'https://a.example/review',
      complaintUrl: '',
    })
  })

  it('finds an edited letter that dropped the review or the complaint route', () => {
    const refusing = { regime: 'foia' as const, parts: [aPart({ exemptionIds: ['foia-s31-1-g'] })] }
    expect(checkEditedLetter(refusing, 'We withhold it. You can complain to the Information Commissioner.')).toEqual([
      expect.objectContaining({ rule: 'review-procedure', severity: 'error' }),
    ])
    expect(checkEditedLetter(refusing, 'You can ask us to review our response.')).toEqual([
      expect.objectContaining({ rule: 'complaint-route', severity: 'error' }),
    ])
    expect(checkEditedLetter(refusing, 'Ask for a review. Then complain to the Information Commissioner.')).toEqual([])
    const scottish = { regime: 'foisa' as const, parts: refusing.parts }
    expect(checkEditedLetter(scottish, 'Ask for a review, then go to the ICO.').map((f) => f.rule)).toEqual([
      'complaint-route',
    ])
  })

  it('has a test for every rule', () => {
    // Runs last: every rule the check knows has been exercised above.
    expect(CHECK_RULES.filter((rule) => !tested.has(rule))).toEqual([])
  })

  it('warns when a section 12 estimate adds a request received 60 or more working days away, or one it cannot find', () => {
    const estimate = (aggregatedWith: string[]) =>
      decision('foia-s12', {
        costEstimate: {
          activities: [{ activity: 'locating', hours: 30, basis: 'every file' }],
          appropriateLimitPounds: 450,
          aggregatedWith,
          adviceAndAssistance: 'Narrow it.',
        },
      })
    const uk = defaultUkCalendar().workingDays('united-kingdom')
    const received = { receivedOn: '2024-08-15' as IsoDate }
    const later = (workingDays: number): IsoDate =>
      toIsoDate(addWorkingDays(uk, dayNumberOfIso(received.receivedOn), workingDays) ?? 0)
    // Within a period of 60 consecutive working days: the 59th working day after, but not the 60th.
    const others = [
      { reference: 'NSC-1', receivedOn: later(59) },
      { reference: 'NSC-2', receivedOn: later(60) },
    ]
    expect(checkAggregation({ ...received, exemptionDecisions: [estimate(['nsc-1'])] }, others, uk)).toEqual([])
    const far = checkAggregation({ ...received, exemptionDecisions: [estimate(['NSC-2'])] }, others, uk)
    expect(far).toEqual([expect.objectContaining({ severity: 'warning', rule: 'cost-estimate' })])
    expect(far[0]?.message).toContain('only within 60 consecutive working days')
    const unknown = checkAggregation({ ...received, exemptionDecisions: [estimate(['NSC-9'])] }, others, uk)
    expect(unknown[0]?.message).toContain('NSC-9, which is not a case here')
  })
})
