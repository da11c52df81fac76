import { describe, expect, it } from 'vitest'
import type { Finding } from './finding.ts'
import { findPersonalData } from './find-personal-data.ts'
import { compileGazetteer } from './names.ts'

const LETTER = `Dear Mr Okafor,

Thank you for your request. Please call Sarah Jones on 07700 900123 or email sarah.jones@example.org.
Her NHS number is 943 476 5919 and NI number AB 12 34 56 C. Date of birth: 12/03/1980.
Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, sort code 12-34-56 account 12345678.
The depot on Jordan Road is closed. Version 1.2.3.4 is out. Our ref IC-335210-T7S5.

Ms Priya Sharma
14 Acacia Avenue
Leeds
LS6 3AB

Kind regards,
Eleanor Ashworth
Director of Public Health`

const pairs = (findings: readonly Finding[]): [string, string][] => findings.map((f) => [f.type, f.text])

describe('findPersonalData', () => {
  const findings = findPersonalData(LETTER, { gazetteer: { allowList: ['Eleanor Ashworth'] } })

  it('finds every kind of personal data in a letter, in order, and nothing else', () => {
    expect(pairs(findings)).toEqual([
      ['person-name', 'Okafor'],
      ['person-name', 'Sarah Jones'],
      ['phone', '07700 900123'],
      ['email', 'sarah.jones@example.org'],
      ['nhs-number', '943 476 5919'],
      ['national-insurance-number', 'AB 12 34 56 C'],
      ['date-of-birth', '12/03/1980'],
      ['payment-card', '4111 1111 1111 1111'],
      ['iban', 'GB82 WEST 1234 5698 7654 32'],
      ['bank-account', '12-34-56'],
      ['bank-account', '12345678'],
      ['person-name', 'Priya Sharma'],
      ['postal-address', '14 Acacia Avenue\nLeeds'],
      ['postcode', 'LS6 3AB'],
    ])
  })

  it('finds a name again wherever it appears in the same text, once any rule has found it', () => {
    const text = 'Dear Priya Testperson,\nThe report was checked.\nYou can reach Priya  Testperson on Mondays.\n'
    const names = findPersonalData(text, { nameModel: false }).filter((finding) => finding.type === 'person-name')
    expect(names.map((name) => [name.text, name.reason])).toEqual([
      ['Priya Testperson', expect.stringMatching(/greeting|salutation|Dear/iu) as string],
      ['Priya  Testperson', 'the same name as found elsewhere in this text'],
    ])
  })

  it('leaves to the model only the lines that nothing has explained, and still finds names there', () => {
    const text = [
      'Information Governance Team',
      '1 Example Street, London SW1A 2AA',
      'The minutes were taken by Margaret Thompson at the meeting.',
    ].join('\n')
    const names = findPersonalData(text).filter((finding) => finding.type === 'person-name')
    expect(names.map((name) => name.text)).toEqual(['Margaret Thompson'])
  })

  it('gives offsets into the input, sorted and never overlapping', () => {
    let previousEnd = 0
    for (const finding of findings) {
      expect(LETTER.slice(finding.start, finding.end)).toBe(finding.text)
      expect(finding.start).toBeGreaterThanOrEqual(previousEnd)
      previousEnd = finding.end
    }
  })

  it('gives reasons that never repeat the text found', () => {
    for (const finding of findings) expect(finding.reason).not.toContain(finding.text)
  })

  it('counts offsets in UTF-16 code units, as JavaScript strings do', () => {
    const text = '😀 café — ring 07700 900123'
    const [phone] = findPersonalData(text, { types: ['phone'] })
    expect(phone).toMatchObject({ start: text.indexOf('07700'), text: '07700 900123' })
    // 😀 is two code units: 2 + ' café — ring '.length (13) = 15.
    expect(phone?.start).toBe(15)
  })

  it('looks only for the types asked for', () => {
    expect(pairs(findPersonalData(LETTER, { types: ['email', 'postcode'] }))).toEqual([
      ['email', 'sarah.jones@example.org'],
      ['postcode', 'LS6 3AB'],
    ])
  })

  it('finds addresses without reporting postcodes when only addresses are asked for', () => {
    expect(pairs(findPersonalData(LETTER, { types: ['postal-address'] }))).toEqual([
      ['postal-address', '14 Acacia Avenue\nLeeds'],
    ])
  })

  it('scores a listed name above one the model finds', () => {
    const text = 'I met Sarah Jones and Tom Hughes yesterday.'
    const found = findPersonalData(text, { gazetteer: { people: [{ name: 'Tom Hughes', role: 'requester' }] } })
    const [sarah, tom] = found
    expect(pairs(found)).toEqual([
      ['person-name', 'Sarah Jones'],
      ['person-name', 'Tom Hughes'],
    ])
    expect(tom?.score).toBeGreaterThan(sarah?.score ?? 1)
    expect(tom?.reason).toBe('name listed on the case (requester)')
  })

  it('never reports a released name, whichever rule finds it', () => {
    const text = 'Dear Dr Ashworth,\n\nI met Eleanor Ashworth.\n\nKind regards,\nEleanor Ashworth'
    const gazetteer = { allowList: ['Eleanor Ashworth'] }
    expect(findPersonalData(text, { types: ['person-name'] })).toHaveLength(3)
    expect(findPersonalData(text, { gazetteer, types: ['person-name'] })).toEqual([])
  })

  it('takes a compiled gazetteer, to reuse it over many texts', () => {
    const gazetteer = compileGazetteer({ people: [{ name: 'Tom Hughes' }] })
    expect(pairs(findPersonalData('mr hughes called', { gazetteer, nameModel: false }))).toEqual([
      ['person-name', 'hughes'],
    ])
  })

  it('leaves the language model out when asked: the pattern tier alone', () => {
    const text = 'I spoke to Sarah Jones yesterday.'
    expect(findPersonalData(text, { nameModel: false })).toEqual([])
    expect(pairs(findPersonalData(text))).toEqual([['person-name', 'Sarah Jones']])
  })

  it('finds nothing in an empty text', () => {
    expect(findPersonalData('')).toEqual([])
  })
})

