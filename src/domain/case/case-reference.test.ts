import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_REFERENCE_PATTERN,
  generateReference,
  matchesReferencePattern,
  MINIMUM_REFERENCE_SPACE,
  readCaseReference,
  readReferencePattern,
  referenceSpace,
} from './case-reference.ts'

/** A random source that gives back the indices it is handed, in turn, and records what it was asked for. */
const fixedSource = (indices: readonly number[]) => {
  const asked: number[] = []
  let next = 0
  const randomIndex = (n: number): number => {
    asked.push(n)
    const index = indices[next % indices.length] ?? 0
    next += 1
    return index
  }
  return { randomIndex, asked }
}

const TOO_FEW_RANDOM =
  'A case-reference pattern needs more random characters so that references cannot be guessed: use at least 9 of # and @ together, like IC-######-@#@#'
const BAD_REFERENCE = 'A case reference can only contain letters, digits, hyphens and slashes, like IC-335210-T7S5'

describe('making a case reference', () => {
  it('makes IC-335210-T7S5 from the default pattern and a fixed source', () => {
    const source = fixedSource([3, 3, 5, 2, 1, 0, 17, 7, 16, 5])
    expect(generateReference(DEFAULT_REFERENCE_PATTERN, source.randomIndex)).toBe('IC-335210-T7S5')
  })

  it('asks the source for a digit out of 10 at each # and a letter out of 24 at each @, and nothing for literals', () => {
    const source = fixedSource([0])
    generateReference(DEFAULT_REFERENCE_PATTERN, source.randomIndex)
    expect(source.asked).toEqual([10, 10, 10, 10, 10, 10, 24, 10, 24, 10])
  })

  it('makes the lowest and highest references the pattern allows', () => {
    expect(generateReference(DEFAULT_REFERENCE_PATTERN, () => 0)).toBe('IC-000000-A0A0')
    expect(generateReference(DEFAULT_REFERENCE_PATTERN, (n) => n - 1)).toBe('IC-999999-Z9Z9')
  })

  it.each([
    [7, 'H'],
    [8, 'J'],
    [12, 'N'],
    [13, 'P'],
  ])('skips I and O: letter %i is %s', (index, letter) => {
    expect(generateReference('@', () => index)).toBe(letter)
  })

  it('copies a pattern with no placeholders as it is', () => {
    expect(generateReference('FOI/2024-', () => 0)).toBe('FOI/2024-')
  })
})

describe('whether a text has the shape of a reference', () => {
  it.each([
    ['IC-335210-T7S5', true, 'a reference from the default pattern'],
    ['IC-000000-A0A0', true, 'the lowest reference'],
    ['ic-335210-t7s5', false, 'lower case'],
    ['IC-335210-T7S', false, 'one character short'],
    ['IC-335210-T7S55', false, 'one character long'],
    ['IC-335210-I7S5', false, 'an I where a letter goes'],
    ['IC-335210-O7S5', false, 'an O where a letter goes'],
    ['IC-335210-77S5', false, 'a digit where a letter goes'],
    ['IC-33521A-T7S5', false, 'a letter where a digit goes'],
    ['IX-335210-T7S5', false, 'different literal text'],
    ['IC/335210-T7S5', false, 'a slash for a hyphen'],
    ['', false, 'nothing'],
  ])('%s: %s (%s)', (text, matches) => {
    expect(matchesReferencePattern(DEFAULT_REFERENCE_PATTERN, text)).toBe(matches)
  })

  it('matches other patterns too', () => {
    expect(matchesReferencePattern('FOI/####/@@', 'FOI/2024/AB')).toBe(true)
    expect(matchesReferencePattern('FOI/####/@@', 'FOI-2024/AB')).toBe(false)
  })
})

describe('how many references a pattern allows', () => {
  it.each([
    ['IC-', 1],
    ['#', 10],
    ['@', 24],
    ['#########', 1e9],
    [DEFAULT_REFERENCE_PATTERN, 1e6 * 24 ** 2 * 1e2],
  ])('%s allows %d', (pattern, space) => {
    expect(referenceSpace(pattern)).toBe(space)
  })

  it('needs at least a thousand million', () => {
    expect(MINIMUM_REFERENCE_SPACE).toBe(1e9)
  })
})

