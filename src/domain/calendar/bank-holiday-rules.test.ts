import { describe, expect, it } from 'vitest'
import { publishedHolidays, ruleOnlyUkCalendar } from '../../../test/uk-calendar.ts'
import { bankHolidaysIn } from './bank-holiday-table.ts'
import { deriveBankHolidays, easterSunday } from './bank-holiday-rules.ts'
import { toIsoDate } from './calendar-date.ts'
import { DIVISIONS, type Division } from './division.ts'
import { ONE_OFF_BANK_HOLIDAYS } from './one-off-bank-holidays.ts'

const rules = (division: Division, year: number) => deriveBankHolidays(division, year, ONE_OFF_BANK_HOLIDAYS)
const datesOf = (division: Division, year: number) => rules(division, year).map((holiday) => holiday.date)

describe('bank holidays by rule', () => {
  const published = publishedHolidays()

  describe.each(DIVISIONS)('reproduce GOV.UK’s published data for %s', (division) => {
    const events = published[division] ?? []
    const years = [...new Set(events.map((event) => Number(event.date.slice(0, 4))))]

    it('covers 2012 to 2028', () => {
      expect(Math.min(...years)).toBe(2012)
      expect(Math.max(...years)).toBe(2028)
    })

    it.each(years)('%i: the same dates, none missing and none extra', (year) => {
      const expected = events.filter((event) => event.date.startsWith(`${year}-`)).map((event) => event.date)
      expect(datesOf(division, year)).toEqual(expected)
    })
  })

  it('gives the same titles and notes as GOV.UK, but where GOV.UK itself names a cascade the other way', () => {
    const differences: string[] = []
    for (const division of DIVISIONS) {
      for (const event of published[division] ?? []) {
        const derived = rules(division, Number(event.date.slice(0, 4))).find((h) => h.date === event.date)
        const expected = `${event.title} [${event.notes}]`
        const got = `${derived?.title ?? ''} [${derived?.notes ?? ''}]`
        if (expected !== got) differences.push(`${division} ${event.date}: GOV.UK “${expected}”, rule “${got}”`)
      }
    }
    // GOV.UK notes Northern Ireland's moved 2012 spring holiday differently from the other divisions, and titles
    // Scotland's 2 and 3 January 2023 the other way round from 2012 and 2017 (same dates). Published data wins.
    expect(differences).toEqual([
      'scotland 2023-01-02: GOV.UK “New Year’s Day [Substitute day]”, rule “2nd January []”',
      'scotland 2023-01-03: GOV.UK “2nd January [Substitute day]”, rule “New Year’s Day [Substitute day]”',
      'northern-ireland 2012-06-04: GOV.UK “Spring bank holiday []”, rule “Spring bank holiday [Substitute day]”',
    ])
  })

  it.each([
    [2008, '2008-03-23'],
    [2016, '2016-03-27'],
    [2024, '2024-03-31'],
    [2019, '2019-04-21'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
    [1990, '1990-04-15'],
  ])('puts Easter Sunday %i on %s', (year, date) => {
    expect(toIsoDate(easterSunday(year))).toBe(date)
  })

  it('keeps St Andrew’s Day in Scotland from 2007 only', () => {
    expect(datesOf('scotland', 2006)).not.toContain('2006-11-30')
    expect(datesOf('scotland', 2007)).toContain('2007-11-30')
  })

  it('has no New Year’s Day in England and Wales before 1974, and no Early May holiday before 1978', () => {
    // The calendar starts in 1990, but the rules know their history.
    expect(datesOf('england-and-wales', 1973)).not.toContain('1973-01-01')
    expect(datesOf('england-and-wales', 1977).some((date) => date.startsWith('1977-05-0'))).toBe(false)
  })

  it.each([
    ['1995-05-08', '1995-05-01', 'VE Day 50th anniversary'],
    ['2020-05-08', '2020-05-04', 'VE Day 75th anniversary'],
    ['2002-06-04', '2002-05-27', 'Golden Jubilee'],
    ['2012-06-04', '2012-05-28', 'Diamond Jubilee'],
    ['2022-06-02', '2022-05-30', 'Platinum Jubilee'],
  ])('moves a holiday to %s, leaving %s a working day (%s)', (moved, usual) => {
    for (const division of DIVISIONS) {
      const dates = datesOf(division, Number(moved.slice(0, 4)))
      expect(dates).toContain(moved)
      expect(dates).not.toContain(usual)
    }
  })

  it.each([
    ['1999-12-31', 'Millennium bank holiday'],
    ['2002-06-03', 'Queen’s Golden Jubilee'],
    ['2011-04-29', 'Royal wedding'],
    ['2012-06-05', 'Queen’s Diamond Jubilee'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
  ])('adds the one-off day %s (%s) in every division, marked as worked out by Disclose (rule)', (date, title) => {
    for (const division of DIVISIONS) {
      const holiday = rules(division, Number(date.slice(0, 4))).find((h) => h.date === date)
      expect(holiday).toMatchObject({ title, provenance: 'rule' })
    }
  })

  it.each([
    // §5.4 of the reference: projected by rule beyond the published data.
    ['england-and-wales', 2029, ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26']],
    ['england-and-wales', 2030, ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26']],
    ['scotland', 2029, ['01-01', '01-02', '03-30', '05-07', '05-28', '08-06', '11-30', '12-25', '12-26']],
    ['scotland', 2030, ['01-01', '01-02', '04-19', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26']],
    [
      'northern-ireland',
      2029,
      ['01-01', '03-19', '03-30', '04-02', '05-07', '05-28', '07-12', '08-27', '12-25', '12-26'],
    ],
    [
      'northern-ireland',
      2030,
      ['01-01', '03-18', '04-19', '04-22', '05-06', '05-27', '07-12', '08-26', '12-25', '12-26'],
    ],
  ] as const)('projects %s %i as the reference tables do', (division, year, days) => {
    expect(datesOf(division, year)).toEqual(days.map((day) => `${year}-${day}`))
  })

  it('cascades substitute days: Christmas on a Sunday moves to Tuesday, Boxing Day keeping Monday', () => {
    expect(rules('england-and-wales', 2033).filter((h) => h.date >= '2033-12-25')).toMatchObject([
      { date: '2033-12-26', title: 'Boxing Day', notes: '' },
      { date: '2033-12-27', title: 'Christmas Day', notes: 'Substitute day' },
    ])
    expect(rules('scotland', 2033).slice(0, 2)).toMatchObject([
      { date: '2033-01-03', title: 'New Year’s Day', notes: 'Substitute day' },
      { date: '2033-01-04', title: '2nd January', notes: 'Substitute day' },
    ])
  })

  it('derives every year 1990 to 2100 with weekdays only and no date twice', () => {
    const calendar = ruleOnlyUkCalendar()
    for (const division of DIVISIONS) {
      for (let year = 1990; year <= 2100; year += 1) {
        const holidays = bankHolidaysIn(calendar.holidays, division, year)
        const dates = holidays.map((h) => h.date)
        expect(new Set(dates).size).toBe(dates.length)
        for (const holiday of holidays) {
          const day = new Date(`${holiday.date}T12:00:00Z`).getUTCDay()
          expect(day === 0 || day === 6, `${division} ${holiday.date} falls at a weekend`).toBe(false)
        }
        const least = { 'england-and-wales': 8, scotland: year >= 2007 ? 9 : 8, 'northern-ireland': 10 }[division]
        expect(holidays.length).toBeGreaterThanOrEqual(least)
      }
    }
  })
})
