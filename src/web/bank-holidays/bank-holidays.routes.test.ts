import * as cheerio from 'cheerio'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDependencies } from '../../dependencies.ts'
import { buildTestApp, useTestApp, type TestApp } from '../../../test/app.ts'
import { currentUkYear } from './bank-holidays.routes.ts'

const testApp = useTestApp()

const get = async (path: string, app: TestApp = testApp()) => {
  const response = await request(app.app).get(path)
  return { status: response.status, $: cheerio.load(response.text), text: response.text }
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** The table's rows, each as its cells' text; the "Where:" shown before the divisions on a phone is left out. */
const tableRows = ($: cheerio.CheerioAPI): string[][] =>
  $('#bank-holidays tbody tr')
    .toArray()
    .map((row) =>
      $(row)
        .children('th, td')
        .toArray()
        .map((cell) => {
          const copy = $(cell).clone()
          copy.find('.app-holiday-table__label').remove()
          return squash(copy.text())
        }),
    )

const rowFor = ($: cheerio.CheerioAPI, date: string): string[] | undefined =>
  tableRows($).find((cells) => cells[0] === date)

const headings = ($: cheerio.CheerioAPI): string[] =>
  $('#bank-holidays thead th')
    .toArray()
    .map((cell) => squash($(cell).text()))

const errorSummary = ($: cheerio.CheerioAPI): { text: string; href: string | undefined }[] =>
  $('.govuk-error-summary__list a')
    .toArray()
    .map((link) => ({ text: squash($(link).text()), href: $(link).attr('href') }))

const checkedNation = ($: cheerio.CheerioAPI): string | undefined => $('input[name="nation"][checked]').attr('value')

describe('the bank holidays page', () => {
  it('shows this year’s bank holidays anywhere in the UK when the address names no year or part of the UK', async () => {
    const before = currentUkYear()
    const { status, $ } = await get('/bank-holidays')
    const year = $('#year').val()
    expect(status).toBe(200)
    expect([String(before), String(currentUkYear())]).toContain(year)
    expect(squash($('h1').text())).toBe('Bank holidays')
    expect($('title').text()).toBe(`Bank holidays anywhere in the UK in ${String(year)} – Disclose`)
    expect($('form').attr('method')).toBe('get')
    expect($('form').attr('action')).toBe('/bank-holidays')
    expect($('#year').attr('inputmode')).toBe('numeric')
    expect(
      $('input[name="nation"]')
        .toArray()
        .map((input) => $(input).attr('value')),
    ).toEqual(['england-and-wales', 'scotland', 'northern-ireland', 'united-kingdom'])
    expect(checkedNation($)).toBe('united-kingdom')
    const ukId = $('input[name="nation"][value="united-kingdom"]').attr('id') ?? ''
    expect(squash($(`label[for="${ukId}"]`).text())).toBe('Every part of the UK (FOIA and EIR)')
    expect(squash($('.govuk-radios__divider').text())).toBe('or')
    expect(squash($('#bank-holidays caption').text())).toBe(`Bank holidays anywhere in the UK in ${String(year)}`)
    expect(headings($)).toEqual(['Date', 'Holiday', 'Where', 'Source'])
    expect(tableRows($).length).toBeGreaterThanOrEqual(10)
    expect($('.govuk-error-summary').length).toBe(0)
  })

  it('lists St Andrew’s Day (substitute day) on Monday 2 December 2024 in Scotland, published by GOV.UK', async () => {
    const { status, $ } = await get('/bank-holidays?year=2024&nation=scotland')
    expect(status).toBe(200)
    expect($('title').text()).toBe('Bank holidays in Scotland in 2024 – Disclose')
    expect(squash($('#bank-holidays caption').text())).toBe('Bank holidays in Scotland in 2024')
    expect(headings($)).toEqual(['Date', 'Holiday', 'Source'])
    expect(rowFor($, 'Monday 2 December 2024')).toEqual([
      'Monday 2 December 2024',
      'St Andrew’s Day (substitute day)',
      'Published by GOV.UK',
    ])
    expect(tableRows($).map((cells) => cells[0])).toEqual([
      'Monday 1 January 2024',
      'Tuesday 2 January 2024',
      'Friday 29 March 2024',
      'Monday 6 May 2024',
      'Monday 27 May 2024',
      'Monday 5 August 2024',
      'Monday 2 December 2024',
      'Wednesday 25 December 2024',
      'Thursday 26 December 2024',
    ])
    const tag = $('#bank-holidays tbody tr').eq(6).find('.govuk-tag')
    expect(squash(tag.text())).toBe('Published by GOV.UK')
    expect(tag.hasClass('govuk-tag--green')).toBe(true)
    expect($('#bank-holidays tbody tr').eq(6).children().first().is('th[scope="row"]')).toBe(true)
    expect($('#year').val()).toBe('2024')
    expect(checkedNation($)).toBe('scotland')
  })

  it('lists the early May bank holiday of 1995 on 8 May, moved for VE Day, and not on 1 May', async () => {
    const { status, $ } = await get('/bank-holidays?year=1995&nation=england-and-wales')
    expect(status).toBe(200)
    expect(rowFor($, 'Monday 8 May 1995')).toEqual([
      'Monday 8 May 1995',
      'Early May bank holiday (VE day)',
      'Worked out by rule',
    ])
    expect(rowFor($, 'Monday 1 May 1995')).toBeUndefined()
    expect(rowFor($, 'Monday 2 January 1995')).toEqual([
      'Monday 2 January 1995',
      'New Year’s Day (substitute day)',
      'Worked out by rule',
    ])
    expect(tableRows($)).toHaveLength(8)
  })

  it.each(['england-and-wales', 'scotland', 'northern-ireland', 'united-kingdom'])(
    'works out every 2040 bank holiday by rule, beyond GOV.UK’s data: %s',
    async (nation) => {
      const { status, $ } = await get(`/bank-holidays?year=2040&nation=${nation}`)
      expect(status).toBe(200)
      const sources = tableRows($).map((cells) => cells.at(-1))
      expect(sources.length).toBeGreaterThanOrEqual(8)
      expect(new Set(sources)).toEqual(new Set(['Worked out by rule']))
    },
  )

  it('joins every part of the UK for 2025, naming where each day is a bank holiday', async () => {
    const { status, $ } = await get('/bank-holidays?year=2025&nation=united-kingdom')
    expect(status).toBe(200)
    expect(rowFor($, 'Monday 14 July 2025')).toEqual([
      'Monday 14 July 2025',
      'Battle of the Boyne (Orangemen’s Day) (substitute day)',
      'Northern Ireland',
      'Published by GOV.UK',
    ])
    expect(rowFor($, 'Monday 17 March 2025')).toEqual([
      'Monday 17 March 2025',
      'St Patrick’s Day',
      'Northern Ireland',
      'Published by GOV.UK',
    ])
    expect(rowFor($, 'Thursday 2 January 2025')?.slice(1, 3)).toEqual(['2nd January', 'Scotland'])
    expect(rowFor($, 'Monday 21 April 2025')?.slice(1, 3)).toEqual([
      'Easter Monday',
      'England, Wales and Northern Ireland',
    ])
    expect(rowFor($, 'Friday 18 April 2025')?.slice(1, 3)).toEqual(['Good Friday', 'All of the UK'])
    expect(rowFor($, 'Thursday 25 December 2025')?.slice(1, 3)).toEqual(['Christmas Day', 'All of the UK'])
    expect(tableRows($)).toHaveLength(13)
    expect($('#bank-holidays tbody .app-holiday-table__label').first().text()).toBe('Where: ')
  })

  it('explains the three sources and which bank holidays each law counts', async () => {
    const { $ } = await get('/bank-holidays?year=2024&nation=scotland')
    const sources = $('#sources + ul li')
      .toArray()
      .map((item) => squash($(item).find('strong').text()))
    expect(sources).toEqual(['Published by GOV.UK', 'Worked out by rule', 'Imported'])
    const law = squash($('#which-count').text())
    expect(law).toContain('Under FOIA section 10(6), which the EIR follow, a bank holiday in any part of the UK')
    expect(law).toContain('Christmas Day and Good Friday, which the Act names')
    expect(law).toContain('Under FOISA section 73, only Scotland’s bank holidays count')
    expect($('main a[href="/"]').text()).toBe('Work out a deadline')
  })

  it('reads the part of the UK in any case and the first of a repeated year', async () => {
    const { status, $ } = await get('/bank-holidays?year=2024&year=2030&nation=%20Scotland%20')
    expect(status).toBe(200)
    expect(squash($('#bank-holidays caption').text())).toBe('Bank holidays in Scotland in 2024')
    expect(checkedNation($)).toBe('scotland')
  })
})

describe('bank holidays that were imported', () => {
  let imported: TestApp

  beforeAll(async () => {
    imported = await buildTestApp()
  }, 60_000)

  afterAll(async () => {
    await imported.cleanUp()
  })

  it('marks a 2030 date from an imported feed “Imported”, and leaves the divisions it does not cover alone', async () => {
    const report = await imported.deps.calendar.importFeed({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: 'New Year’s Day', date: '2030-01-01', notes: '', bunting: true },
          { title: 'Test extra bank holiday', date: '2030-06-03', notes: 'Extra bank holiday', bunting: true },
          { title: 'Christmas Day', date: '2030-12-25', notes: '', bunting: true },
        ],
      },
    })
    expect(report.ok).toBe(true)

    const england = await get('/bank-holidays?year=2030&nation=england-and-wales', imported)
    expect(england.status).toBe(200)
    expect(tableRows(england.$)).toEqual([
      ['Tuesday 1 January 2030', 'New Year’s Day', 'Imported'],
      ['Monday 3 June 2030', 'Test extra bank holiday (extra bank holiday)', 'Imported'],
      ['Wednesday 25 December 2030', 'Christmas Day', 'Imported'],
    ])
    expect(england.$('#bank-holidays .govuk-tag').first().hasClass('govuk-tag--purple')).toBe(true)

    const scotland = await get('/bank-holidays?year=2030&nation=scotland', imported)
    expect(new Set(tableRows(scotland.$).map((cells) => cells.at(-1)))).toEqual(new Set(['Worked out by rule']))

    const uk = await get('/bank-holidays?year=2030&nation=united-kingdom', imported)
    expect(tableRows(uk.$).filter((cells) => cells[0] === 'Wednesday 25 December 2030')).toEqual([
      ['Wednesday 25 December 2030', 'Christmas Day', 'England and Wales', 'Imported'],
      ['Wednesday 25 December 2030', 'Christmas Day', 'Scotland and Northern Ireland', 'Worked out by rule'],
    ])
  })

  it('shows at once an import made by another process, as the command line does while the app runs', async () => {
    const cli = await buildDependencies(imported.deps.config, imported.deps.logger)
    const report = await cli.calendar.importFeed({
      'northern-ireland': { events: [{ title: 'Test bank holiday', date: '2035-09-03', notes: '' }] },
    })
    expect(report.ok).toBe(true)
    const { $ } = await get('/bank-holidays?year=2035&nation=northern-ireland', imported)
    expect(tableRows($)).toEqual([['Monday 3 September 2035', 'Test bank holiday', 'Imported']])
  })
})

