/**
 * Finds personal data in a text: `findPersonalData(text, { gazetteer, types })`.
 *
 * Two tiers. The pattern tier is every detector but the language model: validated numbers, postcodes and addresses,
 * dates of birth in context, and names from the gazetteer and the title, greeting and signature rules; it is fast
 * enough for whole document sets (see bench/pii.bench.ts). The model tier, compromise's name finder, reads more
 * slowly and finds the names that nothing else does; `nameModel: false` leaves it out.
 */

import { PII_TYPES, type Finding, type Gazetteer, type PiiType } from './finding.ts'
import { findNamesByModel, findRepeatedNames } from './name-model.ts'
import { compileGazetteer, matchGazetteer, NAME_RULES, type CompiledGazetteer } from './names.ts'
import { resolveOverlaps } from './overlaps.ts'
import { mergeSpans, overlapsAny } from './spans.ts'
import {
  detectBankAccounts,
  detectDatesOfBirth,
  detectEmails,
  detectIpv4Addresses,
  detectIpv6Addresses,
  detectNhsNumbers,
  detectNinos,
  detectPassportNumbers,
  detectPaymentCards,
  detectPhones,
  detectPostcodes,
  DRIVING_LICENCE_RULE,
  IBAN_RULE,
  VEHICLE_REGISTRATION_RULE,
  type Detector,
} from './pattern-detectors.ts'
import { detectPostalAddresses } from './postal-address.ts'
import { joinRules, type ScanRule } from './shared-scan.ts'

export interface FindOptions {
  /** People to find and released names never to report. A compiled one may be passed to reuse it over many texts. */
  readonly gazetteer?: Gazetteer | CompiledGazetteer
  /** Only these types (default: all). */
  readonly types?: readonly PiiType[]
  /** Whether to run the language-model name finder as well as the rules (default true). */
  readonly nameModel?: boolean
}

const DETECTORS: readonly (readonly [PiiType, Detector])[] = [
  ['email', detectEmails],
  ['phone', detectPhones],
  ['postcode', detectPostcodes],
  ['national-insurance-number', detectNinos],
  ['nhs-number', detectNhsNumbers],
  ['passport-number', detectPassportNumbers],
  ['bank-account', detectBankAccounts],
  ['payment-card', detectPaymentCards],
  ['date-of-birth', detectDatesOfBirth],
  ['ip-address', detectIpv4Addresses],
  ['ip-address', detectIpv6Addresses],
]

/** Detectors whose matches start with a capital letter, sharing one scan (see shared-scan.ts). */
const CAPITALISED: readonly (readonly [PiiType, readonly ScanRule[]])[] = [
  ['iban', [IBAN_RULE]],
  ['driving-licence', [DRIVING_LICENCE_RULE]],
  ['vehicle-registration', [VEHICLE_REGISTRATION_RULE]],
  ['person-name', NAME_RULES],
]
const capitalisedScans = new Map<string, Detector>()

/** The shared scan for the capitalised types wanted, joined once for each set of types asked for. */
const capitalisedScan = (wanted: ReadonlySet<PiiType>): Detector => {
  const chosen = CAPITALISED.filter(([type]) => wanted.has(type))
  const key = chosen.map(([type]) => type).join(' ')
  let scan = capitalisedScans.get(key)
  if (scan === undefined) {
    scan = joinRules(chosen.flatMap(([, rules]) => rules))
    capitalisedScans.set(key, scan)
  }
  return scan
}

const isCompiled = (gazetteer: Gazetteer | CompiledGazetteer): gazetteer is CompiledGazetteer =>
  'bySurname' in gazetteer

/** Every finding, sorted by start, no two overlapping (see overlaps.ts for which one is kept). */
export const findPersonalData = (text: string, options: FindOptions = {}): Finding[] => {
  const wanted: ReadonlySet<PiiType> = new Set(options.types ?? PII_TYPES)
  const found: Finding[] = []
  for (const [type, detect] of DETECTORS) if (wanted.has(type)) detect(text, found)
  // Titles, greetings and sign-offs are read in this scan too: names go with the other names, for the allow-list.
  const capitalised: Finding[] = []
  capitalisedScan(wanted)(text, capitalised)
  for (const finding of capitalised) if (finding.type !== 'person-name') found.push(finding)

  if (wanted.has('postal-address')) {
    let postcodes = found.filter((finding) => finding.type === 'postcode')
    if (!wanted.has('postcode')) detectPostcodes(text, (postcodes = []))
    detectPostalAddresses(text, postcodes, found)
  }

  if (wanted.has('person-name')) {
    const gazetteer =
      options.gazetteer === undefined
        ? undefined
        : isCompiled(options.gazetteer)
          ? options.gazetteer
          : compileGazetteer(options.gazetteer)
    const names: Finding[] = []
    const released = mergeSpans(gazetteer === undefined ? [] : matchGazetteer(text, gazetteer, names).released)
    for (const finding of capitalised) if (finding.type === 'person-name') names.push(finding)
    findRepeatedNames(text, [...names], names)
    if (options.nameModel !== false) {
      const before = names.length
      findNamesByModel(text, names, [...found, ...names])
      // A name only the model saw, seen again where the model did not look.
      if (names.length > before) findRepeatedNames(text, [...names], names)
    }
    // A released name is never reported, whichever rule or model found it.
    for (const name of names) if (released.length === 0 || !overlapsAny(name, released)) found.push(name)
  }

  return resolveOverlaps(found)
}
