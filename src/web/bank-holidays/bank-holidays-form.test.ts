import { describe, expect, it } from 'vitest'
import {
  defaultYear,
  judgeBankHolidaysForm,
  NATION_MESSAGE,
  NATIONS,
  readBankHolidaysForm,
  YEAR_MESSAGES,
} from './bank-holidays-form.ts'

describe('reading the bank holidays form from the query string', () => {
  it('shows this year, anywhere in the UK, when the address names neither', () => {
    expect(readBankHolidaysForm({}, 2026)).toEqual({ year: '2026', nation: 'united-kingdom' })
  })

  it('keeps the year as typed and reads the part of the UK as the radios send it', () => {
    expect(readBankHolidaysForm({ year: ' 20x4 ', nation: ' Scotland ' }, 2026)).toEqual({
      year: ' 20x4 ',
      nation: 'scotland',
    })
  })

  it('takes the first of a repeated value and treats a value that is not text as missing', () => {
    expect(readBankHolidaysForm({ year: ['2024', '2025'], nation: { nested: 'scotland' } }, 2026)).toEqual({
      year: '2024',
      nation: 'united-kingdom',
    })
  })

  it('keeps a sent but blank year blank, for the form to ask for one', () => {
    expect(readBankHolidaysForm({ year: '' }, 2026).year).toBe('')
  })

  it('keeps the default year within the years Disclose has a calendar for', () => {
    expect(defaultYear(2026)).toBe(2026)
    expect(defaultYear(1989)).toBe(1990)
    expect(defaultYear(2101)).toBe(2100)
  })

  it('offers each division and then the UK as a whole', () => {
    expect(NATIONS).toEqual(['england-and-wales', 'scotland', 'northern-ireland', 'united-kingdom'])
  })
})

describe('judging the year and the part of the UK', () => {
  it.each([
    ['2024', 2024],
    [' 2024 ', 2024],
    ['1990', 1990],
    ['2100', 2100],
    ['+2030', 2030],
    ['02024', 2024],
  ])('accepts the year %j as %i', (year, expected) => {
    expect(judgeBankHolidaysForm({ year, nation: 'scotland' })).toEqual({
      ok: true,
      value: { year: expected, nation: 'scotland' },
    })
  })

  it.each([
    ['', YEAR_MESSAGES.blank],
    ['   ', YEAR_MESSAGES.blank],
    ['20x4', YEAR_MESSAGES.notWhole],
    ['2024.5', YEAR_MESSAGES.notWhole],
    ['2024.0', YEAR_MESSAGES.notWhole],
    ['1e3', YEAR_MESSAGES.notWhole],
    ['twenty', YEAR_MESSAGES.notWhole],
    ['1989', YEAR_MESSAGES.outOfRange],
    ['2101', YEAR_MESSAGES.outOfRange],
    ['-2024', YEAR_MESSAGES.outOfRange],
    ['99999999999999999999', YEAR_MESSAGES.outOfRange],
  ])('refuses the year %j: “%s”', (year, message) => {
    expect(judgeBankHolidaysForm({ year, nation: 'united-kingdom' })).toEqual({
      ok: false,
      error: [{ field: 'year', message }],
    })
  })

  it('words the messages in GOV.UK style, with the range of years', () => {
    expect(YEAR_MESSAGES).toEqual({
      blank: 'Enter a year',
      notWhole: 'Year must be a whole number, like 2024',
      outOfRange: 'Year must be between 1990 and 2100',
    })
  })

  it.each(['wales', '', 'england', 'uk'])('refuses the part of the UK %j', (nation) => {
    expect(judgeBankHolidaysForm({ year: '2024', nation })).toEqual({
      ok: false,
      error: [{ field: 'nation', message: NATION_MESSAGE }],
    })
  })

  it('lists both problems, the year first as on the page', () => {
    expect(judgeBankHolidaysForm({ year: '1066', nation: 'wessex' })).toEqual({
      ok: false,
      error: [
        { field: 'year', message: 'Year must be between 1990 and 2100' },
        { field: 'nation', message: 'Select which part of the UK' },
      ],
    })
  })
})
