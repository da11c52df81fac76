import { dayNumberOfIso, type IsoDate } from '../calendar/calendar-date.ts'
import { countWorkingDays, type WorkingDayCalendar } from '../calendar/working-day-calendar.ts'
import type { Case } from '../case/case.ts'
import type { LetterSettings } from '../case/organisation.ts'
import type { Outcome, Part } from '../case/part.ts'
import { closestExemptionIds, findExemption, findRouteOption } from '../exemptions/catalogue.ts'
import type { Exemption, ExemptionStatus } from '../exemptions/exemption.ts'
import { costOfEstimate, type ExemptionDecision } from './exemption-decision.ts'
import { REGIME_PROVISIONS } from './regime-letters.ts'

/**
 * The refusal-notice check: before a response can be approved, what the law requires of it and what is missing
 * (FOIA s17, EIR reg 14, FOISA s16). Errors block approval; warnings are shown and do not. Each finding says which
 * rule, which parts and which exemption it concerns, and what to do.
 */

export const CHECK_RULES = [
  'exemption-known',
  'exemption-regime',
  'exemption-out-of-date',
  'exemption-named',
  'decision-recorded',
  'decision-unused',
  'reasons-given',
  'route-named',
  'prejudice-level',
  'public-interest-test',
  'public-interest-on-absolute',
  'public-interest-favours-disclosure',
  'qualified-person',
  'neither-confirm-nor-deny',
  'cost-estimate',
  'advice-and-assistance',
  'vexatious-grounds',
  'own-personal-data',
  'review-procedure',
  'complaint-route',
] as const
export type CheckRule = (typeof CHECK_RULES)[number]

export interface CheckFinding {
  readonly severity: 'error' | 'warning'
  readonly rule: CheckRule
  /** The parts it concerns, by position; empty when it concerns the whole response. */
  readonly parts: readonly number[]
  readonly exemptionId: string | null
  readonly message: string
}

export interface CheckReport {
  readonly findings: readonly CheckFinding[]
  readonly errors: number
  readonly warnings: number
  /** No errors: the response may be approved. */
  readonly passes: boolean
}

/** Outcomes that refuse something, so the response is (in part) a refusal notice. */
const REFUSING_OUTCOMES: readonly Outcome[] = [
  'disclosed-in-part',
  'withheld',
  'neither-confirmed-nor-denied',
  'refused-cost-limit',
  'refused-vexatious-or-repeated',
]

const isRefusal = (part: Part): boolean => part.outcome !== null && REFUSING_OUTCOMES.includes(part.outcome)

/** Absolute or qualified, as this decision relies on it: s40(2) by the first condition is absolute. */
export const statusAsRelied = (exemption: Exemption, decision: ExemptionDecision | undefined): ExemptionStatus => {
  if (exemption.status === 'absolute') return 'absolute'
  const codes = decision?.routeCodes ?? []
  const options = codes.map((code) => findRouteOption(exemption, code))
  return options.length > 0 && options.every((option) => option?.makesAbsolute === true) ? 'absolute' : 'qualified'
}

const positions = (parts: readonly Part[]): number[] => parts.map((part) => part.position)

const sectionLabel = (exemption: Exemption): string =>
  exemption.citation.charAt(0).toUpperCase() + exemption.citation.slice(1)

