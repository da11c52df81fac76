/**
 * Person names by rule: the case's gazetteer (people named on the case and in the organisation's directory, with an
 * allow-list of released names), and three rules for names nobody listed: a title ("Mr", "Dr", "Cllr") before
 * capitalised words, a greeting ("Dear Sarah Jones"), and the line after a sign-off ("Kind regards,"). The language
 * model (compromise) is in name-model.ts; every rule-found or model-found name passes `acceptName`, which turns away
 * look-alikes: streets, organisations, months and days, and sentence openers.
 */

import type { Finding, Gazetteer, GazetteerPerson } from './finding.ts'
import {
  BUILDING_WORDS,
  MONTHS_AND_DAYS,
  NOT_NAME_WORDS,
  ORGANISATION_WORDS,
  STREET_WORDS,
  TITLES,
} from './name-words.ts'
import { joinRules, type ScanRule } from './shared-scan.ts'
import { isWordAt, makeFinding } from './text-scan.ts'

export const GAZETTEER_SCORE = 0.95
export const TITLE_SCORE = 0.8
export const GREETING_SCORE = 0.75
export const SIGNATURE_SCORE = 0.75

// ---------------------------------------------------------------------------------------------------------------
// Look-alikes.

const bare = (word: string): string => word.replace(/[.,;:!?'’]+$/u, '').toLowerCase()

/** A span of `text` that looks like a person's name once trimmed, or undefined. */
export interface NameSpan {
  readonly start: number
  readonly end: number
}

/** A word after which a name is a street, an organisation or a building: "Jordan Road", "William Morris House". */
const NOT_BEFORE_WORDS: ReadonlySet<string> = new Set([...STREET_WORDS, ...ORGANISATION_WORDS, ...BUILDING_WORDS])

const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\.?$/u
const TRAILING = /[\s.,;:!?)"”'’]+$/u
const POSSESSIVE = /['’]s$/u

/**
 * Trims a candidate name (punctuation, a possessive "’s", a leading title or salutation) and accepts it if it still
 * looks like a person: `minimumWords` capitalised words or more, none of them an organisation word, not all months or
 * days, no sentence-opening word, not followed by a street or organisation word ("Jordan Road", "Lincoln Trust"), and
 * not after a house number ("14 Jordan").
 */
export const acceptName = (text: string, start: number, end: number, minimumWords: number): NameSpan | undefined => {
  let span = text.slice(start, end)
  const trailing = TRAILING.exec(span)
  if (trailing !== null) span = span.slice(0, trailing.index)
  if (POSSESSIVE.test(span)) span = span.slice(0, -2)
  // Words and their offsets within the span.
  const found: { word: string; at: number }[] = []
  for (const match of span.matchAll(/\S+/gu)) found.push({ word: match[0], at: match.index })
  while (found.length > 0) {
    const first = bare(found[0]?.word ?? '')
    if (TITLES.has(first) || NOT_NAME_WORDS.has(first)) found.shift()
    else break
  }
  // A title inside ends the name: "Smith Mr Jones" is two people, and the next title's rule finds the second.
  const titleAt = found.findIndex(({ word }) => TITLES.has(bare(word)))
  if (titleAt !== -1) found.splice(titleAt)
  const first = found[0]
  const last = found.at(-1)
  if (first === undefined || last === undefined || found.length < minimumWords || found.length > 4) return undefined
  for (const { word } of found) {
    if (!NAME_WORD.test(word)) return undefined
    const lower = bare(word)
    if (ORGANISATION_WORDS.has(lower) || NOT_NAME_WORDS.has(lower) || STREET_WORDS.has(lower)) return undefined
  }
  if (found.every(({ word }) => MONTHS_AND_DAYS.has(bare(word)))) return undefined
  // A lone initial is not a name: "Mr J." says nothing without the surname.
  if (found.every(({ word }) => /^\p{Lu}\.?$/u.test(word))) return undefined
  const spanStart = start + first.at
  let spanEnd = start + last.at + last.word.length
  if (/[^\s]\.$/u.test(last.word) && !/^\p{Lu}\.$/u.test(last.word)) spanEnd -= 1
  const next = /^[ \t]*([\p{L}&]+)/u.exec(text.slice(spanEnd, spanEnd + 30))?.[1]?.toLowerCase()
  if (next !== undefined && (NOT_BEFORE_WORDS.has(next) || next === '&')) return undefined
  if (/\d[a-z]?,?[ \t]+$/iu.test(text.slice(Math.max(0, spanStart - 8), spanStart))) return undefined
  return { start: spanStart, end: spanEnd }
}

// ---------------------------------------------------------------------------------------------------------------
// The gazetteer.

/** A name from the gazetteer, in lower-case words. */
interface ListedName {
  readonly words: readonly string[]
  /** Every word but the surname. */
  readonly given: readonly string[]
  readonly person: GazetteerPerson | undefined
  readonly allowed: boolean
}

/** A compiled gazetteer: one case-insensitive regex over the surnames, and the names each surname belongs to. */
export interface CompiledGazetteer {
  readonly pattern: RegExp | undefined
  readonly bySurname: ReadonlyMap<string, readonly ListedName[]>
}

const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const ASCII_WORD = /^[A-Za-z0-9]$/

/**
 * Compiles the gazetteer: the names are found by their surnames (one regex, case-insensitive, with `\b` where the
 * surname starts and ends with an ASCII letter, which keeps the scan fast), and each surname found is then read with
 * the words before and after it: the name in full, "Smith, Alice", "A. Smith", or "Mr Smith". A surname alone is
 * not reported: "Hall" and "Green" are words too.
 */
export const compileGazetteer = (gazetteer: Gazetteer | undefined): CompiledGazetteer => {
  const bySurname = new Map<string, ListedName[]>()
  const add = (name: string, person: GazetteerPerson | undefined, allowed: boolean) => {
    const words = name
      .toLowerCase()
      .split(/\s+/u)
      .filter((word) => word !== '')
    const surname = words.at(-1)
    if (surname === undefined) return
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), { words, given: words.slice(0, -1), person, allowed }])
  }
  for (const person of gazetteer?.people ?? []) add(person.name, person, false)
  for (const name of gazetteer?.allowList ?? []) add(name, undefined, true)
  if (bySurname.size === 0) return { pattern: undefined, bySurname }
  const alternatives = [...bySurname.keys()]
    .sort((a, b) => b.length - a.length)
    .map((surname) => {
      const start = ASCII_WORD.test(surname.charAt(0)) ? String.raw`\b` : ''
      const end = ASCII_WORD.test(surname.charAt(surname.length - 1)) ? String.raw`\b` : ''
      return `${start}${escape(surname)}${end}`
    })
  return { pattern: new RegExp(alternatives.join('|'), 'gi'), bySurname }
}

