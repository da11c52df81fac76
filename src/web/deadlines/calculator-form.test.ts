import { describe, expect, it } from 'vitest'
import {
  emptyFormFor,
  errorHref,
  isSubmission,
  judgeDate,
  readCalculatorForm,
  readDateParts,
  toRawClockRequest,
  toReviewInput,
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
      timeForCompliance: 'standard',
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

describe('reading the deadline chosen and the fields each deadline adds', () => {
  it('reads the response when the address has no clock, or a blank one, and keeps any other as typed', () => {
    expect(readCalculatorForm({ regime: 'foia' }).clock).toBe('response')
    expect(readCalculatorForm({ clock: ' ' }).clock).toBe('response')
    expect(readCalculatorForm({ clock: ' Review ' }).clock).toBe('review')
    expect(readCalculatorForm({ clock: 'appeal' }).clock).toBe('appeal')
  })

  it('opens an empty form on the deadline the address names, but not on one that does not exist', () => {
    expect(isSubmission({ clock: 'review' })).toBe(false)
    expect(emptyFormFor({ clock: 'review' }).clock).toBe('review')
    expect(emptyFormFor({ clock: 'appeal' }).clock).toBe('response')
    expect(emptyFormFor({}).clock).toBe('response')
  })

  it('knows a form sent with only the new fields filled in', () => {
    expect(isSubmission({ 'review-received-day': '' })).toBe(true)
    expect(isSubmission({ 'closure-3-to-year': '' })).toBe(true)
    expect(isSubmission({ 'time-for-compliance': 'school' })).toBe(true)
  })

  it('passes clarification asked for, identity confirmed, the time for compliance and school closures on', () => {
    const form = readCalculatorForm({
      regime: 'foia',
      'received-day': '1',
      'received-month': '10',
      'received-year': '2024',
      'clarification-requested-day': '3',
      'clarification-requested-month': '10',
      'clarification-requested-year': '2024',
      'identity-verified-day': '4',
      'identity-verified-month': 'Oct',
      'identity-verified-year': '2024',
      'time-for-compliance': 'school',
      'closure-1-from-day': '28',
      'closure-1-from-month': '10',
      'closure-1-from-year': '2024',
      'closure-1-to-day': '1',
      'closure-1-to-month': '11',
      'closure-1-to-year': '2024',
      'closure-3-from-day': '23',
      'closure-3-from-month': '12',
      'closure-3-from-year': '2024',
      'closure-3-to-day': '3',
      'closure-3-to-month': '1',
      'closure-3-to-year': '2025',
    })
    const { raw, errors } = toRawClockRequest(form)
    expect(errors).toEqual([])
    expect(raw).toMatchObject({
      clarificationRequested: '2024-10-03',
      identityVerified: '2024-10-04',
      timeForCompliance: 'school',
      schoolClosures: [
        { from: '2024-10-28', to: '2024-11-01' },
        { from: '2024-12-23', to: '2025-01-03' },
      ],
    })
  })

  it('leaves school closures out unless the time for compliance is a school’s', () => {
    const form = readCalculatorForm({
      'time-for-compliance': 'archive',
      'closure-1-from-day': '40',
      'closure-1-from-month': '10',
      'closure-1-from-year': '2024',
    })
    const { raw, errors } = toRawClockRequest(form)
    expect(raw.schoolClosures).toBeUndefined()
    expect(errors).toEqual([])
  })

  it('reads the day each review clock runs from, and a complex review only for the review itself', () => {
    const form = readCalculatorForm({
      regime: 'foia',
      'complex-review': 'yes',
      'responded-day': '29',
      'responded-month': '10',
      'responded-year': '2024',
      'review-received-day': '4',
      'review-received-month': '12',
      'review-received-year': '2024',
    })
    expect(toReviewInput(form, 'review-window')).toEqual({
      regime: 'foia',
      from: '2024-10-29',
      extended: false,
      errors: [],
    })
    expect(toReviewInput(form, 'review')).toEqual({ regime: 'foia', from: '2024-12-04', extended: true, errors: [] })
    expect(toReviewInput(form, 'regulator-window')).toEqual({
      regime: 'foia',
      from: undefined,
      extended: false,
      errors: [
        { field: 'reviewOutcome', message: 'Enter the date of the review’s outcome', parts: ['day', 'month', 'year'] },
      ],
    })
  })

  it('judges a date with the domain’s rules, in the words of the form’s question', () => {
    expect(judgeDate('closure2To', '2024-02-30')).toEqual({
      ok: false,
      error: {
        field: 'closure2To',
        message: 'Last day of closure 2 must be a real date (February 2024 has 29 days)',
        parts: ['day', 'month', 'year'],
      },
    })
    expect(judgeDate('responded', '2101-01-01')).toEqual({
      ok: false,
      error: {
        field: 'responded',
        message: 'Date of the response must be between 1990 and 2100',
        parts: ['day', 'month', 'year'],
      },
    })
    expect(judgeDate('reviewOutcome', '2025-01-15')).toEqual({ ok: true, value: '2025-01-15' })
  })

  it('links errors on the new fields to their inputs', () => {
    expect(errorHref({ field: 'clock', message: '', parts: [] })).toBe('#clock')
    expect(errorHref({ field: 'complexReview', message: '', parts: [] })).toBe('#complex-review')
    expect(errorHref({ field: 'timeForCompliance', message: '', parts: [] })).toBe('#time-for-compliance')
    expect(errorHref({ field: 'closure2To', message: '', parts: ['year'] })).toBe('#closure-2-to-year')
    expect(errorHref({ field: 'reviewReceived', message: '', parts: [] })).toBe('#review-received-day')
  })
})
