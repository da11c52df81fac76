import { describe, expect, it } from 'vitest'
import {
  errorHref,
  isSubmission,
  readCalculatorForm,
  readDateParts,
  toRawClockRequest,
  type DateParts,
} from './calculator-form.ts'

const date = (day: string, month: string, year: string): DateParts => ({ day, month, year })

describe('reading a date typed as day, month and year', () => {
  it.each([
    [date('8', '11', '2024'), '2024-11-08'],
    [date(' 08 ', '11', '2024'), '2024-11-08'],
    [date('1', 'November', '2024'), '2024-11-01'],
    [date('1', 'nov', '2024'), '2024-11-01'],
    [date('30', '2', '2024'), '2024-02-30'],
    [date('1', '13', '2024'), '2024-13-01'],
    [date('1', '10', '1980'), '1980-10-01'],
  ])('passes %j on as %s, for the domain to judge', (parts, iso) => {
    expect(readDateParts('received', parts)).toEqual({ ok: true, value: iso })
  })

  it('treats a date left wholly blank as not given', () => {
    expect(readDateParts('clarified', date(' ', '', ''))).toEqual({ ok: true, value: undefined })
  })

  it.each([
    [date('', '11', '2024'), 'Date of receipt must include a day', ['day']],
    [date('8', '', '2024'), 'Date of receipt must include a month', ['month']],
    [date('8', '11', ''), 'Date of receipt must include a year', ['year']],
    [date('', '', '2024'), 'Date of receipt must include a day and month', ['day', 'month']],
    [date('8', '', ''), 'Date of receipt must include a month and year', ['month', 'year']],
    [date('eighth', '11', '2024'), 'Date of receipt must be a real date', ['day']],
    [date('8', 'Novembre', '2024'), 'Date of receipt must be a real date', ['month']],
    [date('8', '11', '20x4'), 'Date of receipt must be a real date', ['year']],
    [date('-1', '11', '2024'), 'Date of receipt must be a real date', ['day']],
    [date('8', '11', '24'), 'Date of receipt must include a year with 4 numbers, like 2024', ['year']],
    [date('123', '11', '2024'), 'Date of receipt must be a real date', ['day', 'month', 'year']],
  ])('refuses %j: “%s”', (parts, message, highlighted) => {
    expect(readDateParts('received', parts)).toEqual({
      ok: false,
      error: { field: 'received', message, parts: highlighted },
    })
  })

  it('names the field in the domain’s words', () => {
    const read = readDateParts('feePaid', date('1', '', '2024'))
    expect(read.ok ? undefined : read.error.message).toBe('Date the fee arrived must include a month')
  })
})

describe('reading the form from the query string', () => {
  it('knows a submitted form even when no radio was chosen', () => {
    expect(isSubmission({ 'received-day': '', 'received-month': '', 'received-year': '' })).toBe(true)
    expect(isSubmission({})).toBe(false)
    expect(isSubmission({ utm_source: 'email' })).toBe(false)
  })

  it('keeps what was typed, takes the first of a repeated value and ignores values that are not text', () => {
    const form = readCalculatorForm({
      regime: ['foia', 'eir'],
      'received-day': ' 8 ',
      'received-month': { nested: '11' },
      'received-year': '2024',
    })
    expect(form.regime).toBe('foia')
    expect(form.dates.received).toEqual({ day: ' 8 ', month: '', year: '2024' })
    expect(form.nation).toBe('england-and-wales')
    expect(form.extension).toBe('none')
  })

  it('turns the form into the domain’s raw clock request', () => {
    const form = readCalculatorForm({
      regime: 'foia',
      nation: 'scotland',
      extension: 'pit',
      'received-day': '1',
      'received-month': '10',
      'received-year': '2024',
      'extended-to-day': '26',
      'extended-to-month': '11',
      'extended-to-year': '2024',
      'fee-notice-day': '3',
    })
    const { raw, errors } = toRawClockRequest(form)
    expect(raw).toEqual({
      regime: 'foia',
      nation: 'scotland',
      extension: 'pit',
      received: '2024-10-01',
      clarified: undefined,
      feeNotice: undefined,
      feePaid: undefined,
      extendedTo: '2024-11-26',
    })
    expect(errors).toEqual([
      {
        field: 'feeNotice',
        message: 'Date of the fees notice must include a month and year',
        parts: ['month', 'year'],
      },
    ])
  })

  it('links an error to the first highlighted input of a date, or to the field itself', () => {
    expect(errorHref({ field: 'feeNotice', message: '', parts: ['month', 'year'] })).toBe('#fee-notice-month')
    expect(errorHref({ field: 'received', message: '', parts: [] })).toBe('#received-day')
    expect(errorHref({ field: 'regime', message: '', parts: [] })).toBe('#regime')
    expect(errorHref({ field: 'nation', message: '', parts: [] })).toBe('#nation')
  })
})