export const checkRefusalNotice = (
  subject: Pick<Case, 'regime' | 'parts' | 'exemptionDecisions'>,
  letters: Pick<LetterSettings, 'reviewProcedureUrl' | 'complaintUrl'>,
): CheckReport => {
  const findings: CheckFinding[] = []
  const add = (
    severity: CheckFinding['severity'],
    rule: CheckRule,
    parts: readonly number[],
    exemptionId: string | null,
    message: string,
  ): void => {
    findings.push({ severity, rule, parts, exemptionId, message })
  }
  if (subject.regime === 'sar') return report(findings)
  const provisions = REGIME_PROVISIONS[subject.regime]
  const refusing = subject.parts.filter(isRefusal)

  // Which parts rely on which exemption.
  const partsRelyingOn = new Map<string, Part[]>()
  for (const part of subject.parts) {
    for (const id of part.exemptionIds) partsRelyingOn.set(id, [...(partsRelyingOn.get(id) ?? []), part])
  }
  const decisions = new Map(subject.exemptionDecisions.map((decision) => [decision.exemptionId, decision]))

  // Each refusing part names what it relies on (s17(1)(b), s17(5)).
  for (const part of refusing) {
    const cited = part.exemptionIds.map((id) => findExemption(id)).filter((entry) => entry !== undefined)
    const label = `Part ${part.position}`
    switch (part.outcome) {
      case 'refused-cost-limit':
        if (!cited.some((entry) => entry.kind === 'cost-limit')) {
          add(
            'error',
            'exemption-named',
            [part.position],
            null,
            subject.regime === 'eir'
              ? `${label}: the EIR have no cost limit; refuse under regulation 12(4)(b) (manifestly unreasonable) instead`
              : `${label}: name the cost limit (section 12) among the exemptions relied on`,
          )
        }
        break
      case 'refused-vexatious-or-repeated':
        if (!cited.some((entry) => entry.kind === 'vexatious' || entry.kind === 'repeated')) {
          add(
            'error',
            'exemption-named',
            [part.position],
            null,
            subject.regime === 'eir'
              ? `${label}: under the EIR a vexatious request is refused as manifestly unreasonable, regulation 12(4)(b)`
              : `${label}: name section 14(1) (vexatious) or 14(2) (repeated) among the exemptions relied on`,
          )
        }
        break
      case 'already-published':
      case 'disclosed-in-full':
      case 'disclosed-in-part':
      case 'handled-under-another-regime':
      case 'neither-confirmed-nor-denied':
      case 'not-held':
      case 'released-before':
      case 'transferred':
      case 'withheld':
      case null:
        if (part.exemptionIds.length === 0) {
          add(
            'error',
            'exemption-named',
            [part.position],
            null,
            `${label}: a refusal must name each exemption relied on (${provisions.refusalNotice}): choose at least one`,
          )
        }
    }
  }

  for (const [id, parts] of partsRelyingOn) {
    const where = positions(parts)
    const exemption = findExemption(id)
    if (exemption === undefined) {
      const closest = closestExemptionIds(id)
      add(
        'error',
        'exemption-known',
        where,
        id,
        `There is no exemption ${id}${closest.length > 0 ? `: did you mean ${closest.join(', ')}?` : ''}`,
      )
      continue
    }
    const section = sectionLabel(exemption)
    if (exemption.regime !== subject.regime) {
      add(
        'error',
        'exemption-regime',
        where,
        id,
        `${section} is in ${exemption.regime.toUpperCase()}, but this case is handled under ${provisions.lawAbbreviation}: cite the ${provisions.lawAbbreviation} provision, or change the case’s regime`,
      )
      continue
    }
    if (exemption.supersededBy !== undefined) {
      add(
        'warning',
        'exemption-out-of-date',
        where,
        id,
        `${section} is no longer the law as it stands: cite ${findExemption(exemption.supersededBy)?.citation ?? exemption.supersededBy} instead`,
      )
    }
    if (id === 'foia-s40-1' || id === 'foisa-s38-1-a') {
      add(
        'warning',
        'own-personal-data',
        where,
        id,
        `${section} is the requester’s own personal data: tell them, and handle it as a subject access request`,
      )
    }
    const decision = decisions.get(id)
    if (decision === undefined) {
      add('error', 'decision-recorded', where, id, `Record the decision for ${exemption.citation}: why it applies`)
      continue
    }
    checkDecision(subject.regime === 'eir', exemption, decision, parts, add)
  }

  for (const decision of subject.exemptionDecisions) {
    if (!partsRelyingOn.has(decision.exemptionId)) {
      add(
        'warning',
        'decision-unused',
        [],
        decision.exemptionId,
        `A decision is recorded for ${findExemption(decision.exemptionId)?.citation ?? decision.exemptionId}, but no part relies on it: add it to the parts it covers, or remove it`,
      )
    }
  }

  if (refusing.length > 0) {
    if (letters.reviewProcedureUrl.trim() === '') {
      add(
        'error',
        'review-procedure',
        [],
        null,
        `A refusal must give the particulars of the review procedure (${provisions.review}): add the review procedure’s address to the organisation’s letter settings`,
      )
    }
    if (letters.complaintUrl.trim() === '') {
      add(
        'warning',
        'complaint-route',
        [],
        null,
        `The letter tells the requester of their right to complain to ${provisions.regulator} (${provisions.complaint}); add the address of your complaint page to the letter settings so it can link to it`,
      )
    }
  }
  return report(findings)
}

type Add = (
  severity: CheckFinding['severity'],
  rule: CheckRule,
  parts: readonly number[],
  exemptionId: string | null,
  message: string,
) => void

