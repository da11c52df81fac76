/**
 * The pattern tier's detectors, one or more a type, each adding what it finds to `out`.
 *
 * Built for speed (issue 5 asks for 50 MB/s of text on one core). Each scan starts on something rare: a character
 * found with `indexOf` ('@', ':'), a context word ("passport", "born"), the inward half of a postcode, or a regex whose
 * first position is a narrow class behind a `\b`, which V8's regex engine skips through quickly. Detectors whose
 * matches start with a capital letter (IBAN, driving licence, vehicle registration) are also given as rules, so that
 * findPersonalData can run them in one scan with the name rules (see shared-scan.ts). Every repetition is bounded or
 * anchored, so no input makes a pattern backtrack without limit (find-personal-data.test.ts feeds each a megabyte
 * of hostile text), and nothing is allocated for text that does not match. Boundaries and check digits are tested in
 * code after a match, not by lookbehinds that would slow the scan.
 */

import type { Finding } from './finding.ts'
import { joinRules, type ScanRule } from './shared-scan.ts'
import { before, digitRunContinues, digitRunPrecedes, digitsOf, isDigitAt, isWordAt, makeFinding } from './text-scan.ts'
import {
  cardScheme,
  isCurrentRegistration,
  isRealDate,
  isValidCardNumber,
  isValidDrivingLicence,
  isValidIban,
  isValidIpv4,
  isValidIpv6,
  isValidNhsNumber,
  isValidNino,
  isValidPostcode,
  ukNumberKind,
} from './validators.ts'

export type Detector = (text: string, out: Finding[]) => void

// ---------------------------------------------------------------------------------------------------------------
// Email: found from each '@', the local part read leftwards and the domain rightwards.

const isLocalPartCode = (code: number): boolean =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 46 || // .
  code === 95 || // _
  code === 37 || // %
  code === 43 || // +
  code === 45 || // -
  code === 39 // '

const isAsciiAlnumCode = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

/** Labels of letters, digits and hyphens, and a top-level domain of letters; the sticky flag anchors it at the '@'. */
const EMAIL_DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/y

