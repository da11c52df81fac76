import { describe, expect, it } from 'vitest'
import type { Finding } from './finding.ts'
import { detectPostcodes } from './pattern-detectors.ts'
import { detectPostalAddresses } from './postal-address.ts'

const addresses = (text: string): string[] => {
  const postcodes: Finding[] = []
  detectPostcodes(text, postcodes)
  const out: Finding[] = []
  detectPostalAddresses(text, postcodes, out)
  for (const finding of out) expect(text.slice(finding.start, finding.end)).toBe(finding.text)
  return out.map((finding) => finding.text)
}

describe('detectPostalAddresses', () => {
  it.each([
    [
      'a letter heading, name line left out',
      'Ms Priya Sharma\n14 Acacia Avenue\nHeadingley\nLeeds\nLS6 3AB',
      '14 Acacia Avenue\nHeadingley\nLeeds',
    ],
    ['one line with commas', 'I live at 14 Acacia Avenue, Leeds LS6 3AB with my family.', '14 Acacia Avenue, Leeds'],
    ['one line without commas', 'I live at 14 Acacia Avenue Leeds LS6 3AB.', '14 Acacia Avenue Leeds'],
    [
      'a flat',
      'Address: Flat 3, 14 Acacia Avenue, Chapel Allerton, Leeds, LS6 3AB',
      'Flat 3, 14 Acacia Avenue, Chapel Allerton, Leeds',
    ],
    [
      'a house name and a street without a number',
      'Rose Cottage\nMill Lane\nHarrogate\nHG1 2RQ',
      'Rose Cottage\nMill Lane\nHarrogate',
    ],
    ['a number with a letter', 'Address: 221b Baker Street, London NW1 6XE', '221b Baker Street, London'],
    ['a town with "upon"', '3 Quay Road, Newcastle upon Tyne NE1 4ST', '3 Quay Road, Newcastle upon Tyne'],
  ])('reads %s', (_what, text, expected) => {
    expect(addresses(text)).toEqual([expected])
  })

  it.each([
    ['a postcode alone', 'Complaints from residents in LS6 3AB rose.'],
    ['a town and no street', 'Priya Sharma\nLeeds\nLS6 3AB'],
    ['a blank line between', '14 Acacia Avenue\n\nLS6 3AB'],
    ['a sentence before the postcode', 'The incident happened near the old mill LS6 3AB'],
  ])('finds no address in %s', (_what, text) => {
    expect(addresses(text)).toEqual([])
  })

  it('ends the address before the postcode, so the two never overlap', () => {
    const text = '14 Acacia Avenue, Leeds LS6 3AB'
    const postcodes: Finding[] = []
    detectPostcodes(text, postcodes)
    const out: Finding[] = []
    detectPostalAddresses(text, postcodes, out)
    expect(out[0]?.end).toBeLessThanOrEqual(postcodes[0]?.start ?? 0)
  })
})