const checkDecision = (
  eir: boolean,
  exemption: Exemption,
  decision: ExemptionDecision,
  parts: readonly Part[],
  add: Add,
): void => {
  const where = positions(parts)
  const id = exemption.id
  const section = sectionLabel(exemption)
  const withholding = parts.some(isRefusal)
  const hiddenReasons = decision.reasonsWouldDiscloseExemptInformation

  // Why it applies (s17(1)(c)) — not needed where saying so would disclose exempt information (s17(4)).
  if (exemption.kind === 'exemption' && decision.reasons.trim() === '' && !hiddenReasons) {
    add(
      exemption.test === 'prejudice' ? 'error' : 'warning',
      'reasons-given',
      where,
      id,
      exemption.test === 'prejudice'
        ? `${section}: explain why disclosure would harm the interest it protects`
        : `${section}: say why the exemption applies, unless that is obvious from the information`,
    )
  }

  // The route: the purposes of s31(2), the condition of s40, the enactment of s44(1)(a).
  if (exemption.route !== undefined) {
    const unknown = decision.routeCodes.filter((code) => findRouteOption(exemption, code) === undefined)
    if (unknown.length > 0) {
      add(
        'error',
        'route-named',
        where,
        id,
        `${section}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not one' : 'are not'} of ${exemption.route.prompt}; choose from ${exemption.route.options.map((option) => option.code).join(', ')}`,
      )
    }
    const named =
      decision.routeCodes.length > 0 || (exemption.route.freeText && (decision.routeText ?? '').trim() !== '')
    if (exemption.route.required && !named) {
      add('error', 'route-named', where, id, `${section}: name ${exemption.route.prompt}`)
    }
    for (const code of decision.routeCodes) {
      const option = findRouteOption(exemption, code)
      if (option?.supersededBy !== undefined) {
        const current = findRouteOption(exemption, option.supersededBy.code)
        add(
          'warning',
          'exemption-out-of-date',
          where,
          id,
          `${option.citation} is the wording from before ${option.supersededBy.by} rewrote the section: cite ${current?.citation ?? option.supersededBy.code} instead`,
        )
      }
    }
  }

  if (exemption.test === 'prejudice' && decision.prejudice === null && !hiddenReasons) {
    add(
      'error',
      'prejudice-level',
      where,
      id,
      `${section}: say whether disclosure would, or would be likely to, ${eir ? 'adversely affect' : 'prejudice'} the interest`,
    )
  }

  const status = statusAsRelied(exemption, decision)
  const test = decision.publicInterestTest
  if (status === 'absolute' && test !== null) {
    add(
      'error',
      'public-interest-on-absolute',
      where,
      id,
      `${section} is absolute as relied on here: no public interest test applies, so remove it (the letter says so)`,
    )
  }
  if (status === 'qualified' && exemption.kind === 'exemption' && withholding) {
    if (test === null) {
      if (!hiddenReasons) {
        add(
          'error',
          'public-interest-test',
          where,
          id,
          `${section} is qualified: record the public interest test, the factors for and against disclosure and the conclusion`,
        )
      }
    } else {
      if (test.forDisclosure.length === 0 || test.forWithholding.length === 0) {
        add(
          'error',
          'public-interest-test',
          where,
          id,
          `${section}: the public interest test needs factors on both sides — ${test.forDisclosure.length === 0 ? 'for disclosure' : 'for withholding'} has none`,
        )
      }
      if (test.conclusion === 'disclose') {
        add(
          'error',
          'public-interest-favours-disclosure',
          where,
          id,
          `${section}: the public interest test favours disclosure, so the exemption cannot be relied on — disclose the information, or revisit the test`,
        )
      }
    }
  }

  if (exemption.id.startsWith('foia-s36') && decision.qualifiedPerson === null) {
    add(
      'error',
      'qualified-person',
      where,
      id,
      `${section} needs the reasonable opinion of the qualified person: record who gave it, when, and what they saw`,
    )
  }

  const ncndParts = parts.filter((part) => part.outcome === 'neither-confirmed-nor-denied')
  if (decision.neitherConfirmNorDeny || ncndParts.length > 0) {
    if (exemption.neitherConfirmNorDeny === null) {
      add(
        'error',
        'neither-confirm-nor-deny',
        where,
        id,
        `${section} has no provision to neither confirm nor deny: rely on one that has, or confirm whether the information is held`,
      )
    } else if (!decision.neitherConfirmNorDeny) {
      add(
        'error',
        'neither-confirm-nor-deny',
        positions(ncndParts),
        id,
        `${section}: the part neither confirms nor denies, so the decision must rely on ${exemption.neitherConfirmNorDeny.citation}`,
      )
    } else if (ncndParts.length === 0) {
      add(
        'warning',
        'neither-confirm-nor-deny',
        where,
        id,
        `${section}: the decision neither confirms nor denies, but no part’s outcome says so`,
      )
    }
  }

  if (exemption.kind === 'cost-limit') {
    const estimate = decision.costEstimate
    if (estimate === null || estimate.activities.length === 0) {
      add(
        'error',
        'cost-estimate',
        where,
        id,
        `${section}: record the estimate — hours for determining whether it is held, locating, retrieving and extracting it`,
      )
    } else {
      const { hours, pounds } = costOfEstimate(estimate)
      if (pounds <= estimate.appropriateLimitPounds) {
        add(
          'error',
          'cost-estimate',
          where,
          id,
          `${section}: the estimate is ${hours} hours (£${pounds}), which does not exceed the £${estimate.appropriateLimitPounds} limit: the request must be answered`,
        )
      }
    }
    if (estimate === null || estimate.adviceAndAssistance.trim() === '') {
      add(
        'error',
        'advice-and-assistance',
        where,
        id,
        `${section}: offer advice and assistance (section 16): say what could be provided within the limit, or how to narrow the request`,
      )
    }
  }
  if (
    (exemption.kind === 'vexatious' || exemption.kind === 'repeated') &&
    (decision.vexatiousGrounds ?? '').trim() === ''
  ) {
    add(
      'warning',
      'vexatious-grounds',
      where,
      id,
      `${section}: the law needs no reasons, but the regulator expects them — record the grounds`,
    )
  }
}

