import { EXEMPTION_REGIMES, type ExemptionRegime } from './exemption.ts'

/**
 * How a provision is named: its catalogue id, as a letter cites it and as a schedule prints it. The catalogues build
 * every entry's names here, and the lookups read what people type back into ids here, so the two cannot drift apart.
 */
export interface ProvisionNames {
  /** `foia-s31-1-g`, `eir-r12-5-b`, `foia-s22a` */
  readonly id: string
  /** "section 31(1)(g)", "regulation 12(5)(b)", "section 22A" */
  readonly citation: string
  /** "s31(1)(g)", "reg 12(5)(b)", "s22A" */
  readonly shortCitation: string
}

const isRegulation = (regime: ExemptionRegime): boolean => regime === 'eir'

/** The id of a provision from its number and subdivisions, e.g. `idOf('foia', '31', '1', 'g')` is `foia-s31-1-g`. */
export const idOf = (regime: ExemptionRegime, number: string, ...parts: readonly string[]): string =>
  `${regime}-${isRegulation(regime) ? 'r' : 's'}${[number, ...parts].join('-').toLowerCase()}`

/**
 * A provision's names from its number and subdivisions, as the Act or Regulations write them: `namesOf('foia', '31',
 * '1', 'g')` is section 31(1)(g); `namesOf('eir', '12', '5', 'b')` is regulation 12(5)(b).
 */
export const namesOf = (regime: ExemptionRegime, number: string, ...parts: readonly string[]): ProvisionNames => {
  const brackets = parts.map((part) => `(${part})`).join('')
  return {
    id: idOf(regime, number, ...parts),
    citation: `${isRegulation(regime) ? 'regulation' : 'section'} ${number}${brackets}`,
    shortCitation: `${isRegulation(regime) ? 'reg ' : 's'}${number}${brackets}`,
  }
}

const LEGISLATION: Readonly<Record<ExemptionRegime, string>> = {
  foia: 'https://www.legislation.gov.uk/ukpga/2000/36/section/',
  eir: 'https://www.legislation.gov.uk/uksi/2004/3391/regulation/',
  foisa: 'https://www.legislation.gov.uk/asp/2002/13/section/',
}

/** "https://www.legislation.gov.uk/ukpga/2000/36/section/31; uk-foi-law.md §1.11" */
export const sourceOf = (regime: ExemptionRegime, number: string, referenceSection: string): string =>
  `${LEGISLATION[regime]}${number}; uk-foi-law.md ${referenceSection}`

const ID = /^(foia|eir|foisa)-[a-z0-9-]+$/

/** The words that name a regime, wherever they appear in what was typed: "s40(2) FOIA", "EIR reg 13", "FOI Act". */
const REGIME_WORDS: readonly (readonly [RegExp, ExemptionRegime])[] = [
  [/\bfoisa\b/, 'foisa'],
  [/\bfoi\s*\(\s*s(?:cotland)?\s*\)\s*a\b/, 'foisa'],
  [/\bfoia\b/, 'foia'],
  [/\bfoi\b/, 'foia'],
  [/\beirs?\b/, 'eir'],
]

/** Words that may surround a citation and say nothing about it: "section 40(2) of the FOIA". */
const FILLER = /\b(?:of|the|under|act)\b/g

const CITATION =
  /^(?:(section|sect|sec|ss|s|regulation|regs|reg|r)\s*\.?\s*)?(\d+[a-z]?)((?:\s*(?:\(\s*[a-z0-9]+\s*\)|-[a-z0-9]+))*)$/

/**
 * The ids a typed citation could mean, most likely first: "s31(1)(g)" is `foia-s31-1-g` or `foisa-s31-1-g` (both
 * Acts have sections); "reg 12(5)(b)" is `eir-r12-5-b`; "section 40(2) FOIA" is `foia-s40-2`; an id is itself. A
 * regime named in the text narrows the answer; the `regime` argument does not (the caller decides what a citation
 * from another regime means). Ids that do not exist are returned too: the caller looks them up. Nothing that cannot be
 * read as a citation gives an empty list.
 */
export const idsForCitation = (typed: string): string[] => {
  let text = typed
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"']/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (ID.test(text)) return [text]
  const named = new Set<ExemptionRegime>()
  for (const [pattern, regime] of REGIME_WORDS) {
    if (pattern.test(text)) {
      named.add(regime)
      text = text.replace(pattern, ' ')
    }
  }
  text = text
    .replace(FILLER, ' ')
    .replace(/[,;:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
  // "s.40(2)" and "s 40(2)" as well as "s40(2)".
  const match = CITATION.exec(text)
  if (match === null) return []
  const [, word, number = '', rest = ''] = match
  const parts = rest.match(/[a-z0-9]+/g) ?? []
  const byWord: readonly ExemptionRegime[] =
    word === undefined ? EXEMPTION_REGIMES : word.startsWith('r') ? ['eir'] : ['foia', 'foisa']
  const regimes = named.size === 0 ? byWord : byWord.filter((regime) => named.has(regime))
  return regimes.map((regime) => idOf(regime, number, ...parts))
}
