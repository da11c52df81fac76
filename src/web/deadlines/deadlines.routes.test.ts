import * as cheerio from 'cheerio'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../../test/app.ts'

const testApp = useTestApp()

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
  const response = await request(testApp().app).get(path)
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
    expect($('title').text()).toBe('Work out a deadline – Disclose')
    expect(squash($('h1').text())).toBe('Work out a deadline')
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
    expect($('title').text()).toBe('Work out a deadline: due by Tuesday 29 October 2024 – Disclose')
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
    expect($('title').text()).toBe('Error: Work out a deadline – Disclose')
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
      { text: 'Date of receipt must be a real date (February 2024 has 29 days)', href: '#received-day' },
      { text: 'Select the law the request is handled under', href: '#regime' },
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

const checkedValue = ($: cheerio.CheerioAPI, name: string): string | undefined =>
  $(`input[name="${name}"][checked]`).attr('value')

const skippedDays = ($: cheerio.CheerioAPI): string[][] =>
  $('#skipped-days tbody tr')
    .toArray()
    .map((row) =>
      $(row)
        .find('td')
        .toArray()
        .map((cell) => squash($(cell).text())),
    )

describe('choosing which deadline to work out', () => {
  it('offers the four deadlines, each revealing the date it runs from, with the response chosen', async () => {
    const { status, $ } = await get('/')
    expect(status).toBe(200)
    expect(
      $('input[name="clock"]')
        .toArray()
        .map((input) => $(input).attr('value')),
    ).toEqual(['response', 'review-window', 'review', 'regulator-window'])
    expect(checkedValue($, 'clock')).toBe('response')
    expect(squash($('#conditional-clock legend').text())).toBe('When was the request received?')
    expect($('#conditional-clock #received-day').length).toBe(1)
    expect(squash($('#conditional-clock-2 legend').text())).toBe('When was the response sent?')
    expect($('#conditional-clock-2 #responded-day').length).toBe(1)
    expect(squash($('#conditional-clock-3 legend').text())).toBe('When did the request for a review arrive?')
    expect($('#conditional-clock-3 #review-received-day').length).toBe(1)
    expect($('#conditional-clock-3 input#complex-review[type="checkbox"]').attr('value')).toBe('yes')
    expect(squash($('#conditional-clock-4 legend').text())).toBe('When was the outcome of the review sent?')
    expect($('#conditional-clock-4 #review-outcome-day').length).toBe(1)
  })

  it('opens the form with a deadline chosen by the address, without checking anything', async () => {
    const { status, $ } = await get('/?clock=review')
    expect(status).toBe(200)
    expect(checkedValue($, 'clock')).toBe('review')
    expect($('.govuk-error-summary').length).toBe(0)
    expect($('.govuk-panel').length).toBe(0)
  })

  it('treats an address with a blank clock as the response, as before the clocks were added', async () => {
    const { status, $ } = await get(`${query({ regime: 'foia', received: ['1', '10', '2024'] })}&clock=`)
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Due by Tuesday 29 October 2024')
    expect(checkedValue($, 'clock')).toBe('response')
  })

  it('asks which deadline when the address names one that does not exist, keeping what was typed', async () => {
    const { status, $ } = await get(query({ clock: 'appeal', regime: 'foia', received: ['1', '10', '2024'] }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([{ text: 'Select which deadline to work out', href: '#clock' }])
    expect(squash($('#clock-error').text())).toBe('Error: Select which deadline to work out')
    expect(checkedValue($, 'clock')).toBeUndefined()
    expect($('#received-day').val()).toBe('1')
  })
})

describe('the deadlines after the response', () => {
  it('gives Friday 27 December 2024 as the last day to ask for a FOIA review of a response sent 29 October 2024', async () => {
    const { status, $ } = await get(query({ clock: 'review-window', regime: 'foia', responded: ['29', '10', '2024'] }))
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Ask for a review by Friday 27 December 2024')
    expect(squash($('.govuk-panel__body').text())).toBe('40 working days after the response')
    expect($('title').text()).toBe('Work out a deadline: ask for a review by Friday 27 December 2024 – Disclose')
    expect(summaryValue($, 'Date of the response')).toBe('Tuesday 29 October 2024')
    expect(summaryValue($, 'Time limit')).toBe('40 working days')
    expect(summaryValue($, 'Last day to ask for a review')).toBe('Friday 27 December 2024')
    expect(summaryValue($, 'Clock')).toBeUndefined()
    expect(summaryValue($, 'Response due by')).toBeUndefined()
    expect(skippedDays($).map(([date]) => date)).toEqual([
      'Monday 2 December 2024',
      'Wednesday 25 December 2024',
      'Thursday 26 December 2024',
    ])
    expect(checkedValue($, 'clock')).toBe('review-window')
    expect($('#responded-day').val()).toBe('29')
  })

  it.each([
    ['', 'Review due by Tuesday 7 January 2025', '20 working days'],
    ['yes', 'Review due by Tuesday 4 February 2025', '40 working days'],
  ])(
    'gives a FOIA review asked for on 4 December 2024 (complex or voluminous: “%s”) “%s”',
    async (complex, heading, limit) => {
      const { status, $ } = await get(
        query({ clock: 'review', regime: 'foia', 'review-received': ['4', '12', '2024'], 'complex-review': complex }),
      )
      expect(status).toBe(200)
      expect(dueHeading($)).toBe(heading)
      expect(summaryValue($, 'Time limit')).toBe(limit)
      expect(summaryValue($, 'Request for a review arrived')).toBe('Wednesday 4 December 2024')
      expect($('#complex-review').attr('checked') !== undefined).toBe(complex === 'yes')
    },
  )

  it('passes over 2 January, a Scottish bank holiday, in a FOIA review', async () => {
    const { $ } = await get(query({ clock: 'review', regime: 'foia', 'review-received': ['4', '12', '2024'] }))
    expect(skippedDays($)).toContainEqual([
      'Thursday 2 January 2025',
      '2nd January, Scotland: not a working day under FOIA s10(6)',
    ])
  })

  it('gives an EIR reconsideration asked for on 4 December 2024 until Tuesday 4 February 2025', async () => {
    const { status, $ } = await get(query({ clock: 'review', regime: 'eir', 'review-received': ['4', '12', '2024'] }))
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Review due by Tuesday 4 February 2025')
    expect(summaryValue($, 'Time limit')).toBe('40 working days')
  })

  it('counts a FOISA review on Scotland’s calendar: Easter Monday is a working day there', async () => {
    const { status, $ } = await get(query({ clock: 'review', regime: 'foisa', 'review-received': ['1', '4', '2025'] }))
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Review due by Wednesday 30 April 2025')
    expect(summaryValue($, 'Time limit')).toBe('20 working days')
    expect(skippedDays($).map(([date]) => date)).toEqual(['Friday 18 April 2025'])
  })

  it('gives six months to apply to the Scottish Information Commissioner after a review’s outcome', async () => {
    const { status, $ } = await get(
      query({ clock: 'regulator-window', regime: 'foisa', 'review-outcome': ['15', '1', '2025'] }),
    )
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Apply by Tuesday 15 July 2025')
    expect(squash($('.govuk-panel__body').text())).toBe(
      'Six months after the review’s outcome: the last day to apply to the Scottish Information Commissioner',
    )
    expect(summaryValue($, 'Date of the review’s outcome')).toBe('Wednesday 15 January 2025')
    expect(summaryValue($, 'Last day to apply')).toBe('Tuesday 15 July 2025')
    expect($('#skipped-days').length + $('#weekend-days').length).toBe(0)
  })

  it('ignores the response’s fields, which the browser still sends, when another deadline is chosen', async () => {
    const { status, $ } = await get(
      query({
        clock: 'review',
        regime: 'foia',
        'review-received': ['4', '12', '2024'],
        received: ['30', '2', '2024'],
        'clarification-requested': ['1', '', ''],
        'time-for-compliance': 'school',
      }),
    )
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Review due by Tuesday 7 January 2025')
    expect($('#received-day').val()).toBe('30')
  })

  it('ignores the review’s fields when the response is chosen', async () => {
    const { status, $ } = await get(
      query({
        clock: 'response',
        regime: 'foia',
        received: ['1', '10', '2024'],
        responded: ['99', '', ''],
        'complex-review': 'yes',
      }),
    )
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Due by Tuesday 29 October 2024')
  })
})

describe('deadlines the law does not have', () => {
  it.each([
    ['review-window', 'responded'],
    ['review', 'review-received'],
    ['regulator-window', 'review-outcome'],
  ])(
    'says subject access has no statutory review (%s), on the law, keeping what was typed',
    async (clock, dateField) => {
      const { status, $ } = await get(
        query({ clock, regime: 'sar', nation: 'scotland', [dateField]: ['4', '12', '2024'] }),
      )
      expect(status).toBe(400)
      expect(errorSummary($)).toEqual([
        {
          text: 'Subject access has no statutory internal review: the requester may complain to the ICO',
          href: '#regime',
        },
      ])
      expect(squash($('#regime-error').text())).toBe(
        'Error: Subject access has no statutory internal review: the requester may complain to the ICO',
      )
      expect($('title').text()).toBe('Error: Work out a deadline – Disclose')
      expect(checkedValue($, 'clock')).toBe(clock)
      expect(checkedValue($, 'regime')).toBe('sar')
      expect($('#nation option[selected]').attr('value')).toBe('scotland')
      expect([$(`#${dateField}-day`).val(), $(`#${dateField}-month`).val(), $(`#${dateField}-year`).val()]).toEqual([
        '4',
        '12',
        '2024',
      ])
      expect($('.govuk-panel').length).toBe(0)
    },
  )

  it.each([
    ['foia', 'FOIA sets no time limit for complaining to the ICO (section 50)'],
    ['eir', 'The EIR set no time limit for complaining to the ICO (regulation 18)'],
  ])('puts the Scottish Information Commissioner’s window on the choice of deadline for %s', async (regime, start) => {
    const { status, $ } = await get(query({ clock: 'regulator-window', regime, 'review-outcome': ['15', '1', '2025'] }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      { text: `${start}: the Scottish Information Commissioner’s 6 months are for FOISA only`, href: '#clock' },
    ])
    expect(squash($('#clock-error').text())).toContain(start)
    expect($('#review-outcome-day').val()).toBe('15')
  })

  it.each([
    ['eir', 'An EIR review already has 40 working days (regulation 11(4))'],
    ['foisa', 'A FOISA review has 20 working days (section 21(1)) and cannot be extended'],
  ])('refuses a complex or voluminous %s review on the checkbox', async (regime, start) => {
    const { status, $ } = await get(
      query({ clock: 'review', regime, 'review-received': ['4', '12', '2024'], 'complex-review': 'yes' }),
    )
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      { text: `${start}: only a FOIA review can be complex or voluminous`, href: '#complex-review' },
    ])
    expect(squash($('#complex-review-error').text())).toContain(start)
    expect($('#complex-review').attr('checked')).toBeDefined()
  })

  it('lists a missing date and a refused deadline together, in the order of the form', async () => {
    const { status, $ } = await get(query({ clock: 'review', regime: 'sar', 'review-received': ['', '', ''] }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      { text: 'Enter the date the request for a review arrived', href: '#review-received-day' },
      {
        text: 'Subject access has no statutory internal review: the requester may complain to the ICO',
        href: '#regime',
      },
    ])
  })

  it.each([
    ['review-window', 'responded', 'Enter the date the response was sent'],
    ['review', 'review-received', 'Enter the date the request for a review arrived'],
    ['regulator-window', 'review-outcome', 'Enter the date of the review’s outcome'],
  ])('asks for the date the %s clock runs from', async (clock, dateField, message) => {
    const { status, $ } = await get(query({ clock, regime: 'foisa', [dateField]: ['', '', ''] }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([{ text: message, href: `#${dateField}-day` }])
    expect(squash($(`#${dateField}-error`).text())).toBe(`Error: ${message}`)
  })

  it('names a review date that is not real, or incomplete, in the words of its own question', async () => {
    const notReal = await get(query({ clock: 'review', regime: 'foia', 'review-received': ['31', '11', '2024'] }))
    expect(notReal.status).toBe(400)
    expect(errorSummary(notReal.$)).toEqual([
      {
        text: 'Date the request for a review arrived must be a real date (November 2024 has 30 days)',
        href: '#review-received-day',
      },
    ])
    expect(notReal.$('#review-received-day').hasClass('govuk-input--error')).toBe(true)

    const partial = await get(query({ clock: 'review-window', regime: 'foia', responded: ['29', '', '2024'] }))
    expect(errorSummary(partial.$)).toEqual([
      { text: 'Date of the response must include a month', href: '#responded-month' },
    ])
    expect(partial.$('#responded-month').hasClass('govuk-input--error')).toBe(true)
    expect(partial.$('#responded-day').hasClass('govuk-input--error')).toBe(false)

    const outOfRange = await get(
      query({ clock: 'regulator-window', regime: 'foisa', 'review-outcome': ['1', '1', '1989'] }),
    )
    expect(errorSummary(outOfRange.$)).toEqual([
      { text: 'Date of the review’s outcome must be between 1990 and 2100', href: '#review-outcome-day' },
    ])
  })

  it('asks for the law for a review clock too', async () => {
    const { status, $ } = await get(query({ clock: 'review', 'review-received': ['4', '12', '2024'] }))
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([{ text: 'Select the law the request is handled under', href: '#regime' }])
  })
})

describe('clock events and longer times for compliance', () => {
  it('stops the clock while clarification is awaited', async () => {
    const { status, $ } = await get(
      query({ regime: 'foia', received: ['1', '10', '2024'], 'clarification-requested': ['3', '10', '2024'] }),
    )
    expect(status).toBe(200)
    expect(squash($('#result-heading').text())).toBe('The clock is stopped until clarification arrives')
    expect(squash($('.govuk-inset-text').text())).toBe('Enter the date clarification arrived to work out the deadline')
    expect(summaryValue($, 'Clock')).toBe('Stopped: waiting for clarification')
    expect(summaryValue($, 'Response due by')).toBeUndefined()
    expect($('.govuk-panel').length).toBe(0)
    expect($('title').text()).toBe('Work out a deadline – Disclose')
    expect($('details#clock-events').attr('open')).toBeDefined()
    expect($('#clarification-requested-day').val()).toBe('3')
  })

  it('starts a fresh 20 working days when the clarification asked for arrives', async () => {
    const { $ } = await get(
      query({
        regime: 'foia',
        received: ['1', '10', '2024'],
        'clarification-requested': ['3', '10', '2024'],
        clarified: ['10', '10', '2024'],
      }),
    )
    expect(dueHeading($)).toBe('Due by Thursday 7 November 2024')
    expect(summaryValue($, 'Counted from')).toBe('Thursday 10 October 2024')
  })

  it('refuses clarification asked for before the request arrived, on its own field', async () => {
    const { status, $ } = await get(
      query({ regime: 'foia', received: ['8', '11', '2024'], 'clarification-requested': ['1', '11', '2024'] }),
    )
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      {
        text: 'Date clarification was asked for must be the same as or after the date of receipt (Friday 8 November 2024)',
        href: '#clarification-requested-day',
      },
    ])
  })

  it('runs a subject access month from the day the requester’s identity was confirmed', async () => {
    const { status, $ } = await get(
      query({ regime: 'sar', received: ['3', '9', '2024'], 'identity-verified': ['10', '9', '2024'] }),
    )
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Due by Thursday 10 October 2024')
    expect(summaryValue($, 'Counted from')).toBe('Tuesday 10 September 2024')
    expect($('#identity-verified-day').val()).toBe('10')
    expect($('details#clock-events').attr('open')).toBeDefined()
  })

  it('refuses an identity check for a FOIA request, on the identity field', async () => {
    const { status, $ } = await get(
      query({ regime: 'foia', received: ['3', '9', '2024'], 'identity-verified': ['10', '9', '2024'] }),
    )
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      { text: 'Identity checks stop the clock for subject access requests only', href: '#identity-verified-day' },
    ])
    expect(squash($('#identity-verified-error').text())).toContain('subject access requests only')
  })

  it('keeps the time for compliance section shut and 20 working days chosen until it is used', async () => {
    const { $ } = await get('/')
    expect($('details#time-for-compliance-details').attr('open')).toBeUndefined()
    expect(checkedValue($, 'time-for-compliance')).toBe('standard')
    expect(
      $('input[name="time-for-compliance"]')
        .toArray()
        .map((input) => $(input).attr('value')),
    ).toEqual(['standard', 'school', 'archive', 'overseas'])
    expect($('#conditional-time-for-compliance-2 #closure-1-from-day').length).toBe(1)
    expect($('#conditional-time-for-compliance-2 #closure-3-to-year').length).toBe(1)
  })

  it.each([
    ['archive', 'Due by Tuesday 12 November 2024', '30 working days'],
    ['overseas', 'Due by Friday 27 December 2024', '60 working days'],
  ])(
    'gives a FOIA request received 1 October 2024 with the %s time for compliance “%s”',
    async (time, heading, limit) => {
      const { status, $ } = await get(
        query({ regime: 'foia', received: ['1', '10', '2024'], 'time-for-compliance': time }),
      )
      expect(status).toBe(200)
      expect(dueHeading($)).toBe(heading)
      expect(summaryValue($, 'Time limit')).toBe(limit)
      expect(checkedValue($, 'time-for-compliance')).toBe(time)
      expect($('details#time-for-compliance-details').attr('open')).toBeDefined()
    },
  )

  it('does not count the days a school is closed', async () => {
    const { status, $ } = await get(
      query({
        regime: 'foia',
        received: ['1', '10', '2024'],
        'time-for-compliance': 'school',
        'closure-1-from': ['28', '10', '2024'],
        'closure-1-to': ['1', '11', '2024'],
      }),
    )
    expect(status).toBe(200)
    expect(dueHeading($)).toBe('Due by Tuesday 5 November 2024')
    expect(summaryValue($, 'Time limit')).toBe('20 school days, or 60 working days if sooner')
    expect(skippedDays($)).toEqual(
      [
        'Monday 28 October 2024',
        'Tuesday 29 October 2024',
        'Wednesday 30 October 2024',
        'Thursday 31 October 2024',
        'Friday 1 November 2024',
      ].map((date) => [date, 'the school is closed: not a school day (SI 2004/3364)']),
    )
    expect($('#closure-1-from-day').val()).toBe('28')
  })

  it('reads every closure, and ignores closures left in the hidden inputs when the school is not chosen', async () => {
    const closures = {
      received: ['1', '10', '2024'],
      'closure-1-from': ['7', '10', '2024'],
      'closure-1-to': ['7', '10', '2024'],
      'closure-3-from': ['28', '10', '2024'],
      'closure-3-to': ['1', '11', '2024'],
    } as const
    const school = await get(query({ regime: 'foia', 'time-for-compliance': 'school', ...closures }))
    expect(dueHeading(school.$)).toBe('Due by Wednesday 6 November 2024')
    const standard = await get(query({ regime: 'foia', 'time-for-compliance': 'standard', ...closures }))
    expect(dueHeading(standard.$)).toBe('Due by Tuesday 29 October 2024')
  })

  it('refuses a longer time for compliance outside FOIA, on the time for compliance', async () => {
    const { status, $ } = await get(
      query({ regime: 'eir', received: ['1', '10', '2024'], 'time-for-compliance': 'archive' }),
    )
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      {
        text: 'Longer times for compliance for schools and archives apply under FOIA only',
        href: '#time-for-compliance',
      },
    ])
    expect($('details#time-for-compliance-details').attr('open')).toBeDefined()
  })

  it('asks for a time for compliance the form offers when the address holds another', async () => {
    const { status, $ } = await get(
      query({ regime: 'foia', received: ['1', '10', '2024'], 'time-for-compliance': 'slow' }),
    )
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([
      { text: 'Select how long the authority has to respond', href: '#time-for-compliance' },
    ])
  })

  it.each([
    [
      { 'closure-1-from': ['1', '11', '2024'], 'closure-1-to': ['28', '10', '2024'] },
      'Last day of closure 1 must be the same as or after the first day',
      '#closure-1-to-day',
    ],
    [{ 'closure-2-from': ['28', '10', '2024'] }, 'Enter the last day of closure 2', '#closure-2-to-day'],
    [{ 'closure-3-to': ['1', '11', '2024'] }, 'Enter the first day of closure 3', '#closure-3-from-day'],
    [
      { 'closure-1-from': ['31', '9', '2024'], 'closure-1-to': ['1', '10', '2024'] },
      'First day of closure 1 must be a real date (September 2024 has 30 days)',
      '#closure-1-from-day',
    ],
    [
      { 'closure-2-from': ['28', '10', '2024'], 'closure-2-to': ['1', '', '2024'] },
      'Last day of closure 2 must include a month',
      '#closure-2-to-month',
    ],
  ] as const)('refuses a school closure %j: “%s”', async (closure, message, href) => {
    const { status, $ } = await get(
      query({ regime: 'foia', received: ['1', '10', '2024'], 'time-for-compliance': 'school', ...closure }),
    )
    expect(status).toBe(400)
    expect(errorSummary($)).toEqual([{ text: message, href }])
    expect($('details#time-for-compliance-details').attr('open')).toBeDefined()
  })

  it('keeps every value typed when it shows the form again with errors', async () => {
    const { status, $ } = await get(
      query({
        regime: 'foia',
        nation: 'northern-ireland',
        received: ['1', '10', '2024'],
        'clarification-requested': ['3', '10', '2024'],
        clarified: ['10', '10', '2024'],
        'fee-notice': ['14', '10', '2024'],
        'fee-paid': ['16', '10', '2024'],
        'identity-verified': ['2', '10', '2024'],
        extension: 'pit',
        'extended-to': ['20', '12', '2024'],
        'time-for-compliance': 'school',
        'closure-1-from': ['28', '10', '2024'],
        'closure-1-to': ['1', '11', '2024'],
        'closure-2-from': ['23', '12', '2024'],
        'closure-2-to': ['3', '1', '2025'],
        'closure-3-from': ['17', '2', '2025'],
        'closure-3-to': ['21', '2', '2025'],
        responded: ['29', '10', '2024'],
        'review-received': ['4', '12', '2024'],
        'complex-review': 'yes',
        'review-outcome': ['15', '1', '2025'],
      }),
    )
    expect(status).toBe(400)
    expect(errorSummary($).map((error) => error.href)).toEqual(['#identity-verified-day'])
    const typed = (id: string): string[] => ['day', 'month', 'year'].map((part) => String($(`#${id}-${part}`).val()))
    expect(typed('received')).toEqual(['1', '10', '2024'])
    expect(typed('clarification-requested')).toEqual(['3', '10', '2024'])
    expect(typed('clarified')).toEqual(['10', '10', '2024'])
    expect(typed('fee-notice')).toEqual(['14', '10', '2024'])
    expect(typed('fee-paid')).toEqual(['16', '10', '2024'])
    expect(typed('identity-verified')).toEqual(['2', '10', '2024'])
    expect(typed('extended-to')).toEqual(['20', '12', '2024'])
    expect(typed('closure-1-from')).toEqual(['28', '10', '2024'])
    expect(typed('closure-1-to')).toEqual(['1', '11', '2024'])
    expect(typed('closure-2-from')).toEqual(['23', '12', '2024'])
    expect(typed('closure-2-to')).toEqual(['3', '1', '2025'])
    expect(typed('closure-3-from')).toEqual(['17', '2', '2025'])
    expect(typed('closure-3-to')).toEqual(['21', '2', '2025'])
    expect(typed('responded')).toEqual(['29', '10', '2024'])
    expect(typed('review-received')).toEqual(['4', '12', '2024'])
    expect(typed('review-outcome')).toEqual(['15', '1', '2025'])
    expect(checkedValue($, 'clock')).toBe('response')
    expect(checkedValue($, 'regime')).toBe('foia')
    expect(checkedValue($, 'extension')).toBe('pit')
    expect(checkedValue($, 'time-for-compliance')).toBe('school')
    expect($('#complex-review').attr('checked')).toBeDefined()
    expect($('#nation option[selected]').attr('value')).toBe('northern-ireland')
  })
})