describe('findPersonalData on hostile input', () => {
  const MEGABYTE = 1_000_000
  const fill = (unit: string): string => unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE)

  // Each must finish: no pattern may backtrack without limit. No time is asserted, since the machine may be busy.
  it.each([
    ['digits', fill('0')],
    ['spaced digits', fill('0 ')],
    ['hyphenated digits', fill('12-')],
    ['dotted digits', fill('1.')],
    ['at signs', fill('@')],
    ['local parts and at signs', fill('a@')],
    ['a domain that never ends', `x@${fill('a.')}`],
    ['a local part that never ends', `${fill('a.')}@example.org`],
    ['colons', fill(':')],
    ['hex and colons', fill('a:')],
    ['capitals', fill('A')],
    ['capitals and digits', fill('AB12 ')],
    ['titles', fill('Mr ')],
    ['titles and names', fill('Mr Ab ')],
    ['sign-offs', fill('Kind regards,\n')],
    ['birth contexts', fill('date of birth ')],
    ['passport contexts', fill('passport 1')],
    ['sort codes', fill('12-34-56 ')],
    ['postcodes', fill('LS6 3AB\n')],
    ['address parts', fill('Flat 1, ')],
    ['a line of street-like words', `${fill('Abc ')}Road LS6 3AB`],
    ['vehicle words', fill('car A1 ')],
  ])(
    'finishes on a megabyte of %s',
    (_what, text) => {
      const findings = findPersonalData(text, { nameModel: false, gazetteer: { people: [{ name: 'Ab Abc' }] } })
      expect(Array.isArray(findings)).toBe(true)
    },
    120_000,
  )
})
