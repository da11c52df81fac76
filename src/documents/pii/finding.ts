/**
 * What the personal-data finder reports: a typed span of the input with a score and the reason it was found.
 * Offsets are UTF-16 code units into the input, as JavaScript string indices are: `text.slice(start, end)`.
 */

export const PII_TYPES = [
  'email',
  'phone',
  'postcode',
  'national-insurance-number',
  'nhs-number',
  'driving-licence',
  'passport-number',
  'vehicle-registration',
  'bank-account',
  'iban',
  'payment-card',
  'date-of-birth',
  'ip-address',
  'person-name',
  'postal-address',
] as const

export type PiiType = (typeof PII_TYPES)[number]

export const isPiiType = (value: string): value is PiiType => (PII_TYPES as readonly string[]).includes(value)

export interface Finding {
  readonly type: PiiType
  /** First UTF-16 code unit of the finding. */
  readonly start: number
  /** One past the last UTF-16 code unit: `text.slice(start, end) === finding.text`. */
  readonly end: number
  readonly text: string
  /** How sure the finder is, from 0 to 1: checked numbers and listed names score highest, model guesses lowest. */
  readonly score: number
  /** Why it was found, for the reviewer: "NHS number with a valid check digit". Never contains the text itself. */
  readonly reason: string
}

/** A person named on the case or in the organisation's directory. */
export interface GazetteerPerson {
  readonly name: string
  /** "requester", "third party", "staff": shown in the reason. */
  readonly role?: string
}

/** Names from the case and the organisation: people to find, and people whose names are released. */
export interface Gazetteer {
  readonly people?: readonly GazetteerPerson[]
  /** Names that are released (senior officials, for example): never reported, whoever finds them. */
  readonly allowList?: readonly string[]
}
