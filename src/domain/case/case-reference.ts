import { fail, ok, type Result } from '../result.ts'

/**
 * Case references such as `IC-335210-T7S5`. A pattern is literal text with placeholders:
 * `#` a digit, `@` a capital letter (I and O left out, so that nobody misreads them as 1 and 0).
 * The default, `IC-######-@#@#`, has 10^6 × 24^2 × 10^2 ≈ 5.8 × 10^10 references, drawn at random, so that one
 * reference gives away nothing about the others.
 */
export const DEFAULT_REFERENCE_PATTERN = 'IC-######-@#@#'

export const REFERENCE_DIGITS = '0123456789'
export const REFERENCE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'

/** The fewest references a pattern must allow, so that random references are unguessable and rarely collide. */
export const MINIMUM_REFERENCE_SPACE = 1e9

const LITERAL = /^[A-Z0-9/-]$/

/** How many references a pattern allows. */
export const referenceSpace = (pattern: string): number =>
  [...pattern].reduce(
    (space, char) =>
      char === '#' ? space * REFERENCE_DIGITS.length : char === '@' ? space * REFERENCE_LETTERS.length : space,
    1,
  )

/** Checks a pattern an administrator typed; the message says what to change. */
export const readReferencePattern = (text: string): Result<string, string> => {
  const pattern = text.trim()
  if (pattern === '') return fail('Enter a case-reference pattern, like IC-######-@#@#')
  if (pattern.length > 40) return fail('A case-reference pattern must be 40 characters or fewer')
  const bad = [...pattern].find((char) => char !== '#' && char !== '@' && !LITERAL.test(char))
  if (bad !== undefined) {
    return fail(
      `A case-reference pattern can only use capital letters, digits, hyphens and slashes, with # for a random digit and @ for a random letter (“${bad}” is not allowed)`,
    )
  }
  // readCaseReference refuses a reference that starts with a hyphen or slash, so no pattern may make one.
  if (pattern.startsWith('-') || pattern.startsWith('/')) {
    return fail('A case-reference pattern must start with a capital letter, a digit, # or @, like IC-######-@#@#')
  }
  if (referenceSpace(pattern) < MINIMUM_REFERENCE_SPACE) {
    return fail(
      'A case-reference pattern needs more random characters so that references cannot be guessed: use at least 9 of # and @ together, like IC-######-@#@#',
    )
  }
  return ok(pattern)
}

/**
 * Makes a reference from a pattern. `randomIndex(n)` returns a whole number from 0 to n − 1; the caller passes a
 * cryptographic source, tests a fixed one.
 */
export const generateReference = (pattern: string, randomIndex: (n: number) => number): string =>
  [...pattern]
    .map((char) => {
      if (char === '#') return REFERENCE_DIGITS[randomIndex(REFERENCE_DIGITS.length)]
      if (char === '@') return REFERENCE_LETTERS[randomIndex(REFERENCE_LETTERS.length)]
      return char
    })
    .join('')

/** Whether a text has the shape of a reference made from a pattern. */
export const matchesReferencePattern = (pattern: string, text: string): boolean => {
  if (text.length !== pattern.length) return false
  return [...pattern].every((char, index) => {
    const got = text[index] ?? ''
    if (char === '#') return REFERENCE_DIGITS.includes(got)
    if (char === '@') return REFERENCE_LETTERS.includes(got)
    return got === char
  })
}

/**
 * Reads a reference someone typed: trimmed and upper-cased. Any shape is accepted (imported cases keep the
 * references they were given), but only letters, digits, hyphens and slashes, up to 40 characters.
 */
export const readCaseReference = (text: string): Result<string, string> => {
  const reference = text.trim().toUpperCase()
  if (reference === '') return fail('Enter a case reference, like IC-335210-T7S5')
  if (reference.length > 40 || !/^[A-Z0-9][A-Z0-9/-]*$/.test(reference)) {
    return fail('A case reference can only contain letters, digits, hyphens and slashes, like IC-335210-T7S5')
  }
  return ok(reference)
}