/** A word just before a surname, lower case, without a full stop after it ("A." is "a", dotted). */
interface WordBefore {
  readonly start: number
  readonly lower: string
  readonly dotted: boolean
}

const isSpaceCode = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 160
const isNamePartAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index)
  return code === 39 || code === 45 || code === 0x2019 || (isWordAt(text, index) && !(code >= 48 && code <= 57))
}

/**
 * Up to `count` words before `at`, nearest first, each separated from the next by spaces or line breaks ("A.Smith"
 * needs none after the initial's full stop). Stops at anything else: punctuation, digits, a word too long to be a name.
 */
const wordsBefore = (text: string, at: number, count: number): WordBefore[] => {
  const words: WordBefore[] = []
  let cursor = at
  while (words.length < count) {
    let end = cursor
    while (end > 0 && cursor - end < 8 && isSpaceCode(text.charCodeAt(end - 1))) end -= 1
    const dotted = text.charCodeAt(end - 1) === 46
    if (end === cursor && !(dotted && words.length === 0)) break
    const wordEnd = dotted ? end - 1 : end
    let start = wordEnd
    while (start > 0 && wordEnd - start < 40 && isNamePartAt(text, start - 1)) start -= 1
    if (start === wordEnd || isWordAt(text, start - 1)) break
    words.push({ start, lower: text.slice(start, wordEnd).toLowerCase(), dotted })
    cursor = start
  }
  return words
}

