/**
 * The exemptions, exceptions and refusal grounds of FOIA 2000, the EIR 2004 and FOISA 2002, as data. A decision on a
 * part of a request cites entries of this catalogue by id; the letter quotes their words; the refusal-notice check
 * reads their status and test. `../shared/reference/uk-foi-law.md` §1.6–§3 is the reference.
 */

/** The law an entry belongs to. Subject access requests have their own exemptions (DPA 2018 Sch 2–4), not here. */
export const EXEMPTION_REGIMES = ['foia', 'eir', 'foisa'] as const
export type ExemptionRegime = (typeof EXEMPTION_REGIMES)[number]

/**
 * - `exemption`: a Part II FOIA / Part 2 FOISA exemption, or an EIR exception (reg 12, reg 13);
 * - `cost-limit`: FOIA s12, FOISA s12 (EIR has none: reg 12(4)(b) is an exception);
 * - `vexatious`: FOIA s14(1), FOISA s14(1);
 * - `repeated`: FOIA s14(2), FOISA s14(2).
 * Cost and vexatious grounds are not exemptions: no public interest test, no prejudice test.
 */
export type ExemptionKind = 'exemption' | 'cost-limit' | 'vexatious' | 'repeated'

/**
 * Absolute: no public interest test. Qualified: the public interest test decides (every EIR exception is
 * qualified, reg 12(1)(b); reg 13 third-party personal data is the exception to that, see `absoluteWhen`).
 */
export type ExemptionStatus = 'absolute' | 'qualified'

/**
 * class: applies because of what the information is. prejudice: applies only if disclosure "would, or would be
 * likely to, prejudice" (or "substantially prejudice" in FOISA, "adversely affect" in the EIR) the interest named.
 * required-for: s24 and s34's "required for the purpose of", treated like prejudice for the letter. none: s12, s14.
 */
export type ExemptionTest = 'class' | 'prejudice' | 'required-for' | 'none'

/** One way a provision is reached: a purpose of s31(2), a condition of s40, an enactment under s44(1)(a). */
export interface ExemptionRouteOption {
  /** Stable within the entry: `2-a`, `3A-a`. */
  readonly code: string
  /** As letters write it: "section 31(2)(a)", "section 40(3A)(a)". */
  readonly citation: string
  /** The statutory words of the purpose or condition. */
  readonly words: string
  /** Set when the law has since been rewritten: the citation to use now, and what changed it. */
  readonly supersededBy?: { readonly code: string; readonly by: string }
  /** Where this option makes an otherwise qualified entry absolute (s40(2) by the first condition). */
  readonly makesAbsolute?: boolean
}

/** How an entry is reached, when it is not reached directly: the decision names one or more options, or free text. */
export interface ExemptionRoute {
  /** What the letter calls it: "for the purposes in", "by virtue of", "in this case". */
  readonly connective: string
  /** What the officer is asked for: "the purposes of section 31(2) that apply". */
  readonly prompt: string
  readonly options: readonly ExemptionRouteOption[]
  /** Whether the officer may (or, when there are no options, must) write the route in words, e.g. an enactment. */
  readonly freeText: boolean
  /** Whether a decision must name a route at all. */
  readonly required: boolean
}

export interface Exemption {
  /** Stable id: regime, section or regulation, subsections, lower case, hyphens. `foia-s31-1-g`, `eir-r12-5-b`. */
  readonly id: string
  readonly regime: ExemptionRegime
  readonly kind: ExemptionKind
  /** As a letter writes it in a sentence: "section 31(1)(g)", "regulation 12(5)(b)". */
  readonly citation: string
  /** As a redaction box or a schedule prints it: "s31(1)(g)", "reg 12(5)(b)". */
  readonly shortCitation: string
  /** The statutory heading of the section or regulation: "Law enforcement". */
  readonly heading: string
  /** The key statutory words this entry rests on, quoted as the letter quotes them. */
  readonly statutoryWords: string
  readonly status: ExemptionStatus
  /**
   * Where a qualified entry is absolute in some cases (or an absolute one qualified), in words for the officer:
   * s36 for the Houses of Parliament; s37 for Northern Ireland authorities; s40(2) by the first condition.
   */
  readonly statusExceptions?: string
  readonly test: ExemptionTest
  /** The provision that removes the duty to confirm or deny, as letters cite it ("section 31(3)"), if there is one. */
  readonly neitherConfirmNorDeny: { readonly citation: string; readonly status: ExemptionStatus } | null
  readonly route?: ExemptionRoute
  /** Standard public interest factors to start from (qualified entries only). */
  readonly publicInterestFactors?: {
    readonly forDisclosure: readonly string[]
    readonly forWithholding: readonly string[]
  }
  /** Where the entry comes from: the section's address on legislation.gov.uk, and the reference's section. */
  readonly source: string
  /** Set when the reference marks the wording as not verified against the statute: say what to check. */
  readonly unverified?: string
  /** Not for new decisions (a provision repealed or rewritten): the id that replaces it. */
  readonly supersededBy?: string
}