const report = (findings: CheckFinding[]): CheckReport => {
  const errors = findings.filter((finding) => finding.severity === 'error').length
  return { findings, errors, warnings: findings.length - errors, passes: errors === 0 }
}

/**
 * An officer's edit of a refusal letter must still say how to ask for a review and that the requester may complain
 * to the regulator (FOIA s17(7), EIR reg 14(5), FOISA s19): the check looks for both in the edited text.
 */
export const checkEditedLetter = (subject: Pick<Case, 'regime' | 'parts'>, letterText: string): CheckFinding[] => {
  if (subject.regime === 'sar' || !subject.parts.some(isRefusal)) return []
  const provisions = REGIME_PROVISIONS[subject.regime]
  const words = letterText.toLowerCase()
  const findings: CheckFinding[] = []
  if (!/\breview\b/.test(words)) {
    findings.push({
      severity: 'error',
      rule: 'review-procedure',
      parts: [],
      exemptionId: null,
      message: `The edited letter no longer tells the requester how to ask for a review (${provisions.review}): put the “Next steps” section back`,
    })
  }
  const regulator = provisions.regulator.replace(/^the /, '').toLowerCase()
  if (!words.includes(regulator) && !(subject.regime !== 'foisa' && /\bico\b/.test(words))) {
    findings.push({
      severity: 'error',
      rule: 'complaint-route',
      parts: [],
      exemptionId: null,
      message: `The edited letter no longer tells the requester of their right to complain to ${provisions.regulator} (${provisions.complaint}): put it back`,
    })
  }
  return findings
}

/** The findings of the decisions and, if the officer edited the letter, of its text, as one report. */
export const combineFindings = (report: CheckReport, more: readonly CheckFinding[]): CheckReport => {
  const findings = [...report.findings, ...more]
  const errors = findings.filter((finding) => finding.severity === 'error').length
  return { findings, errors, warnings: findings.length - errors, passes: errors === 0 }
}

/** A request a cost estimate adds to this one: its date of receipt, or null when Disclose does not know it. */
export interface AggregatedRequest {
  readonly reference: string
  readonly receivedOn: IsoDate | null
}

/** Fees Regulations reg 5: requests may be costed together only if received within 60 consecutive working days. */
export const AGGREGATION_WORKING_DAYS = 60

/**
 * The requests a section 12 estimate adds together must have reached the authority within 60 consecutive working
 * days of this one (Fees Regulations reg 5(2)); one that did not, or that Disclose cannot find, is a warning for the
 * officer to look at (the regulation's other conditions — the same person or a campaign, similar information — are
 * theirs to judge).
 */
export const checkAggregation = (
  subject: Pick<Case, 'receivedOn' | 'exemptionDecisions'>,
  others: readonly AggregatedRequest[],
  workingDays: WorkingDayCalendar,
): CheckFinding[] =>
  subject.exemptionDecisions.flatMap((decision) =>
    (decision.costEstimate?.aggregatedWith ?? []).flatMap((reference): CheckFinding[] => {
      const other = others.find((candidate) => candidate.reference === reference.toUpperCase())
      if (other === undefined || other.receivedOn === null) {
        return [
          {
            severity: 'warning',
            rule: 'cost-estimate',
            parts: [],
            exemptionId: decision.exemptionId,
            message: `The estimate adds ${reference}, which is not a case here: check it was received within ${AGGREGATION_WORKING_DAYS} working days of this request`,
          },
        ]
      }
      const [from, to] = [dayNumberOfIso(other.receivedOn), dayNumberOfIso(subject.receivedOn)].sort((a, b) => a - b)
      const apart = countWorkingDays(workingDays, from ?? 0, to ?? 0)
      return apart < AGGREGATION_WORKING_DAYS
        ? []
        : [
            {
              severity: 'warning',
              rule: 'cost-estimate',
              parts: [],
              exemptionId: decision.exemptionId,
              message: `${other.reference} was received ${apart} working days from this request: requests can be costed together only within ${AGGREGATION_WORKING_DAYS} consecutive working days`,
            },
          ]
    }),
  )