describe('problems with the year or the part of the UK', () => {
  it.each([
    ['20x4', 'Year must be a whole number, like 2024'],
    ['2024.5', 'Year must be a whole number, like 2024'],
    ['1989', 'Year must be between 1990 and 2100'],
    ['2101', 'Year must be between 1990 and 2100'],
    ['', 'Enter a year'],
  ])('refuses the year %j with “%s”, keeping what was typed and the part of the UK', async (year, message) => {
    const { status, $ } = await get(`/bank-holidays?year=${encodeURIComponent(year)}&nation=scotland`)
    expect(status).toBe(400)
    expect($('title').text()).toBe('Error: Bank holidays – Disclose')
    expect(errorSummary($)).toEqual([{ text: message, href: '#year' }])
    expect(squash($('#year-error').text())).toBe(`Error: ${message}`)
    expect($('#year').hasClass('govuk-input--error')).toBe(true)
    expect($('#year').val()).toBe(year)
    expect(checkedNation($)).toBe('scotland')
    expect($('#bank-holidays').length).toBe(0)
  })

  it('asks which part of the UK when the address names one the form does not offer, keeping the year', async () => {
    const { status, $ } = await get('/bank-holidays?year=2024&nation=wales')
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([{ text: 'Select which part of the UK', href: '#nation' }])
    expect($('#nation').attr('type')).toBe('radio')
    expect(squash($('#nation-error').text())).toBe('Error: Select which part of the UK')
    expect(checkedNation($)).toBeUndefined()
    expect($('#year').val()).toBe('2024')
    expect($('#bank-holidays').length).toBe(0)
  })

  it('lists both problems, the year first as on the page, and escapes what was typed', async () => {
    const { status, $, text } = await get('/bank-holidays?year=%3Cscript%3Ealert(1)%3C%2Fscript%3E&nation=')
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      { text: 'Year must be a whole number, like 2024', href: '#year' },
      { text: 'Select which part of the UK', href: '#nation' },
    ])
    expect($('#year').val()).toBe('<script>alert(1)</script>')
    expect(text).not.toContain('<script>alert(1)')
  })
})

