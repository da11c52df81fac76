import { describe, expect, it } from 'vitest'
import { parseHolidayFeed, type HolidayFeed } from '../../domain/calendar/gov-uk-feed.ts'
import type { UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import { defaultUkCalendar, ruleOnlyUkCalendar } from '../../../test/uk-calendar.ts'
import { bankHolidaysView, holidayLabel, holidayTable, whereName, type HolidayRow } from './bank-holidays-view.ts'

const feed = (json: unknown): HolidayFeed => {
  const parsed = parseHolidayFeed(json)
  if (!parsed.ok) throw new Error(parsed.error.join('; '))
  return parsed.value
}

const brief = (rows: readonly HolidayRow[]): string[] =>
  rows.map((row) => `${row.date} | ${row.holiday} | ${row.where} | ${row.source.text}`)

describe('naming a bank holiday and where it is one', () => {
  it('puts the notes after the title, as the deadline calculator does', () => {
    expect(holidayLabel({ title: 'St Andrew’s Day', notes: 'Substitute day' })).toBe('St Andrew’s Day (substitute day)')
    expect(holidayLabel({ title: 'Christmas Day', notes: '' })).toBe('Christmas Day')
  })

  it.each([
    [['scotland'], 'Scotland'],
    [['england-and-wales'], 'England and Wales'],
    [['northern-ireland', 'england-and-wales'], 'England, Wales and Northern Ireland'],
    [['england-and-wales', 'scotland'], 'England, Wales and Scotland'],
    [['scotland', 'northern-ireland'], 'Scotland and Northern Ireland'],
    [['northern-ireland', 'scotland', 'england-and-wales'], 'All of the UK'],
  ] as const)('names %j as “%s”', (divisions, expected) => {
    expect(whereName(divisions)).toBe(expected)
  })
})

describe('the table of one division’s bank holidays', () => {
  it('lists Scotland’s 2024 bank holidays from GOV.UK’s data, in date order', () => {
    const table = holidayTable(defaultUkCalendar(), { year: 2024, nation: 'scotland' })
    expect(table.caption).toBe('Bank holidays in Scotland in 2024')
    expect(table.showWhere).toBe(false)
    expect(brief(table.rows)).toEqual([
      'Monday 1 January 2024 | New Year’s Day | Scotland | Published by GOV.UK',
      'Tuesday 2 January 2024 | 2nd January | Scotland | Published by GOV.UK',
      'Friday 29 March 2024 | Good Friday | Scotland | Published by GOV.UK',
      'Monday 6 May 2024 | Early May bank holiday | Scotland | Published by GOV.UK',
      'Monday 27 May 2024 | Spring bank holiday | Scotland | Published by GOV.UK',
      'Monday 5 August 2024 | Summer bank holiday | Scotland | Published by GOV.UK',
      'Monday 2 December 2024 | St Andrew’s Day (substitute day) | Scotland | Published by GOV.UK',
      'Wednesday 25 December 2024 | Christmas Day | Scotland | Published by GOV.UK',
      'Thursday 26 December 2024 | Boxing Day | Scotland | Published by GOV.UK',
    ])
  })

  it('marks each source with a tag of its own colour', () => {
    const sources = (calendar: UkCalendar, year: number) =>
      holidayTable(calendar, { year, nation: 'england-and-wales' }).rows.map((row) => row.source)
    expect(new Set(sources(defaultUkCalendar(), 2024).map((s) => JSON.stringify(s)))).toEqual(
      new Set([JSON.stringify({ text: 'Published by GOV.UK', classes: 'govuk-tag--green' })]),
    )
    expect(new Set(sources(ruleOnlyUkCalendar(), 1995).map((s) => JSON.stringify(s)))).toEqual(
      new Set([JSON.stringify({ text: 'Worked out by rule', classes: '' })]),
    )
  })
})

describe('the table of bank holidays anywhere in the UK', () => {
  it('joins the divisions, one row a date, naming where each day is a bank holiday', () => {
    const table = holidayTable(defaultUkCalendar(), { year: 2025, nation: 'united-kingdom' })
    expect(table.caption).toBe('Bank holidays anywhere in the UK in 2025')
    expect(table.showWhere).toBe(true)
    expect(brief(table.rows)).toEqual([
      'Wednesday 1 January 2025 | New Year’s Day | All of the UK | Published by GOV.UK',
      'Thursday 2 January 2025 | 2nd January | Scotland | Published by GOV.UK',
      'Monday 17 March 2025 | St Patrick’s Day | Northern Ireland | Published by GOV.UK',
      'Friday 18 April 2025 | Good Friday | All of the UK | Published by GOV.UK',
      'Monday 21 April 2025 | Easter Monday | England, Wales and Northern Ireland | Published by GOV.UK',
      'Monday 5 May 2025 | Early May bank holiday | All of the UK | Published by GOV.UK',
      'Monday 26 May 2025 | Spring bank holiday | All of the UK | Published by GOV.UK',
      'Monday 14 July 2025 | Battle of the Boyne (Orangemen’s Day) (substitute day) | Northern Ireland | Published by GOV.UK',
      'Monday 4 August 2025 | Summer bank holiday | Scotland | Published by GOV.UK',
      'Monday 25 August 2025 | Summer bank holiday | England, Wales and Northern Ireland | Published by GOV.UK',
      'Monday 1 December 2025 | St Andrew’s Day (substitute day) | Scotland | Published by GOV.UK',
      'Thursday 25 December 2025 | Christmas Day | All of the UK | Published by GOV.UK',
      'Friday 26 December 2025 | Boxing Day | All of the UK | Published by GOV.UK',
    ])
  })

  it('gives a date its own row for each source, when an import covers only some divisions', () => {
    const imported = feed({
      'england-and-wales': {
        events: [
          { title: 'New Year’s Day', date: '2030-01-01' },
          { title: 'Christmas Day', date: '2030-12-25' },
        ],
      },
    })
    const table = holidayTable(ruleOnlyUkCalendar(imported), { year: 2030, nation: 'united-kingdom' })
    const christmas = brief(table.rows).filter((row) => row.startsWith('Wednesday 25 December 2030'))
    expect(christmas).toEqual([
      'Wednesday 25 December 2030 | Christmas Day | England and Wales | Imported',
      'Wednesday 25 December 2030 | Christmas Day | Scotland and Northern Ireland | Worked out by rule',
    ])
    expect(table.rows.find((row) => row.source.text === 'Imported')?.source.classes).toBe('govuk-tag--purple')
  })

  it('adds Christmas Day and Good Friday, which FOIA s10(6) names, when no bank holiday falls on them', () => {
    const events = { events: [{ title: 'Boxing Day', date: '2031-12-26' }] }
    const imported = feed({ 'england-and-wales': events, scotland: events, 'northern-ireland': events })
    const table = holidayTable(ruleOnlyUkCalendar(imported), { year: 2031, nation: 'united-kingdom' })
    expect(brief(table.rows)).toEqual([
      'Friday 11 April 2031 | Good Friday | All of the UK | Named in FOIA s10(6)',
      'Thursday 25 December 2031 | Christmas Day | All of the UK | Named in FOIA s10(6)',
      'Friday 26 December 2031 | Boxing Day | All of the UK | Imported',
    ])
    expect(table.rows[0]?.source.classes).toBe('govuk-tag--grey')
  })

  it('never adds either to GOV.UK’s data or the rules, where on a weekday they are always bank holidays', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      const rows = holidayTable(defaultUkCalendar(), { year, nation: 'united-kingdom' }).rows
      expect(rows.filter((row) => row.source.text === 'Named in FOIA s10(6)')).toEqual([])
      expect(rows.filter((row) => row.holiday === 'Good Friday')).toHaveLength(1)
    }
  })

  it('lists the substitute day, not a Christmas Day that falls on a Saturday and is no working day anyway', () => {
    const rows = brief(holidayTable(defaultUkCalendar(), { year: 2021, nation: 'united-kingdom' }).rows)
    expect(rows.filter((row) => row.includes('December 2021'))).toEqual([
      'Monday 27 December 2021 | Christmas Day (substitute day) | All of the UK | Published by GOV.UK',
      'Tuesday 28 December 2021 | Boxing Day (substitute day) | All of the UK | Published by GOV.UK',
    ])
  })
})

describe('the page’s view', () => {
  it('names the page after the table shown, and links each error to its field', () => {
    const table = holidayTable(defaultUkCalendar(), { year: 2024, nation: 'scotland' })
    expect(bankHolidaysView({ form: { year: '2024', nation: 'scotland' }, errors: [], table }).pageTitle).toBe(
      'Bank holidays in Scotland in 2024',
    )
    const refused = bankHolidaysView({
      form: { year: 'x', nation: 'wales' },
      errors: [
        { field: 'year', message: 'Year must be a whole number, like 2024' },
        { field: 'nation', message: 'Select which part of the UK' },
      ],
      table: undefined,
    })
    expect(refused.pageTitle).toBe('Bank holidays')
    expect(refused.errorList).toEqual([
      { text: 'Year must be a whole number, like 2024', href: '#year' },
      { text: 'Select which part of the UK', href: '#nation' },
    ])
    expect(refused.errors).toEqual({
      year: { text: 'Year must be a whole number, like 2024' },
      nation: { text: 'Select which part of the UK' },
    })
  })
})