describe('reading a case-reference pattern an administrator typed', () => {
  it.each([
    [DEFAULT_REFERENCE_PATTERN, DEFAULT_REFERENCE_PATTERN],
    ['  IC-######-@#@#  ', DEFAULT_REFERENCE_PATTERN],
    ['#########', '#########'],
    ['FOI/####/#####', 'FOI/####/#####'],
    ['@@@@@@@', '@@@@@@@'],
    ['REF-########@', 'REF-########@'],
    ['2024/#########', '2024/#########'],
    ['@########-', '@########-'],
    [`IC-${'#'.repeat(37)}`, `IC-${'#'.repeat(37)}`],
  ])('accepts %s', (text, pattern) => {
    expect(readReferencePattern(text)).toEqual({ ok: true, value: pattern })
  })

  it.each([
    ['', 'Enter a case-reference pattern, like IC-######-@#@#'],
    ['   ', 'Enter a case-reference pattern, like IC-######-@#@#'],
    [`IC-${'#'.repeat(38)}`, 'A case-reference pattern must be 40 characters or fewer'],
    [
      'ic-######-@#@#',
      'A case-reference pattern can only use capital letters, digits, hyphens and slashes, with # for a random digit and @ for a random letter (“i” is not allowed)',
    ],
    [
      'IC ######-@#@#',
      'A case-reference pattern can only use capital letters, digits, hyphens and slashes, with # for a random digit and @ for a random letter (“ ” is not allowed)',
    ],
    [
      'IC_######-@#@#',
      'A case-reference pattern can only use capital letters, digits, hyphens and slashes, with # for a random digit and @ for a random letter (“_” is not allowed)',
    ],
    ['-#########', 'A case-reference pattern must start with a capital letter, a digit, # or @, like IC-######-@#@#'],
    ['/#########', 'A case-reference pattern must start with a capital letter, a digit, # or @, like IC-######-@#@#'],
  ])('refuses %j', (text, message) => {
    expect(readReferencePattern(text)).toEqual({ ok: false, error: message })
  })

  it.each([
    ['########', '10^8'],
    ['@@@@@@', '24^6, about 1.9 × 10^8'],
    ['IC-######-@@', '10^6 × 24^2, about 5.8 × 10^8'],
    ['IC-2024-####', '10^4'],
  ])('refuses %s: it allows only %s references', (text) => {
    expect(readReferencePattern(text)).toEqual({ ok: false, error: TOO_FEW_RANDOM })
  })
})

describe('reading a case reference someone typed', () => {
  it.each([
    ['IC-335210-T7S5', 'IC-335210-T7S5'],
    ['  ic-335210-t7s5 ', 'IC-335210-T7S5'],
    ['FOI/2023/0042', 'FOI/2023/0042'],
    ['12345', '12345'],
    ['A', 'A'],
    ['A'.repeat(40), 'A'.repeat(40)],
  ])('accepts %j as %s', (text, reference) => {
    expect(readCaseReference(text)).toEqual({ ok: true, value: reference })
  })

  it.each(['', '   '])('asks for a reference when given %j', (text) => {
    expect(readCaseReference(text)).toEqual({ ok: false, error: 'Enter a case reference, like IC-335210-T7S5' })
  })

  it.each([
    ['-IC-335210', 'starts with a hyphen'],
    ['/FOI/2023', 'starts with a slash'],
    ['IC 335210', 'has a space'],
    ['IC_335210', 'has an underscore'],
    ['IC-335210-T7S5;', 'has a semicolon'],
    ["IC-1' OR 1=1", 'has a quotation mark'],
    ['A'.repeat(41), 'is 41 characters long'],
  ])('refuses %j: it %s', (text) => {
    expect(readCaseReference(text)).toEqual({ ok: false, error: BAD_REFERENCE })
  })
})

describe('references, whatever the random source', () => {
  const LITERALS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-']
  const patternChar = fc.oneof(
    { arbitrary: fc.constantFrom('#', '@'), weight: 3 },
    { arbitrary: fc.constantFrom(...LITERALS), weight: 1 },
  )
  const pattern = fc.array(patternChar, { minLength: 1, maxLength: 40 }).map((chars) => chars.join(''))
  const source = fc.array(fc.nat(), { minLength: 1, maxLength: 50 }).map((values) => {
    let next = 0
    return (n: number): number => {
      const value = values[next % values.length] ?? 0
      next += 1
      return value % n
    }
  })

  it('always match the pattern they were made from', () => {
    fc.assert(
      fc.property(pattern, source, (made, randomIndex) => {
        expect(matchesReferencePattern(made, generateReference(made, randomIndex))).toBe(true)
      }),
    )
  })

  it('never put an I or an O where the pattern has @', () => {
    fc.assert(
      fc.property(pattern, source, (made, randomIndex) => {
        const reference = generateReference(made, randomIndex)
        ;[...made].forEach((char, index) => {
          if (char === '@') expect(reference[index]).not.toMatch(/[IO]/)
        })
      }),
    )
  })

  it('can always be read back, unchanged, when the pattern was accepted', () => {
    fc.assert(
      fc.property(pattern, source, (typed, randomIndex) => {
        const accepted = readReferencePattern(typed)
        fc.pre(accepted.ok)
        if (!accepted.ok) return
        const reference = generateReference(accepted.value, randomIndex)
        expect(readCaseReference(reference)).toEqual({ ok: true, value: reference })
      }),
    )
  })
})