describe('this year, for the default', () => {
  it('is the year in the UK, whatever time zone the server keeps', () => {
    expect(currentUkYear(new Date('2024-12-31T23:59:59Z'))).toBe(2024)
    expect(currentUkYear(new Date('2025-01-01T00:00:00Z'))).toBe(2025)
    // Still 31 December in New York or Los Angeles, but not in London.
    expect(currentUkYear(new Date('2025-01-01T05:00:00Z'))).toBe(2025)
  })
})

describe('the rest of the app', () => {
  it.each(['/', '/deadlines'])('links to the bank holidays from the calculator at %s', async (path) => {
    const { $ } = await get(path)
    const link = $('#bank-holidays-link')
    expect(link.attr('href')).toBe('/bank-holidays')
    expect(squash(link.text())).toBe('See the bank holidays Disclose counts')
  })

  it.each(['/bank-holidays/2024', '/bank-holidays/scotland', '/bank-holiday'])(
    'still answers %s with page not found',
    async (path) => {
      const { status, $ } = await get(path)
      expect(status).toBe(404)
      expect(squash($('h1').text())).toBe('Page not found')
    },
  )

  it('answers a form posted to the page with page not found: it is read-only', async () => {
    const response = await request(testApp().app).post('/bank-holidays').type('form').send('year=2024')
    expect(response.status).toBe(404)
  })
})
