import * as cheerio from 'cheerio'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../../test/app.ts'

let testApp: TestApp

beforeAll(async () => {
  testApp = await buildTestApp()
}, 60_000)

afterAll(async () => {
  await testApp.cleanUp()
})

/** The query string the form sends, from the fields a test cares about; dates as [day, month, year]. */
const query = (fields: Readonly<Record<string, string | readonly [string, string, string]>>): string => {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') params.append(name, value)
    else {
      params.append(`${name}-day`, value[0])
      params.append(`${name}-month`, value[1])
      params.append(`${name}-year`, value[2])
    }
  }
  return `/?${params.toString()}`
}

const get = async (path: string) => {
  const response = await request(testApp.app).get(path)
  return { status: response.status, $: cheerio.load(response.text), text: response.text }
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

const errorSummary = ($: cheerio.CheerioAPI): { text: string; href: string | undefined }[] =>
  $('.govuk-error-summary__list a')
    .toArray()
    .map((link) => ({ text: squash($(link).text()), href: $(link).attr('href') }))

const dueHeading = ($: cheerio.CheerioAPI): string => squash($('.govuk-panel__title').text())

const summaryValue = ($: cheerio.CheerioAPI, key: string): string | undefined => {
  const row = $('#result-summary .govuk-summary-list__row')
    .toArray()
    .find((element) => squash($(element).find('.govuk-summary-list__key').text()) === key)
  return row === undefined ? undefined : squash($(row).find('.govuk-summary-list__value').text())
}

describe('the deadline calculator form', () => {
  it.each(['/', '/deadlines'])('shows an empty form at %s, with no result and no errors', async (path) => {
    const { status, $ } = await get(path)
    expect(status).toBe(200)
    expect($('title').text()).toBe('Work out a response deadline – Disclose')
    expect(squash($('h1').text())).toBe('Work out a response deadline')
    expect($('form').attr('method')).toBe('get')
    expect($('form').attr('action')).toBe(path)
    expect(
      $('input[name="regime"]')
        .toArray()
        .map((input) => $(input).attr('value')),
    ).toEqual(['foia', 'eir', 'foisa', 'sar'])
    expect($('#received-day').length + $('#received-month').length + $('#received-year').length).toBe(3)
    expect(
      $('#nation option')
        .toArray()
        .map((option) => $(option).attr('value')),
    ).toEqual(['england-and-wales', 'scotland', 'northern-ireland'])
    expect($('#extension-4').attr('value')).toBe('pit')
    expect($('#conditional-extension-4 #extended-to-day').length).toBe(1)
    expect($('details#clock-events').attr('open')).toBeUndefined()
    expect($('.govuk-panel').length).toBe(0)
    expect($('.govuk-error-summary').length).toBe(0)
  })
})

describe('working out a deadline', () => {
  it('gives Tuesday 29 October 2024 for a FOIA request received on 1 October 2024', async () => {
    const { status, $ } = await get(query({ regime: 'foia', received: ['1', '10', '2024'] }))
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Due by Tuesday 29 October 2024')
    expect($('title').text()).toBe('Work out a response deadline: due by Tuesday 29 October 2024 – Disclose')
    expect(summaryValue($, 'Time limit')).toBe('20 working days')
    expect(summaryValue($, 'Clock')).toBe('Running')
  })

  it('skips St Andrew’s Day (substitute day) for a FOIA request received on 8 November 2024', async () => {
    const { status, $ } = await get(query({ regime: 'foia', received: ['8', '11', '2024'] }))
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Due by Monday 9 December 2024')
    const skipped = $('#skipped-days tbody tr')
      .toArray()
      .map((row) =>
        $(row)
          .find('td')
          .toArray()
          .map((cell) => squash($(cell).text())),
      )
    expect(skipped).toEqual([
      ['Monday 2 December 2024', 'St Andrew’s Day (substitute day), Scotland: not a working day under FOIA s10(6)'],
    ])
    expect(squash($('#weekend-days').text())).toBe('10 Saturdays and Sundays were not counted.')
    const explanation = $('#explanation li')
      .toArray()
      .map((item) => squash($(item).text()))
    expect(explanation[0]).toMatch(/^Received Friday 8 November 2024\./)
    expect(explanation).toContain('Day 20 is Monday 9 December 2024.')
    expect($('ol#explanation').hasClass('govuk-list--number')).toBe(true)
  })

  it.each([
    ['foia', 'Due by Tuesday 2 April 2024'],
    ['foisa', 'Due by Thursday 28 March 2024'],
  ])('counts each regime on its own calendar: %s from 29 February 2024 gives “%s”', async (regime, expected) => {
    const { $ } = await get(query({ regime, received: ['29', '2', '2024'] }))
    expect(dueHeading($)).toBe(expected)
  })

  it('gives a subject access request one calendar month, ending on the last day of a shorter month', async () => {
    const { status, $ } = await get(query({ regime: 'sar', received: ['31', '1', '2024'], nation: 'scotland' }))
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Due by Thursday 29 February 2024')
    expect(summaryValue($, 'Time limit')).toBe('one calendar month')
    expect(summaryValue($, 'Bank holidays of')).toBe('Scotland')
    expect($('#nation option[selected]').attr('value')).toBe('scotland')
  })

  it('stops the clock at a fees notice and shows the last day the fee can be paid', async () => {
    const { status, $ } = await get(
      query({ regime: 'foia', received: ['1', '10', '2024'], 'fee-notice': ['10', '10', '2024'] }),
    )
    expect(status).toBe(200)
    expect(squash($('#result-heading').text())).toBe('The clock is stopped until the fee arrives')
    expect(squash($('.govuk-inset-text').text())).toBe(
      'If the fee is not paid by Thursday 9 January 2025, the request lapses',
    )
    expect(summaryValue($, 'Clock')).toBe('Stopped: waiting for the fee')
    expect(summaryValue($, 'Fee must be paid by')).toBe('Thursday 9 January 2025')
    expect(summaryValue($, 'Response due by')).toBeUndefined()
    expect($('details#clock-events').attr('open')).toBeDefined()
  })

  it('restarts the clock the working day after the fee arrives', async () => {
    const { $ } = await get(
      query({
        regime: 'foia',
        received: ['1', '10', '2024'],
        'fee-notice': ['10', '10', '2024'],
        'fee-paid': ['15', '10', '2024'],
      }),
    )
    expect(dueHeading($)).toBe('Due by Monday 4 November 2024')
    const reasons = $('#skipped-days tbody tr td:nth-child(2)')
      .toArray()
      .map((cell) => squash($(cell).text()))
    expect(reasons).toHaveLength(4)
    expect(reasons.every((reason) => reason.includes('disregarded under FOIA s10(2)'))).toBe(true)
  })

  it('moves the due date for a public interest extension, keeping the refusal notice on day 20', async () => {
    const { $ } = await get(
      query({ regime: 'foia', received: ['1', '10', '2024'], extension: 'pit', 'extended-to': ['26', '11', '2024'] }),
    )
    expect(dueHeading($)).toBe('Due by Tuesday 26 November 2024')
    expect(summaryValue($, 'Refusal notice due by')).toBe('Tuesday 29 October 2024')
    expect(squash($('.govuk-panel__body').text())).toContain('the refusal notice is due by Tuesday 29 October 2024')
    expect($('#extension-4').attr('checked')).toBeDefined()
    expect($('#extended-to-day').val()).toBe('26')
  })

  it('warns when a public interest extension runs past 20 more working days', async () => {
    const { $ } = await get(
      query({ regime: 'foia', received: ['1', '10', '2024'], extension: 'pit', 'extended-to': ['20', '12', '2024'] }),
    )
    expect(dueHeading($)).toBe('Due by Friday 20 December 2024')
    expect(squash($('.govuk-warning-text').text())).toContain('the ICO expects no more than 20')
  })

  it('gives 40 working days for an EIR request extended as complex and voluminous', async () => {
    const { $ } = await get(query({ regime: 'eir', received: ['1', '10', '2024'], extension: 'eir' }))
    expect(summaryValue($, 'Time limit')).toBe('40 working days')
    expect(dueHeading($)).toBe('Due by Tuesday 26 November 2024')
  })

  it('ignores an extension date left in the hidden conditional inputs when another extension is chosen', async () => {
    const { status, $ } = await get(
      query({ regime: 'foia', received: ['1', '10', '2024'], extension: 'none', 'extended-to': ['26', '11', '2024'] }),
    )
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Due by Tuesday 29 October 2024')
  })

  it('reads the first value of a repeated parameter', async () => {
    const { status, $ } = await get('/?regime=foia&regime=sar&received-day=1&received-month=10&received-year=2024')
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Due by Tuesday 29 October 2024')
  })

  it('accepts a month typed as a name', async () => {
    const { $ } = await get(query({ regime: 'foia', received: ['8', 'Nov', '2024'] }))
    expect(dueHeading($)).toBe('Due by Monday 9 December 2024')
  })
})

describe('problems with what was entered', () => {
  it('explains that 30 February 2024 is not a real date, keeping what was typed', async () => {
    const { status, $ } = await get(query({ regime: 'foia', received: ['30', '2', '2024'] }))
    expect(status).toBe(400)
    expect($('title').text()).toBe('Error: Work out a response deadline – Disclose')
    expect(errorSummary($)).toEqual([
      { text: 'Date of receipt must be a real date (February 2024 has 29 days)', href: '#received-day' },
    ])
    expect(squash($('#received-error').text())).toBe(
      'Error: Date of receipt must be a real date (February 2024 has 29 days)',
    )
    expect($('#received-day').val()).toBe('30')
    expect($('#received-month').val()).toBe('2')
    expect($('#received-year').val()).toBe('2024')
    expect($('input[name="regime"][checked]').attr('value')).toBe('foia')
    expect($('#received-day').hasClass('govuk-input--error')).toBe(true)
    expect($('.govuk-panel').length).toBe(0)
  })

  it('refuses a year outside the calendar', async () => {
    const { status, $ } = await get(query({ regime: 'foia', received: ['1', '10', '1980'] }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([{ text: 'Date of receipt must be between 1990 and 2100', href: '#received-day' }])
    expect($('#received-year').val()).toBe('1980')
  })

  it('asks for the law when no regime is chosen', async () => {
    const { status, $ } = await get(query({ received: ['1', '10', '2024'] }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([{ text: 'Select the law the request is handled under', href: '#regime' }])
    expect(squash($('#regime-error').text())).toBe('Error: Select the law the request is handled under')
    expect($('#received-day').val()).toBe('1')
  })

  it('asks for the date of receipt when it is left blank', async () => {
    const { status, $ } = await get(query({ regime: 'eir', received: ['', '', ''] }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([{ text: 'Enter the date the request was received', href: '#received-day' }])
  })

  it('names the missing part of a date and highlights only that input', async () => {
    const { status, $ } = await get(query({ regime: 'foia', received: ['8', '', '2024'] }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([{ text: 'Date of receipt must include a month', href: '#received-month' }])
    expect($('#received-month').hasClass('govuk-input--error')).toBe(true)
    expect($('#received-day').hasClass('govuk-input--error')).toBe(false)
    expect($('#received-year').hasClass('govuk-input--error')).toBe(false)
  })

  it('says a date with letters in it must be a real date', async () => {
    const { $ } = await get(query({ regime: 'foia', received: ['eighth', '11', '2024'] }))
    expect(errorSummary($)).toEqual([{ text: 'Date of receipt must be a real date', href: '#received-day' }])
    expect($('#received-day').val()).toBe('eighth')
  })

  it('puts the error on the fee field when the fee arrived before the fees notice', async () => {
    const { status, $ } = await get(
      query({
        regime: 'foia',
        received: ['1', '10', '2024'],
        'fee-notice': ['10', '10', '2024'],
        'fee-paid': ['5', '10', '2024'],
      }),
    )
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      {
        text: 'Date the fee arrived must be the same as or after the date of the fees notice (Thursday 10 October 2024)',
        href: '#fee-paid-day',
      },
    ])
    expect(squash($('#fee-paid-error').text())).toContain('Date the fee arrived must be the same as or after')
    expect($('details#clock-events').attr('open')).toBeDefined()
    expect($('#fee-notice-day').val()).toBe('10')
    expect($('#fee-paid-day').val()).toBe('5')
  })

  it('refuses clarification that arrived before the request', async () => {
    const { status, $ } = await get(
      query({ regime: 'foia', received: ['8', '11', '2024'], clarified: ['1', '11', '2024'] }),
    )
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      {
        text: 'Date clarification arrived must be the same as or after the date of receipt (Friday 8 November 2024)',
        href: '#clarified-day',
      },
    ])
  })

  it('asks for the date of a public interest extension', async () => {
    const { status, $ } = await get(query({ regime: 'foia', received: ['1', '10', '2024'], extension: 'pit' }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      { text: 'Enter the date the public interest extension runs to', href: '#extended-to-day' },
    ])
    expect($('#extension-4').attr('checked')).toBeDefined()
  })

  it('refuses an extension the law does not allow, in words that name the options on the form', async () => {
    const { status, $ } = await get(query({ regime: 'foia', received: ['1', '10', '2024'], extension: 'eir' }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      {
        text: 'Under FOIA the only extension is the public interest extension: select it and enter the date it runs to',
        href: '#extension',
      },
    ])
  })

  it('lists every problem in the order of the form, one for each field', async () => {
    const { $ } = await get(
      query({
        received: ['30', '2', '2024'],
        'fee-notice': ['10', '3', ''],
        extension: 'pit',
        'extended-to': ['', '', ''],
      }),
    )
    expect(errorSummary($)).toEqual([
      { text: 'Select the law the request is handled under', href: '#regime' },
      { text: 'Date of receipt must be a real date (February 2024 has 29 days)', href: '#received-day' },
      { text: 'Date of the fees notice must include a year', href: '#fee-notice-year' },
      { text: 'Enter the date the public interest extension runs to', href: '#extended-to-day' },
    ])
  })

  it('escapes what was typed when it shows it again', async () => {
    const { status, text, $ } = await get(
      query({ regime: 'foia', received: ['<script>alert(1)</script>', '1', '2024'] }),
    )
    expect(status).toBe(400)
    expect(text).not.toContain('<script>alert(1)</script>')
    expect($('#received-day').val()).toBe('<script>alert(1)</script>')
  })
})
