import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import { dayNumberOf, isWeekend, parseIsoDate, toIsoDate, type DayNumber } from './calendar-date.ts'
import { bankHolidaysIn } from './bank-holiday-table.ts'
import { DIVISIONS } from './division.ts'
import {
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  nonWorkingReasons,
  workingDayOnOrAfter,
} from './working-day-calendar.ts'

const day = (text: string): DayNumber => {
  const parsed = parseIsoDate(text)
  if (!parsed.ok) throw new Error(`bad fixture ${text}`)
  return parsed.value
}

const uk = defaultUkCalendar()
const unitedKingdom = uk.workingDays('united-kingdom')
const scotland = uk.workingDays('scotland')

describe('working-day calendars', () => {
  it.each([
    ['2024-12-02', false, 'St Andrew’s Day substitute, Scotland only'],
    ['2025-07-14', false, 'Boyne substitute, Northern Ireland only'],
    ['2025-01-02', false, '2 January, Scotland only'],
    ['2025-03-17', false, 'St Patrick’s Day, Northern Ireland only'],
    ['2025-08-04', false, 'Scottish summer holiday'],
    ['2025-04-18', false, 'Good Friday'],
    ['2020-05-04', true, 'the Early May holiday moved to VE Day'],
    ['2022-05-30', true, 'the Spring holiday moved to 2 June'],
    ['2022-09-19', false, 'the State Funeral'],
    ['2024-11-29', true, 'an ordinary Friday'],
  ])('FOIA counts %s as a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(unitedKingdom, day(date))).toBe(working)
  })

  it.each([
    ['2024-12-02', false],
    ['2025-07-14', true],
    ['2025-03-17', true],
    ['2025-04-21', true],
    ['2025-08-25', true],
    ['2025-08-04', false],
    ['2025-04-18', false],
    ['2025-01-02', false],
  ])('FOISA (Scotland’s calendar) counts %s as a working day: %s', (date, working) => {
    expect(isWorkingDay(scotland, day(date))).toBe(working)
  })

  it('treats a bank holiday anywhere in the UK as a closure under FOIA, every year 1990–2100', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      for (const division of DIVISIONS) {
        for (const holiday of bankHolidaysIn(uk.holidays, division, year)) {
          expect(isWorkingDay(unitedKingdom, day(holiday.date)), `${division} ${holiday.date}`).toBe(false)
        }
      }
      expect(isWorkingDay(unitedKingdom, dayNumberOf(year, 12, 25))).toBe(false)
    }
  })

  it('says why a day is closed', () => {
    expect(nonWorkingReasons(unitedKingdom, day('2024-12-02'))).toMatchObject([
      { kind: 'bank-holiday', holidays: [{ division: 'scotland', title: 'St Andrew’s Day', notes: 'Substitute day' }] },
    ])
    expect(nonWorkingReasons(unitedKingdom, day('2021-12-25'))).toMatchObject([
      { kind: 'weekend', weekday: 'Saturday' },
      { kind: 'christmas-day' },
    ])
    expect(nonWorkingReasons(unitedKingdom, day('2024-11-29'))).toEqual([])
  })

  it('finds the n-th working day after a date by index exactly as a day-by-day walk does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOf(1990, 1, 1), max: dayNumberOf(2100, 12, 31) }),
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom(unitedKingdom, scotland, uk.workingDays('northern-ireland')),
        (start, n, calendar) => {
          let walked = start
          let counted = 0
          while (counted < n) {
            walked += 1
            if (isWorkingDay(calendar, walked)) counted += 1
          }
          return addWorkingDays(calendar, start, n) === walked && countWorkingDays(calendar, start, walked) === n
        },
      ),
    )
  })

  it('rolls a closed day forward to the next working day, and leaves a working day alone', () => {
    expect(toIsoDate(workingDayOnOrAfter(uk.workingDays('england-and-wales'), day('2025-05-26')) ?? 0)).toBe(
      '2025-05-27',
    )
    expect(toIsoDate(workingDayOnOrAfter(unitedKingdom, day('2024-11-29')) ?? 0)).toBe('2024-11-29')
  })

  it('never makes a weekend a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf(1990, 1, 1), max: dayNumberOf(2101, 12, 31) }), (d) =>
        isWeekend(d) ? !isWorkingDay(unitedKingdom, d) && !isWorkingDay(scotland, d) : true,
      ),
    )
  })
})
