import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarMonths,
  civilOf,
  dayNumberOf,
  formatLongDate,
  formatShortDate,
  parseIsoDate,
  toIsoDate,
  weekdayOf,
} from './calendar-date.ts'

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-5', false],
    ['24-01-05', false],
    ['2024-01-05T00:00', false],
    ['', false],
    ['2024-12-31', true],
  ])('reads %s strictly (real: %s)', (text, real) => {
    expect(parseIsoDate(text).ok).toBe(real)
  })

  it('says why 2024-02-30 is not a real date', () => {
    expect(parseIsoDate('2024-02-30')).toEqual({
      ok: false,
      error: { code: 'not-a-real-date', text: '2024-02-30', detail: 'February 2024 has 29 days' },
    })
    expect(parseIsoDate('30/02/2024')).toEqual({ ok: false, error: { code: 'not-a-date', text: '30/02/2024' } })
  })

  it('turns every day 1900–2200 into text and back again', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf(1900, 1, 1), max: dayNumberOf(2200, 12, 31) }), (day) => {
        const parsed = parseIsoDate(toIsoDate(day))
        return parsed.ok && parsed.value === day
      }),
    )
  })

  it('agrees with the JavaScript Date in UTC on civil dates and weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 100_000 }), (day) => {
        const date = new Date(day * 86_400_000)
        const civil = civilOf(day)
        return (
          civil.year === date.getUTCFullYear() &&
          civil.month === date.getUTCMonth() + 1 &&
          civil.day === date.getUTCDate() &&
          weekdayOf(day) === date.getUTCDay()
        )
      }),
    )
  })

  it('is not moved by British Summer Time: the days either side of the clock changes are whole days', () => {
    // Clocks go forward on Sun 31 Mar 2024 and back on Sun 27 Oct 2024; a day number has no hours to lose.
    expect(dayNumberOf(2024, 4, 1) - dayNumberOf(2024, 3, 31)).toBe(1)
    expect(dayNumberOf(2024, 10, 28) - dayNumberOf(2024, 10, 27)).toBe(1)
    expect(formatLongDate(dayNumberOf(2024, 3, 31))).toBe('Sunday 31 March 2024')
    expect(formatShortDate(dayNumberOf(2024, 10, 27))).toBe('Sun 27 Oct 2024')
  })

  it.each([
    ['2024-09-03', 1, '2024-10-03', false],
    ['2025-01-31', 1, '2025-02-28', true],
    ['2024-01-30', 1, '2024-02-29', true],
    ['2023-01-31', 3, '2023-04-30', true],
    ['2024-11-30', 3, '2025-02-28', true],
    ['2024-12-15', 1, '2025-01-15', false],
  ])('adds calendar months: %s + %i → %s', (from, months, to, clamped) => {
    const parsed = parseIsoDate(from)
    if (!parsed.ok) throw new Error('bad fixture')
    const result = addCalendarMonths(parsed.value, months)
    expect(toIsoDate(result.day)).toBe(to)
    expect(result.clamped).toBe(clamped)
  })
})