/** ", Alice" after a surname: "Smith, Alice". */
const FIRST_AFTER = /[ \t]*,[ \t]*([\p{L}'’-]+)/uy

type FormKind = 'full' | 'initial' | 'title'

interface FormFound {
  readonly kind: FormKind
  readonly start: number
  readonly end: number
  readonly listed: ListedName
}

/** The fullest way one listed name is written at a surname found at [start, end), if any. */
const formAt = (
  start: number,
  end: number,
  listed: ListedName,
  before: readonly WordBefore[],
  after: { readonly lower: string; readonly end: number } | undefined,
): FormFound | undefined => {
  const { given } = listed
  const first = given[0]
  if (first === undefined) return { kind: 'full', start, end, listed }
  // In full: every given name, in order, just before the surname.
  if (
    given.every(
      (word, index) => before[given.length - 1 - index]?.lower === word && !before[given.length - 1 - index]?.dotted,
    )
  ) {
    return { kind: 'full', start: before[given.length - 1]?.start ?? start, end, listed }
  }
  const nearest = before[0]
  if (given.length > 1 && nearest?.lower === first && !nearest.dotted) {
    return { kind: 'full', start: nearest.start, end, listed }
  }
  if (after?.lower === first) return { kind: 'full', start, end: after.end, listed }
  if (nearest !== undefined && nearest.lower === first.charAt(0))
    return { kind: 'initial', start: nearest.start, end, listed }
  if (nearest !== undefined && TITLES.has(nearest.lower)) return { kind: 'title', start, end, listed }
  return undefined
}

const RANK: Readonly<Record<FormKind, number>> = { full: 3, initial: 2, title: 1 }

/**
 * Which form wins at one surname: the fullest (in full, then an initial, then a title), the longest among those. A
 * released name in full is never reported, even if someone also lists it; a short form that a listed person shares
 * with a released one ("Mr Smith", "J. Smith") is reported, since it may be the listed person: the reviewer decides.
 */
const bestForm = (forms: readonly FormFound[]): FormFound | undefined => {
  let best: FormFound | undefined
  for (const form of forms) {
    if (best === undefined) best = form
    else {
      const order =
        RANK[form.kind] - RANK[best.kind] ||
        form.end - form.start - (best.end - best.start) ||
        (form.kind === 'full'
          ? Number(form.listed.allowed) - Number(best.listed.allowed)
          : Number(best.listed.allowed) - Number(form.listed.allowed))
      if (order > 0) best = form
    }
  }
  return best
}

/** What the gazetteer finds: names to report, and the spans of released names that nothing may report. */
export const matchGazetteer = (
  text: string,
  gazetteer: CompiledGazetteer,
  out: Finding[],
): { readonly released: readonly NameSpan[] } => {
  const released: NameSpan[] = []
  const { pattern } = gazetteer
  if (pattern === undefined) return { released }
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    if (isWordAt(text, start - 1) || isWordAt(text, end)) continue
    const listed = gazetteer.bySurname.get(match[0].toLowerCase()) ?? []
    const longest = listed.reduce((most, name) => Math.max(most, name.given.length), 0)
    const before = longest === 0 ? [] : wordsBefore(text, start, longest)
    FIRST_AFTER.lastIndex = end
    const comma = longest === 0 ? null : FIRST_AFTER.exec(text)
    const firstAfter = comma?.[1]
    const after =
      comma === null || firstAfter === undefined || isWordAt(text, end + comma[0].length)
        ? undefined
        : { lower: firstAfter.toLowerCase(), end: end + comma[0].length }
    const form = bestForm(
      listed.map((name) => formAt(start, end, name, before, after)).filter((found) => found !== undefined),
    )
    if (form === undefined) continue
    if (form.listed.allowed) {
      released.push({ start: form.start, end: form.end })
      continue
    }
    const role = form.listed.person?.role
    const reason = role === undefined ? 'name listed on the case' : `name listed on the case (${role})`
    out.push(makeFinding('person-name', text, form.start, form.end, GAZETTEER_SCORE, reason))
  }
  return { released }
}

// ---------------------------------------------------------------------------------------------------------------
// Rules for names nobody listed.

/** A capitalised word or an initial: "Sarah", "O’Brien", "Smith-Jones", "J.". */
const TOKEN = String.raw`\p{Lu}(?:[\p{L}'’-]*\p{L})?\.?`
const TOKENS = String.raw`${TOKEN}(?:[ \t]+${TOKEN}){0,3}`
/** Read at one position only (sticky): the Unicode flag would slow a scan of the whole text several times over. */
const NAME_AT = new RegExp(TOKENS, 'yu')

/** A title or greeting, then spaces, then something that is not lower case, a digit or a space. */
const TITLED = String.raw`\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Prof|Professor|Sir|Dame|Rev|Revd|Lord|Lady)\.?[ \t]+(?=[^\sa-z\d])`
const GREETING = String.raw`\b(?:Dear|Hi|Hello)[ \t]+(?=[^\sa-z\d])`
/**
 * Sign-offs as they start a line: capitalised ("Kind regards", "Yours sincerely") or in capitals. Lower-case starts
 * are left out on purpose: they make this scan four times slower, and "thanks" in a sentence signs nothing.
 */
const SIGN_OFF = String.raw`\b(?:(?:Kind|Best|Warm|Warmest|Many) (?:[Rr]egards|[Ww]ishes|[Tt]hanks)|Yours (?:[Ss]incerely|[Ff]aithfully|[Tt]ruly)|Regards|Thanks|Thank you|Cheers|KIND REGARDS|REGARDS|THANKS|YOURS (?:SINCERELY|FAITHFULLY))\b`
const SIGNATURE = new RegExp(
  String.raw`[ \t]*[,.!]?[ \t]*(?:\r?\n[ \t]*){0,2}((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Prof)\.?[ \t]+)?${TOKENS})[ \t]*[,.]?[ \t]*(?:\r?\n|$)`,
  'yu',
)

/** The capitalised words just after a match: a name to check. */
const nameAfter = (
  text: string,
  at: number,
  minimumWords: number,
  score: number,
  reason: string,
  out: Finding[],
): void => {
  NAME_AT.lastIndex = at
  const name = NAME_AT.exec(text)
  if (name === null) return
  const span = acceptName(text, name.index, name.index + name[0].length, minimumWords)
  if (span !== undefined) out.push(makeFinding('person-name', text, span.start, span.end, score, reason))
}

/**
 * The name rules, for a shared scan (see shared-scan.ts): after a title, after a greeting, and on the line after a
 * sign-off. A name two rules find ("Dear Mr Smith") is found twice; overlap resolution keeps the title's.
 */
export const NAME_RULES: readonly ScanRule[] = [
  {
    source: TITLED,
    accept: (text, match, _base, out) =>
      nameAfter(text, match.index + match[0].length, 1, TITLE_SCORE, 'name after a title (Mr, Ms, Dr, Cllr…)', out),
  },
  {
    source: GREETING,
    accept: (text, match, _base, out) =>
      nameAfter(text, match.index + match[0].length, 1, GREETING_SCORE, 'name after a greeting (Dear, Hi, Hello)', out),
  },
  {
    source: SIGN_OFF,
    accept: (text, match, _base, out) => {
      SIGNATURE.lastIndex = match.index + match[0].length
      const line = SIGNATURE.exec(text)
      const name = line?.[1]
      if (line === null || name === undefined) return
      const start = line.index + line[0].indexOf(name)
      const span = acceptName(text, start, start + name.length, 1)
      if (span === undefined) return
      out.push(makeFinding('person-name', text, span.start, span.end, SIGNATURE_SCORE, 'name signing a letter'))
    },
  },
]

const scanNameRules = joinRules(NAME_RULES)

/** Names after a title, after a greeting, and on the line after a sign-off, each span once. */
export const findNamesByRule = (text: string, out: Finding[]): void => {
  const found: Finding[] = []
  scanNameRules(text, found)
  const seen = new Set<number>()
  for (const finding of found.sort((a, b) => a.start - b.start || b.score - a.score)) {
    // A second span from the same start is the same name read by another rule: the higher score is kept.
    if (seen.has(finding.start)) continue
    seen.add(finding.start)
    out.push(finding)
  }
}