export const detectEmails: Detector = (text, out) => {
  let floor = 0
  let at = text.indexOf('@')
  while (at !== -1) {
    let start = at
    const limit = Math.max(floor, at - 64)
    while (start > limit && isLocalPartCode(text.charCodeAt(start - 1))) start -= 1
    // A local part starts and ends with a letter or digit here: quotes and dots around an address are punctuation.
    while (start < at && !isAsciiAlnumCode(text.charCodeAt(start))) start += 1
    if (start < at && isAsciiAlnumCode(text.charCodeAt(at - 1)) && !isWordAt(text, start - 1)) {
      EMAIL_DOMAIN.lastIndex = at + 1
      const domain = EMAIL_DOMAIN.exec(text)
      if (domain !== null) {
        const end = at + 1 + domain[0].length
        out.push(makeFinding('email', text, start, end, 0.99, 'email address'))
        floor = end
        at = text.indexOf('@', end)
        continue
      }
    }
    at = text.indexOf('@', at + 1)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// UK phone numbers.

/**
 * +44 or 0044 (with an optional "(0)"), then nine or ten digits; a bracketed area code; or a national number from 0,
 * ten or eleven digits. Digits may be separated by one space, hyphen or dot.
 */
const PHONE =
  /(?:\+ ?44|\b0044)[ .-]?(?:\(0\)[ .-]?|0)?\d(?:[ .-]?\d){8,9}|\(0\d{2,5}\)[ .-]?\d{3,4}[ .-]?\d{3,4}|\b0\d(?:[ .-]?\d){8,9}/g

/** An account, order or invoice number is not a phone number, though it starts with 0 and has ten digits. */
const NOT_A_PHONE_BEFORE = /(?:account|acct|a\/c|sort code|order|invoice|ref|reference|customer|policy)\b[^\n\d]{0,20}$/

export const detectPhones: Detector = (text, out) => {
  PHONE.lastIndex = 0
  for (let match = PHONE.exec(text); match !== null; match = PHONE.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    if (isWordAt(text, end) || isWordAt(text, start - 1) || digitRunPrecedes(text, start)) continue
    const digits = digitsOf(match[0])
    const international = match[0].startsWith('+') || match[0].startsWith('0044')
    const withoutCountry = international ? digits.slice(match[0].startsWith('+') ? 2 : 4) : digits
    // "+44 (0)20…" keeps its trunk 0 in brackets; a national number has it already.
    const national = international ? `0${withoutCountry.replace(/^0/, '')}` : withoutCountry
    const kind = ukNumberKind(national)
    if (kind === undefined) continue
    if (!international && /^\d+$/.test(match[0]) && NOT_A_PHONE_BEFORE.test(before(text, start, 40))) continue
    out.push(makeFinding('phone', text, start, end, 0.9, kind))
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Postcodes.

/**
 * Postcodes are found from the inward code (a digit and two letters, "1AA"), which is rarer in text than the word
 * starts an outward code could begin at; the outward code is then read backwards from it. Either case is accepted.
 */
const INWARD = /\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}\b/g
const OUTWARD_BEFORE = /(?:^|[^A-Za-z0-9])((?:[A-PR-UWYZ](?:[A-HK-Y]\d[\dABEHMNPRV-Y]?|\d[\dA-HJKPSTUW]?)|GIR) ?)$/i

export const detectPostcodes: Detector = (text, out) => {
  INWARD.lastIndex = 0
  for (let inward = INWARD.exec(text); inward !== null; inward = INWARD.exec(text)) {
    const end = inward.index + 3
    const outward = OUTWARD_BEFORE.exec(text.slice(Math.max(0, inward.index - 5), inward.index))?.[1]
    if (outward === undefined) continue
    const start = inward.index - outward.length
    const postcode = text.slice(start, end)
    if (!isValidPostcode(postcode)) continue
    // Lower case is accepted, as people type it into forms, but scores lower: "the m1 1ae" is rarely meant.
    out.push(makeFinding('postcode', text, start, end, /[a-z]/.test(postcode) ? 0.7 : 0.9, 'UK postcode'))
  }
}

// ---------------------------------------------------------------------------------------------------------------
// National Insurance numbers.

const NINO = /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi

export const detectNinos: Detector = (text, out) => {
  NINO.lastIndex = 0
  for (let match = NINO.exec(text); match !== null; match = NINO.exec(text)) {
    if (!isValidNino(match[0].replace(/ /g, '').toUpperCase())) continue
    const start = match.index
    out.push(
      makeFinding('national-insurance-number', text, start, start + match[0].length, 0.95, 'National Insurance number'),
    )
  }
}

// ---------------------------------------------------------------------------------------------------------------
// NHS numbers.

/** Three, three and four digits, separated alike (a space, a hyphen, or nothing). */
const NHS = /\b\d{3}([ -]?)\d{3}\1\d{4}\b/g

const NHS_CONTEXT = /\b(?:nhs|chi|h&c|health|patient|hospital|gp)\b/
const NOT_NHS_BEFORE =
  /\b(?:order|invoice|account|acct|a\/c|ref|reference|tel|telephone|phone|mobile|fax|customer|policy|tracking|ticket|case|serial|isbn)\b[^\n]{0,25}$/

export const detectNhsNumbers: Detector = (text, out) => {
  NHS.lastIndex = 0
  for (let match = NHS.exec(text); match !== null; match = NHS.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    // Inside a longer grouped number ("123 456 7890 12"), or a decimal, it is not an NHS number.
    if (digitRunPrecedes(text, start) || digitRunContinues(text, end)) continue
    if (text.charCodeAt(start - 1) === 46 || (text.charCodeAt(end) === 46 && isDigitAt(text, end + 1))) continue
    if (!isValidNhsNumber(digitsOf(match[0]))) continue
    const context = before(text, start, 40)
    const named = NHS_CONTEXT.test(context)
    if (!named && NOT_NHS_BEFORE.test(context)) continue
    const score = named ? 0.97 : match[1] === '' ? 0.75 : 0.85
    out.push(makeFinding('nhs-number', text, start, end, score, 'NHS number with a valid check digit'))
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Payment cards.

/** 13 to 19 digits from a scheme's first digit (2 to 6), with single spaces or hyphens anywhere. */
const CARD = /\b[2-6]\d{3}(?:[ -]?\d){9,15}\b/g

export const detectPaymentCards: Detector = (text, out) => {
  CARD.lastIndex = 0
  for (let match = CARD.exec(text); match !== null; match = CARD.exec(text)) {
    const start = match.index
    if (digitRunPrecedes(text, start) || isWordAt(text, start - 1)) continue
    // Inside a longer grouped run ("4111 1111 1111 1111 2222"), it is not a card number.
    if (digitRunContinues(text, start + match[0].length)) continue
    let candidate = match[0]
    // Digits after the number may have been read into it ("4111111111111111 12"): try it up to each separator.
    while (!isValidCardNumber(digitsOf(candidate))) {
      const cut = Math.max(candidate.lastIndexOf(' '), candidate.lastIndexOf('-'))
      candidate = cut <= 0 ? '' : candidate.slice(0, cut)
      if (digitsOf(candidate).length < 13) break
    }
    const digits = digitsOf(candidate)
    if (digits.length < 13 || !isValidCardNumber(digits)) continue
    const scheme = cardScheme(digits) ?? 'card'
    out.push(
      makeFinding('payment-card', text, start, start + candidate.length, 0.97, `${scheme} card number (Luhn check)`),
    )
  }
}

// ---------------------------------------------------------------------------------------------------------------
// IBANs.

export const IBAN_RULE: ScanRule = {
  source: String.raw`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b`,
  accept: (text, match, base, out) => {
    let candidate = match[base] ?? ''
    // A capitalised word after the IBAN may have been read as one more group: drop groups until it checks.
    for (let tries = 0; tries < 3 && !isValidIban(candidate.replace(/ /g, '')); tries += 1) {
      const cut = candidate.lastIndexOf(' ')
      if (cut <= 0) break
      candidate = candidate.slice(0, cut)
    }
    if (!isValidIban(candidate.replace(/ /g, ''))) return
    const start = match.index
    out.push(makeFinding('iban', text, start, start + candidate.length, 0.99, 'IBAN with a valid mod-97 check'))
  },
}

export const detectIbans: Detector = joinRules([IBAN_RULE])

// ---------------------------------------------------------------------------------------------------------------
// Driving licence numbers.

export const DRIVING_LICENCE_RULE: ScanRule = {
  source: String.raw`\b[A-Z][A-Z9]{4} ?\d{6} ?[A-Z][A-Z9]\d[A-Z0-9]{2}\b`,
  accept: (text, match, base, out) => {
    const licence = match[base] ?? ''
    if (!isValidDrivingLicence(licence.replace(/ /g, ''))) return
    const start = match.index
    out.push(makeFinding('driving-licence', text, start, start + licence.length, 0.95, 'DVLA driving licence number'))
  },
}

export const detectDrivingLicences: Detector = joinRules([DRIVING_LICENCE_RULE])

// ---------------------------------------------------------------------------------------------------------------
// Numbers found only near a word that says what they are: passports, older registrations, dates of birth, and sort
// codes written with spaces. The context word is the scan's anchor; the number is looked for just after it.

/** Runs `pattern` (global) over `text` from `from` to `to` without reading past `to`. */
const firstMatchIn = (pattern: RegExp, text: string, from: number, to: number): RegExpExecArray | null => {
  pattern.lastIndex = 0
  const match = pattern.exec(text.slice(from, Math.min(to, text.length)))
  if (match !== null) match.index += from
  return match
}

const PASSPORT_CONTEXT = /passport/gi
const NINE_DIGITS = /(?<![\d-])(?:\d{9}|\d{3} \d{3} \d{3})(?![\d-])/g

export const detectPassportNumbers: Detector = (text, out) => {
  PASSPORT_CONTEXT.lastIndex = 0
  let floor = 0
  for (let context = PASSPORT_CONTEXT.exec(text); context !== null; context = PASSPORT_CONTEXT.exec(text)) {
    const after = context.index + context[0].length
    const match = firstMatchIn(NINE_DIGITS, text, Math.max(after, floor), after + 40)
    if (match === null) continue
    const end = match.index + match[0].length
    out.push(
      makeFinding('passport-number', text, match.index, end, 0.85, 'passport number (nine digits after "passport")'),
    )
    floor = end
  }
}

/** A word about vehicles shortly before, on the same line and in the same sentence. */
const VEHICLE_BEFORE =
  /\b(?:registration|reg|vrm|vrn|number ?plate|plate|vehicle|car|van|lorry|taxi|motorbike|motorcycle|logbook|v5c?)\b[^.\n]{0,30}$/

/**
 * The current format (AB12 CDE, since 2001) in group 1, found anywhere; the prefix format (A123 BCD, 1983–2001) and
 * the suffix format (ABC 123D, 1963–1983) in group 2, found only after a word about vehicles.
 */
export const VEHICLE_REGISTRATION_RULE: ScanRule = {
  source: String.raw`\b(?:([A-HK-PRSVWY][A-HJ-PR-Y](?:0[2-9]|[12]\d|5[1-9]|[67]\d) ?[A-HJ-PR-Z]{3})|([A-HJ-NPR-Y]\d{1,3} ?[A-HJ-PR-Y]{3}|[A-HJ-PR-Y]{3} ?\d{1,3}[A-HJ-NPR-Y]))\b`,
  accept: (text, match, base, out) => {
    const registration = match[base] ?? ''
    const start = match.index
    const current = match[base + 1] !== undefined
    const context = VEHICLE_BEFORE.test(before(text, start, 50))
    if (current ? !isCurrentRegistration(registration) : !context) return
    const reason = current
      ? context
        ? 'vehicle registration (current format) near a vehicle word'
        : 'vehicle registration (current format)'
      : 'vehicle registration (older format) near a vehicle word'
    out.push(makeFinding('vehicle-registration', text, start, start + registration.length, context ? 0.9 : 0.8, reason))
  },
}

export const detectVehicleRegistrations: Detector = joinRules([VEHICLE_REGISTRATION_RULE])

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
} // prettier-ignore

const DATE = new RegExp(
  [
    String.raw`\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b`,
    String.raw`\b(\d{4})-(\d{2})-(\d{2})\b`,
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTHS})\.?,? (\d{4})\b`,
    String.raw`\b(${MONTHS})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`,
  ].join('|'),
  'gi',
)

const fullYear = (year: string): number => {
  const value = Number(year)
  return year.length === 2 ? (value > 30 ? 1900 + value : 2000 + value) : value
}

const monthNumber = (name: string): number => MONTH_NUMBERS[name.slice(0, 3).toLowerCase()] ?? 0

/** Whether a date match is a real day: the day, month and year groups of whichever form matched. */
const isRealDateMatch = (match: RegExpExecArray): boolean => {
  const [, d1, , m1, y1, y2, m2, d2, d3, m3, y3, m4, d4, y4] = match
  if (d1 !== undefined) return isRealDate(fullYear(y1 ?? ''), Number(m1), Number(d1))
  if (y2 !== undefined) return isRealDate(Number(y2), Number(m2), Number(d2))
  if (d3 !== undefined) return isRealDate(Number(y3), monthNumber(m3 ?? ''), Number(d3))
  return isRealDate(Number(y4), monthNumber(m4 ?? ''), Number(d4))
}

const BIRTH_CONTEXT = /\b(?:date of birth|birth ?date|dob|born(?: on)?|birthday)\b|\bd\.o\.b\b\.?/gi
/** What may stand between the context and the date: "DOB: ", "date of birth is ", "born on the ". */
const BIRTH_GAP = /^[\s:;,.|\-–—()]*(?:(?:is|was|on|the|of)\b[\s:]*)*$/i

export const detectDatesOfBirth: Detector = (text, out) => {
  BIRTH_CONTEXT.lastIndex = 0
  let floor = 0
  for (let context = BIRTH_CONTEXT.exec(text); context !== null; context = BIRTH_CONTEXT.exec(text)) {
    const after = context.index + context[0].length
    if (after < floor) continue
    const match = firstMatchIn(DATE, text, after, after + 48)
    if (match === null || !BIRTH_GAP.test(text.slice(after, match.index)) || !isRealDateMatch(match)) continue
    const end = match.index + match[0].length
    out.push(makeFinding('date-of-birth', text, match.index, end, 0.9, 'date after "date of birth" or "born"'))
    floor = end
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sort codes with account numbers.

const SORT_CODE = /\b\d{2}-\d{2}-\d{2}\b/g
const SORT_CODE_CONTEXT = /\bsort[ -]?code\b/gi
const SPACED_SORT_CODE = /(?<![\d-])\d{2}[ -]?\d{2}[ -]?\d{2}(?![\d-])/g
const ACCOUNT_NUMBER = /(?<![\d-]|\d )(?:\d{8}|\d{4} \d{4})(?![\d-]| \d)/g

/** The account number nearest a sort code, within 60 characters after it, or else before it. */
const accountNear = (text: string, start: number, end: number): RegExpExecArray | null => {
  const afterIt = firstMatchIn(ACCOUNT_NUMBER, text, end, end + 60)
  if (afterIt !== null) return afterIt
  const from = Math.max(0, start - 60)
  ACCOUNT_NUMBER.lastIndex = 0
  const window = text.slice(from, start)
  let last: RegExpExecArray | null = null
  for (let match = ACCOUNT_NUMBER.exec(window); match !== null; match = ACCOUNT_NUMBER.exec(window)) last = match
  if (last !== null) last.index += from
  return last
}

export const detectBankAccounts: Detector = (text, out) => {
  const sortCodes: [number, number][] = []
  SORT_CODE.lastIndex = 0
  for (let match = SORT_CODE.exec(text); match !== null; match = SORT_CODE.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    // "12-34-56-78" is not a sort code; "12-34-56 12345678" is one with its account number.
    if (digitRunPrecedes(text, start) || (text.charCodeAt(end) === 45 && isDigitAt(text, end + 1))) continue
    sortCodes.push([start, end])
  }
  SORT_CODE_CONTEXT.lastIndex = 0
  for (let context = SORT_CODE_CONTEXT.exec(text); context !== null; context = SORT_CODE_CONTEXT.exec(text)) {
    const after = context.index + context[0].length
    const match = firstMatchIn(SPACED_SORT_CODE, text, after, after + 16)
    if (match === null || sortCodes.some(([start]) => start === match.index)) continue
    sortCodes.push([match.index, match.index + match[0].length])
  }
  const accounts = new Set<number>()
  for (const [start, end] of sortCodes) {
    const account = accountNear(text, start, end)
    if (account === null) continue
    out.push(makeFinding('bank-account', text, start, end, 0.9, 'sort code with an account number nearby'))
    if (accounts.has(account.index)) continue
    accounts.add(account.index)
    const accountEnd = account.index + account[0].length
    out.push(makeFinding('bank-account', text, account.index, accountEnd, 0.9, 'account number near a sort code'))
  }
}

// ---------------------------------------------------------------------------------------------------------------
// IP addresses.

const IPV4 = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g
/** Version numbers and paragraph numbers look like addresses: "version 1.2.3.4", "paragraph 3.4.5.6". */
const VERSION_BEFORE =
  /\b(?:v|ver|version|release|build|firmware|update|patch|paragraph|para|section|clause|figure|table|page|step|item)\.?\s*$/

export const detectIpv4Addresses: Detector = (text, out) => {
  IPV4.lastIndex = 0
  for (let match = IPV4.exec(text); match !== null; match = IPV4.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    // Part of a longer dotted run ("1.2.3.4.5"), or a version number: not an address.
    if (text.charCodeAt(start - 1) === 46 || (text.charCodeAt(end) === 46 && isDigitAt(text, end + 1))) continue
    if (!isValidIpv4(match[0]) || VERSION_BEFORE.test(before(text, start, 16))) continue
    out.push(makeFinding('ip-address', text, start, end, 0.85, 'IPv4 address'))
  }
}

const isHexOrColon = (code: number): boolean =>
  (code >= 48 && code <= 58) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102)

export const detectIpv6Addresses: Detector = (text, out) => {
  let at = text.indexOf(':')
  while (at !== -1) {
    let start = at
    const low = Math.max(0, at - 40)
    while (start > low && isHexOrColon(text.charCodeAt(start - 1))) start -= 1
    let end = at + 1
    const high = Math.min(text.length, start + 45)
    while (end < high && (isHexOrColon(text.charCodeAt(end)) || text.charCodeAt(end) === 46)) end += 1
    while (end > at + 1 && text.charCodeAt(end - 1) === 46) end -= 1
    const candidate = text.slice(start, end)
    if (
      !isWordAt(text, start - 1) &&
      !isWordAt(text, end) &&
      /\d|[a-f]{2}/i.test(candidate) &&
      (candidate.includes('::') || candidate.split(':').length >= 8) &&
      isValidIpv6(candidate)
    ) {
      out.push(makeFinding('ip-address', text, start, end, 0.9, 'IPv6 address'))
      at = text.indexOf(':', end)
      continue
    }
    // Skip the rest of this run of colons and hex: no address starts inside it.
    at = text.indexOf(':', Math.max(at + 1, end))
  }
}
