import type { Division } from '../calendar/division.ts'
import type { Regime } from '../deadlines/regime.ts'

/** How the organisation signs its letters and where its policies live. */
export interface LetterSettings {
  /** "Information Access Team" */
  readonly teamName: string
  readonly postalAddress: string
  readonly telephone: string
  readonly website: string
  readonly privacyNoticeUrl: string
  readonly retentionPolicyUrl: string
  readonly reviewProcedureUrl: string
  readonly complaintUrl: string
  /** Where the disclosure log lives, if not in Disclose. */
  readonly disclosureLogUrl: string
}

/** A public authority. One installation may serve several; nothing crosses between them. */
export interface Organisation {
  readonly id: string
  /** A short name for addresses and the command line: `ico`, `north-shire-council`. */
  readonly slug: string
  readonly name: string
  /** Which nation's bank holidays a subject access deadline rolls forward over. */
  readonly nation: Division
  readonly defaultRegime: Regime
  /** The case-reference pattern (see `case-reference.ts`), e.g. `IC-######-@#@#`. */
  readonly referencePattern: string
  /** Whether pages carry the GOV.UK crown (central government services only). */
  readonly govUkBranding: boolean
  readonly letters: LetterSettings
}

export const EMPTY_LETTER_SETTINGS: LetterSettings = {
  teamName: 'Information Access Team',
  postalAddress: '',
  telephone: '',
  website: '',
  privacyNoticeUrl: '',
  retentionPolicyUrl: '',
  reviewProcedureUrl: '',
  complaintUrl: '',
  disclosureLogUrl: '',
}
