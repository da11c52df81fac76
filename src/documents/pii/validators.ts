/**
 * Check digits and format rules for the numbers the finder reports. Each takes the bare value (digits or letters,
 * no spaces unless it says otherwise) and answers without throwing.
 */

const isDigits = (value: string): boolean => /^\d+$/.test(value)

/** The Luhn (mod 10) check that payment card numbers carry in their last digit. */
export const luhn = (digits: string): boolean => {
  if (digits.length < 2 || !isDigits(digits)) return false
  let sum = 0
  let double = false
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48
    if (double) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
    double = !double
  }
  return sum % 10 === 0
}

/**
 * The NHS number's check digit for its first nine digits (weights 10 down to 2, modulus 11), or undefined when the
 * nine digits can have none (a remainder that gives 10: such numbers are never issued).
 */
export const nhsCheckDigit = (nineDigits: string): number | undefined => {
  if (nineDigits.length !== 9 || !isDigits(nineDigits)) return undefined
  let sum = 0
  for (let index = 0; index < 9; index += 1) sum += (nineDigits.charCodeAt(index) - 48) * (10 - index)
  const check = 11 - (sum % 11)
  if (check === 10) return undefined
  return check === 11 ? 0 : check
}

/** Ten digits whose last is the check digit of the first nine. */
export const isValidNhsNumber = (digits: string): boolean =>
  digits.length === 10 && isDigits(digits) && nhsCheckDigit(digits.slice(0, 9)) === digits.charCodeAt(9) - 48

/** IBAN lengths by country (ISO 13616 registry), for the countries a UK authority is likely to meet and more. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27,
  GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25,
  QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
} // prettier-ignore

/**
 * The ISO 7064 mod-97 remainder of an IBAN (upper case, no spaces): its first four characters moved to the end,
 * letters read as 10 to 35. A valid IBAN gives 1. Worked digit by digit, so no big integers are needed.
 */
export const ibanMod97 = (iban: string): number => {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (let index = 0; index < rearranged.length; index += 1) {
    const code = rearranged.charCodeAt(index)
    if (code >= 48 && code <= 57) remainder = (remainder * 10 + (code - 48)) % 97
    else if (code >= 65 && code <= 90) remainder = (remainder * 100 + (code - 55)) % 97
    else return -1
  }
  return remainder
}

/** A country the registry knows, that country's length, two check digits, and the mod-97 check. */
export const isValidIban = (iban: string): boolean => {
  const length = IBAN_LENGTHS[iban.slice(0, 2)]
  return length === iban.length && /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) && ibanMod97(iban) === 1
}

const NINO_FIRST_NOT = 'DFIQUV'
const NINO_SECOND_NOT = 'DFIOQUV'
const NINO_PREFIXES_NOT: ReadonlySet<string> = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'])

/**
 * HMRC's rules for the two-letter prefix of a National Insurance number: the first letter is not D, F, I, Q, U or V;
 * the second is not D, F, I, O, Q, U or V; and the prefix is not BG, GB, KN, NK, NT, TN or ZZ.
 */
export const isValidNinoPrefix = (prefix: string): boolean => {
  if (!/^[A-Z]{2}$/.test(prefix)) return false
  return (
    !NINO_FIRST_NOT.includes(prefix.charAt(0)) &&
    !NINO_SECOND_NOT.includes(prefix.charAt(1)) &&
    !NINO_PREFIXES_NOT.has(prefix)
  )
}

/** A National Insurance number without spaces, upper case: a valid prefix, six digits, a suffix A to D. */
export const isValidNino = (nino: string): boolean =>
  /^[A-Z]{2}\d{6}[A-D]$/.test(nino) && isValidNinoPrefix(nino.slice(0, 2))

/**
 * The official postcode format: an outward code (A9, A99, AA9, AA99, A9A or AA9A) and an inward code (9AA). The first
 * letter is not Q, V or X; the second not I, J or Z; a third-position letter is one of ABCDEFGHJKPSTUW; a
 * fourth-position letter one of ABEHMNPRVWXY; the inward letters are not C, I, K, M, O or V. GIR 0AA is the one
 * exception. Upper case, with or without the single space.
 */
export const POSTCODE_PATTERN =
  /^(?:(?:[A-PR-UWYZ]\d[\dA-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y]\d[\dABEHMNPRVWXY]?) ?\d[ABD-HJLNP-UW-Z]{2}|GIR ?0AA)$/

export const isValidPostcode = (postcode: string): boolean => POSTCODE_PATTERN.test(postcode.toUpperCase())

/**
 * Areas whose four-digit codes also have five-digit local numbers, and the one five-digit code with four-digit local
 * numbers: the only geographic numbers with ten digits rather than eleven.
 */
const TEN_DIGIT_AREA_CODES: ReadonlySet<string> = new Set([
  '01204', '01208', '01254', '01276', '01297', '01298', '01363', '01364', '01384', '01386', '01404', '01420', '01460',
  '01461', '01480', '01488', '01524', '01527', '01562', '01566', '01606', '01629', '01635', '01647', '01659', '01695',
  '01726', '01744', '01750', '01827', '01837', '01884', '01900', '01905', '01935', '01946', '01949', '01963', '01995',
]) // prettier-ignore

