import { describe, expect, it } from 'vitest'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import type { IsoDate } from '../calendar/calendar-date.ts'
import { computeReviewDeadline, reviewClockRule, type ReviewClockRequest } from './review-deadlines.ts'

const uk = defaultUkCalendar()
const review = (request: Omit<ReviewClockRequest, 'from'> & { from: string }) =>
  computeReviewDeadline(uk, { ...request, from: request.from as IsoDate })
const due = (request: Omit<ReviewClockRequest, 'from'> & { from: string }): string | null => {
  const result = review(request)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value.due
}

describe('the clocks after a response', () => {
  it('gives 40 working days to ask for a FOIA review: a response on Tue 29 Oct 2024 → Fri 27 Dec 2024', () => {
    expect(due({ regime: 'foia', clock: 'review-window', from: '2024-10-29' })).toBe('2024-12-27')
  })

  it('lets an authority set its own FOIA review window', () => {
    expect(due({ regime: 'foia', clock: 'review-window', from: '2024-10-29', windowWorkingDays: 20 })).toBe(
      '2024-11-26',
    )
  })

  it('answers a FOIA review in 20 working days, at most 40', () => {
    expect(due({ regime: 'foia', clock: 'review', from: '2024-12-04' })).toBe('2025-01-07')
    expect(due({ regime: 'foia', clock: 'review', from: '2024-12-04', extended: true })).toBe('2025-02-04')
  })

  it('gives EIR representations 40 working days each way (reg 11)', () => {
    expect(due({ regime: 'eir', clock: 'review-window', from: '2024-10-29' })).toBe('2024-12-27')
    expect(due({ regime: 'eir', clock: 'review', from: '2024-12-04' })).toBe('2025-02-04')
  })

  it('answers a FOISA review in 20 working days on Scotland’s calendar', () => {
    // Easter Monday 21 Apr 2025 is a working day in Scotland.
    expect(due({ regime: 'foisa', clock: 'review', from: '2025-04-01' })).toBe('2025-04-30')
    expect(due({ regime: 'foia', clock: 'review', from: '2025-04-01' })).toBe('2025-05-01')
  })

  it('gives six months to apply to the Scottish Information Commissioner', () => {
    expect(due({ regime: 'foisa', clock: 'regulator-window', from: '2025-01-15' })).toBe('2025-07-15')
  })

  it.each([
    [{ regime: 'sar', clock: 'review' }, 'Subject access has no statutory internal review'],
    [{ regime: 'foia', clock: 'regulator-window' }, 'FOIA (s50) sets no time limit'],
    [
      { regime: 'foisa', clock: 'review', extended: true },
      'A FOISA review has 20 working days (s21(1)) and no extension',
    ],
  ] as const)('refuses %j', (request, message) => {
    const result = review({ ...request, from: '2025-01-15' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error[0]?.message).toContain(message)
  })

  it.each([
    [{ regime: 'sar', clock: 'review-window' }, 'no-statutory-review'],
    [{ regime: 'eir', clock: 'regulator-window' }, 'no-regulator-time-limit'],
    [{ regime: 'eir', clock: 'review', extended: true }, 'no-review-extension'],
  ] as const)('says, with no date, why %j has no clock: %s', (request, code) => {
    const rule = reviewClockRule(request)
    expect(rule.ok).toBe(false)
    if (!rule.ok) expect(rule.error.code).toBe(code)
  })

  it('gives the rule for a clock the law has, with no date needed', () => {
    expect(reviewClockRule({ regime: 'foia', clock: 'review', extended: true })).toMatchObject({
      ok: true,
      value: { workingDays: 40, limit: '40 working days' },
    })
  })
})
