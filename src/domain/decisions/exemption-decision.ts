import type { IsoDate } from '../calendar/calendar-date.ts'

/**
 * What an officer decided about one exemption (or exception, or refusal ground) on a case: the parts it covers
 * are the parts whose `exemptionIds` name it. One decision per exemption per case, because a letter has one section
 * per exemption, however many parts rely on it (the first seed relies on section 40 for three).
 */

/** "would" (more probable than not) or "would be likely to" (a real and significant risk): the letter says which. */
export const PREJUDICE_LEVELS = ['would', 'would-be-likely-to'] as const
export type PrejudiceLevel = (typeof PREJUDICE_LEVELS)[number]

export const PREJUDICE_LEVEL_WORDS: Readonly<Record<PrejudiceLevel, string>> = {
  would: 'would',
  'would-be-likely-to': 'would be likely to',
}

/** Which way the public interest fell. */
export const PUBLIC_INTEREST_CONCLUSIONS = ['maintain-exemption', 'disclose'] as const
export type PublicInterestConclusion = (typeof PUBLIC_INTEREST_CONCLUSIONS)[number]

export interface PublicInterestTest {
  readonly forDisclosure: readonly string[]
  readonly forWithholding: readonly string[]
  readonly conclusion: PublicInterestConclusion
  /** The officer's words for the balance: "Having considered these factors, we …". */
  readonly reasoning: string
  readonly decidedOn: IsoDate
}

/** Section 36: the reasonable opinion of a qualified person (FOISA s30 has no such person). */
export interface QualifiedPersonOpinion {
  readonly name: string
  /** "Chief Executive", "the Commissioner". */
  readonly role: string
  readonly opinionOn: IsoDate
  /** What they were shown: "the withheld emails and a submission setting out the arguments". */
  readonly whatTheySaw: string
}

/** The activities that count towards the cost limit (Fees Regulations reg 4(3)); nothing else may be costed. */
export const COST_ACTIVITIES = ['determining', 'locating', 'retrieving', 'extracting'] as const
export type CostActivity = (typeof COST_ACTIVITIES)[number]

export const COST_ACTIVITY_NAMES: Readonly<Record<CostActivity, string>> = {
  determining: 'determining whether the information is held',
  locating: 'locating the information',
  retrieving: 'retrieving the information',
  extracting: 'extracting the information',
}

/** Staff time is costed at £25 an hour (Fees Regulations reg 4(4)). */
export const COST_PER_HOUR_POUNDS = 25

export interface CostEstimate {
  readonly activities: readonly {
    readonly activity: CostActivity
    readonly hours: number
    /** How the estimate was made: "about 3,000 files at one minute each". */
    readonly basis: string
  }[]
  /** The appropriate limit (Fees Regulations reg 3): £600 for central government and Parliament, £450 for others. */
  readonly appropriateLimitPounds: 450 | 600
  /** Requests costed together (reg 5): their references, each received within 60 working days of this one. */
  readonly aggregatedWith: readonly string[]
  /** Advice and assistance (FOIA s16): what could be provided within the limit, how to narrow the request. */
  readonly adviceAndAssistance: string
}

export interface ExemptionDecision {
  /** The catalogue id, e.g. `foia-s31-1-g`. */
  readonly exemptionId: string
  /** The route options relied on, by code: the purposes `2-a` and `2-c` of section 31(2); condition `3A-a` of s40. */
  readonly routeCodes: readonly string[]
  /** The route in words, where the catalogue takes free text: "Data Protection Act 2018, section 132". */
  readonly routeText: string | null
  /** For prejudice-based provisions: the level of likelihood. */
  readonly prejudice: PrejudiceLevel | null
  /** Why it applies, in the officer's words: one or more paragraphs, separated by blank lines. */
  readonly reasons: string
  /** Required for a qualified provision; refused for an absolute one. */
  readonly publicInterestTest: PublicInterestTest | null
  /** Section 36 only. */
  readonly qualifiedPerson: QualifiedPersonOpinion | null
  /** Whether the authority neither confirms nor denies holding the information, under this provision. */
  readonly neitherConfirmNorDeny: boolean
  /** Section 12 only. */
  readonly costEstimate: CostEstimate | null
  /** Section 14 only: the grounds (the burden, the motive, the value, the harassment), in words. */
  readonly vexatiousGrounds: string | null
  /**
   * FOIA s17(4): saying why the exemption applies, or giving the public interest reasons, would itself disclose
   * exempt information. The check then does not ask for them.
   */
  readonly reasonsWouldDiscloseExemptInformation: boolean
}

export const emptyDecision = (exemptionId: string): ExemptionDecision => ({
  exemptionId,
  routeCodes: [],
  routeText: null,
  prejudice: null,
  reasons: '',
  publicInterestTest: null,
  qualifiedPerson: null,
  neitherConfirmNorDeny: false,
  costEstimate: null,
  vexatiousGrounds: null,
  reasonsWouldDiscloseExemptInformation: false,
})

/** The hours the estimate comes to, and what they cost at £25 an hour. */
export const costOfEstimate = (estimate: CostEstimate): { hours: number; pounds: number } => {
  const hours = estimate.activities.reduce((sum, activity) => sum + activity.hours, 0)
  return { hours, pounds: hours * COST_PER_HOUR_POUNDS }
}