/** What kind of UK number a national number is (digits, leading 0), or undefined if no UK number looks like it. */
export const ukNumberKind = (national: string): string | undefined => {
  if (!/^0\d{9,10}$/.test(national)) return undefined
  const eleven = national.length === 11
  switch (national.charAt(1)) {
    case '1':
      if (eleven) return 'UK landline number'
      return TEN_DIGIT_AREA_CODES.has(national.slice(0, 5)) || national.startsWith('016977')
        ? 'UK landline number'
        : undefined
    case '2':
      return eleven && /^02[03489]/.test(national) ? 'UK landline number' : undefined
    case '3':
      return eleven && /^03[0347]/.test(national) ? 'UK non-geographic number (03)' : undefined
    case '5':
      return eleven && /^05[56]/.test(national) ? 'UK corporate or internet number' : undefined
    case '7':
      if (!eleven) return undefined
      return national.startsWith('076') && !national.startsWith('07624') ? 'UK pager number' : 'UK mobile number'
    case '8':
      if (national.startsWith('0800')) return 'UK freephone number'
      return eleven && /^08(?:0[08]|4[2-5]|7[0-3])/.test(national) ? 'UK freephone or shared-cost number' : undefined
    case '9':
      return eleven && /^09[018]/.test(national) ? 'UK premium-rate number' : undefined
    default:
      return undefined
  }
}

/** Four decimal octets, 0 to 255, without leading zeros (which some software reads as octal). */
export const isValidIpv4 = (address: string): boolean => {
  const octets = address.split('.')
  return octets.length === 4 && octets.every((octet) => /^(?:0|[1-9]\d{0,2})$/.test(octet) && Number(octet) <= 255)
}

/**
 * An IPv6 address in any of its textual forms (RFC 4291 §2.2): eight groups of up to four hex digits, one `::` for a
 * run of zero groups, and an IPv4 address in the last 32 bits.
 */
export const isValidIpv6 = (address: string): boolean => {
  if (address.length < 2 || address.length > 45) return false
  const halves = address.split('::')
  if (halves.length > 2) return false
  const groupsOf = (half: string): string[] | undefined => {
    if (half === '') return []
    const groups = half.split(':')
    return groups.every((group) => group !== '') ? groups : undefined
  }
  const head = groupsOf(halves[0] ?? '')
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : []
  if (head === undefined || tail === undefined) return false
  const groups = [...head, ...tail]
  let count = groups.length
  const last = groups.at(-1)
  if (last !== undefined && last.includes('.')) {
    if (!isValidIpv4(last)) return false
    groups.pop()
    count += 1
  }
  if (!groups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false
  return halves.length === 2 ? count < 8 : count === 8
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** A day that exists: 29 February only in a leap year. */
export const isRealDate = (year: number, month: number, day: number): boolean => {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0)
  return day <= days
}

/**
 * The payment card scheme a number belongs to, from its prefix (the issuer identification number) and length, or
 * undefined when no scheme issues numbers like it. Digits only.
 */
export const cardScheme = (digits: string): string | undefined => {
  const length = digits.length
  const two = Number(digits.slice(0, 2))
  const three = Number(digits.slice(0, 3))
  const four = Number(digits.slice(0, 4))
  const six = Number(digits.slice(0, 6))
  if (digits.startsWith('4')) return length === 13 || length === 16 || length === 19 ? 'Visa' : undefined
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return length === 16 ? 'Mastercard' : undefined
  if (two === 34 || two === 37) return length === 15 ? 'American Express' : undefined
  if (four === 6011 || (three >= 644 && three <= 649) || two === 65 || (six >= 622126 && six <= 622925)) {
    return length >= 16 && length <= 19 ? 'Discover' : undefined
  }
  if (four >= 3528 && four <= 3589) return length >= 16 && length <= 19 ? 'JCB' : undefined
  if (two === 36 || two === 38 || two === 39 || (three >= 300 && three <= 305)) {
    return length >= 14 && length <= 19 ? 'Diners Club' : undefined
  }
  if (two === 62) return length >= 16 && length <= 19 ? 'UnionPay' : undefined
  if (two === 50 || (two >= 56 && two <= 69)) return length >= 12 && length <= 19 ? 'Maestro' : undefined
  return undefined
}

/** A card number: a scheme issues numbers like it, and the Luhn check holds. Digits only. */
export const isValidCardNumber = (digits: string): boolean => cardScheme(digits) !== undefined && luhn(digits)

/**
 * A DVLA driving licence number (16 characters, upper case, no spaces): five characters of the surname padded with
 * 9s, the decade of birth, the month of birth (plus 50 for women), the day, the year within the decade, two initials
 * (the second may be 9), a digit, and two check characters.
 */
export const DRIVING_LICENCE_PATTERN =
  /^[A-Z](?:[A-Z]{4}|[A-Z]{3}9|[A-Z]{2}99|[A-Z]999|9999)\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d[A-Z][A-Z9]\d[A-Z0-9]{2}$/

export const isValidDrivingLicence = (licence: string): boolean => DRIVING_LICENCE_PATTERN.test(licence)

/**
 * The current vehicle registration format (since September 2001): two letters for the place (not I, Q or Z; the
 * first not J, T, U or X either), the age identifier (02–29 or 51–79, March and September plates), a space, and
 * three letters (not I or Q). Upper case, with or without the space.
 */
export const CURRENT_REGISTRATION_PATTERN = /^[A-HK-PRSVWY][A-HJ-PR-Y](?:0[2-9]|[12]\d|5[1-9]|[67]\d) ?[A-HJ-PR-Z]{3}$/

export const isCurrentRegistration = (registration: string): boolean => CURRENT_REGISTRATION_PATTERN.test(registration)
