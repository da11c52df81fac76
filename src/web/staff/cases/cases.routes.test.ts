import * as cheerio from 'cheerio'
import request from 'supertest'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { useTestApp } from '../../../../test/app.ts'
import type { IsoDate } from '../../../domain/calendar/calendar-date.ts'
import type { Organisation } from '../../../domain/case/organisation.ts'
import { commandLineActor } from '../../../services/actor.ts'
import { createCaseService } from '../../../services/cases/case.service.ts'
import { fixedClock } from '../../../services/clock.ts'
import { createOrganisationService } from '../../../services/organisations/organisation.service.ts'
import { createUserService } from '../../../services/users/user.service.ts'
import { addOrganisation, addSignedInStaff, logTestRequest, type SignedInStaff } from '../staff.test-support.ts'

// Each password hash or check is a deliberately slow scrypt, slower still on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

/** Wednesday 4 December 2024: the clock in words is counted from here. */
const NOW = '2024-12-04T10:00:00.000Z'

const testApp = useTestApp({
  override: (deps) => {
    const clock = fixedClock(NOW)
    return {
      ...deps,
      clock,
      organisations: createOrganisationService({ store: deps.store, clock }),
      users: createUserService({ store: deps.store, clock }),
      cases: createCaseService({ store: deps.store, clock, calendar: () => deps.calendar.current() }),
    }
  },
})

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

const get = async (path: string, who: SignedInStaff) => {
  const response = await request(testApp().app).get(path).set('Cookie', who.cookie)
  return { status: response.status, headers: response.headers, text: response.text, $: cheerio.load(response.text) }
}

const tableRows = ($: cheerio.CheerioAPI): string[][] =>
  $('#cases tbody tr')
    .toArray()
    .map((row) =>
      $(row)
        .children('th, td')
        .toArray()
        .map((cell) => squash($(cell).text())),
    )

const summaryValue = ($: cheerio.CheerioAPI, list: string, key: string): string | undefined => {
  const row = $(`${list} .govuk-summary-list__row`)
    .toArray()
    .find((element) => squash($(element).find('.govuk-summary-list__key').text()) === key)
  return row === undefined ? undefined : squash($(row).find('.govuk-summary-list__value').text())
}

const REQUEST_TEXT = 'Please send me:\n1. the contracts <script>alert("pwned")</script>\n2. the invoices\n\nThank you'

let northShire: Organisation
let officer: SignedInStaff
let blindOfficer: SignedInStaff
let auditor: SignedInStaff
let otherOfficer: SignedInStaff
const refs = { dueMonday: '', dueLater: '', unassigned: '', clarifying: '', withdrawn: '', elsewhere: '' }

beforeAll(async () => {
  const { deps } = testApp()
  northShire = await addOrganisation(deps, 'North Shire Council')
  const southShire = await addOrganisation(deps, 'South Shire Council')
  officer = await addSignedInStaff(deps, northShire, ['officer'], 'Olive Officer')
  blindOfficer = await addSignedInStaff(deps, northShire, ['applicant-blind-officer'])
  auditor = await addSignedInStaff(deps, northShire, ['auditor'])
  otherOfficer = await addSignedInStaff(deps, southShire, ['officer'])

  const assigned = { assignedOfficer: { email: officer.email } }
  refs.unassigned = await logTestRequest(deps, northShire, {
    regime: 'eir',
    receivedOn: '2024-10-01',
    requestText: 'Air quality readings on the high street',
  })
  refs.dueLater = await logTestRequest(deps, northShire, {
    ...assigned,
    receivedOn: '2024-11-19',
    channel: 'web-form',
    requestText: REQUEST_TEXT,
    requester: { name: 'Riley Requester', email: 'riley@example.net', type: 'journalist' },
    parts: [
      { question: 'The contracts', outcome: 'disclosed-in-full', explanation: 'Released as held.' },
      {
        question: 'The invoices',
        outcome: 'withheld',
        exemptionIds: ['foia-s43-2'],
        explanation: 'Commercially sensitive:\nsee the public interest test.',
      },
    ],
    links: [
      { kind: 'repeat-of', reference: refs.unassigned, note: 'Asked before' },
      { kind: 'previous-release', reference: 'IC-311642-V7P8', note: '' },
    ],
  })
  refs.dueMonday = await logTestRequest(deps, northShire, {
    ...assigned,
    receivedOn: '2024-11-08',
    requestText: 'Gritting routes',
  })
  refs.clarifying = await logTestRequest(deps, northShire, {
    ...assigned,
    receivedOn: '2024-11-20',
    requestText: 'Everything about the bins',
  })
  const admin = commandLineActor(northShire.id)
  const clarifying = await deps.cases.moveCase(
    admin,
    refs.clarifying,
    1,
    'request-clarification',
    '2024-11-22' as IsoDate,
  )
  if (!clarifying.ok) throw new Error(JSON.stringify(clarifying.error))
  refs.withdrawn = await logTestRequest(deps, northShire, {
    ...assigned,
    receivedOn: '2024-11-21',
    requestText: 'Parks',
  })
  const withdrawn = await deps.cases.moveCase(admin, refs.withdrawn, 1, 'withdraw')
  if (!withdrawn.ok) throw new Error(JSON.stringify(withdrawn.error))
  refs.elsewhere = await logTestRequest(deps, southShire, { receivedOn: '2024-11-25', requestText: 'South Shire only' })
}, 120_000)

describe('the cases list', () => {
  it('starts an officer on their own open cases, soonest due first, with each clock in words', async () => {
    const { status, $, headers } = await get('/cases', officer)
    expect(status).toBe(200)
    expect(headers['cache-control']).toBe('no-store')
    expect($('title').text()).toBe('Cases: My open cases – Disclose')
    expect(squash($('h1').text())).toBe('Cases')
    expect(squash($('.govuk-caption-l').text())).toBe('North Shire Council')
    expect(squash($('#cases caption').text())).toBe('My open cases: 3 cases')
    expect(
      $('#cases thead th')
        .toArray()
        .map((cell) => squash($(cell).text())),
    ).toEqual(['Reference', 'Law', 'Received', 'Due', 'Clock', 'State'])
    expect(tableRows($)).toEqual([
      [refs.dueMonday, 'FOIA', '8 November 2024', '9 December 2024', '3 working days left', 'Received'],
      [refs.dueLater, 'FOIA', '19 November 2024', '18 December 2024', '10 working days left', 'Received'],
      [
        refs.clarifying,
        'FOIA',
        '20 November 2024',
        'Not set',
        'Clock stopped: awaiting clarification',
        'Awaiting clarification',
      ],
    ])
    expect($(`#cases a[href="/cases/${refs.dueMonday}"]`).length).toBe(1)
    expect($('#case-lists a[aria-current="page"]').text().trim()).toBe('My open cases')
    expect($('.govuk-service-navigation a[aria-current]').text().trim()).toBe('Cases')
  })

  it('lists only the officer’s cases due in the next 5 working days', async () => {
    const { status, $ } = await get('/cases?show=due-soon', officer)
    expect(status).toBe(200)
    expect($('title').text()).toBe('Cases: Due in the next 5 working days – Disclose')
    expect(tableRows($).map((row) => row[0])).toEqual([refs.dueMonday])
    expect($('#case-lists a[aria-current="page"]').text().trim()).toBe('Due in the next 5 working days')
  })

  it('lists every open case of the organisation, overdue ones in bold, and nothing closed or from elsewhere', async () => {
    const { $, text } = await get('/cases?show=all-open', officer)
    const rows = tableRows($)
    expect(rows.map((row) => row[0])).toEqual([refs.unassigned, refs.dueMonday, refs.dueLater, refs.clarifying])
    // 30 October to 4 December, less Monday 2 December (St Andrew’s Day, substitute; not a working day under the EIR)
    expect(rows[0]).toEqual([
      refs.unassigned,
      'EIR',
      '1 October 2024',
      '29 October 2024',
      '25 working days overdue',
      'Received',
    ])
    expect($('#cases tbody tr').first().find('td.govuk-\\!-font-weight-bold').text()).toBe('25 working days overdue')
    expect(text).not.toContain(refs.withdrawn)
    expect(text).not.toContain(refs.elsewhere)
  })

  it('filters by law with a GET form, keeping the list chosen', async () => {
    const { $ } = await get('/cases?show=all-open&regime=eir', officer)
    expect($('#case-filter').attr('method')).toBe('get')
    expect($('#case-filter input[name="show"]').val()).toBe('all-open')
    expect($('#regime option[selected]').attr('value')).toBe('eir')
    expect(tableRows($).map((row) => row[0])).toEqual([refs.unassigned])
    expect($('#case-lists a').first().attr('href')).toBe('/cases?show=mine&regime=eir')
  })

  it('says so when a list is empty', async () => {
    const { $ } = await get('/cases?show=mine&regime=sar', officer)
    expect($('#cases').length).toBe(0)
    expect(squash($('#no-cases').text())).toBe('No cases under this law match.')
  })

  it('reads a list it does not know as the default one', async () => {
    const { status, $ } = await get('/cases?show=everything&regime=nonsense', officer)
    expect(status).toBe(200)
    expect($('#case-lists a[aria-current="page"]').text().trim()).toBe('My open cases')
  })

  it('starts an auditor, who is never assigned cases, on all open cases', async () => {
    const { $ } = await get('/cases', auditor)
    expect($('#case-lists a[aria-current="page"]').text().trim()).toBe('All open cases')
    expect(tableRows($)).toHaveLength(4)
  })
})

describe('a case page', () => {
  it('sums up the case, with the due date and how it was worked out', async () => {
    const { status, $ } = await get(`/cases/${refs.dueLater}`, officer)
    expect(status).toBe(200)
    expect($('title').text()).toBe(`Case ${refs.dueLater} – Disclose`)
    expect(squash($('h1').text())).toBe(refs.dueLater)
    expect(summaryValue($, '#case-summary', 'Reference')).toBe(refs.dueLater)
    expect(summaryValue($, '#case-summary', 'Law')).toBe('Freedom of Information Act 2000 (FOIA)')
    expect(summaryValue($, '#case-summary', 'State')).toBe('Received')
    expect(summaryValue($, '#case-summary', 'Received')).toBe('Tuesday 19 November 2024')
    expect(summaryValue($, '#case-summary', 'How it arrived')).toBe('Web form')
    expect(summaryValue($, '#case-summary', 'Assigned officer')).toBe('Olive Officer')
    expect(squash($('#clock').text())).toBe('10 working days left')
    expect(summaryValue($, '#case-summary', 'Due')).toMatch(/^Wednesday 18 December 2024 10 working days left/)
    expect($('details#deadline-explanation summary').text().trim()).toBe('How the due date was worked out')
    expect($('#deadline-explanation #explanation li').length).toBeGreaterThan(1)
    expect(squash($('#deadline-explanation #skipped-days').text())).toContain('St Andrew’s Day (substitute day)')
  })

  it('shows the request text escaped, keeping its line breaks', async () => {
    const { text, $ } = await get(`/cases/${refs.dueLater}`, officer)
    expect(text).not.toContain('<script>alert("pwned")</script>')
    expect(text).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;')
    expect($('main script').length).toBe(0)
    const paragraphs = $('#request-text p').toArray()
    expect(paragraphs).toHaveLength(2)
    expect($(paragraphs[0]).find('br')).toHaveLength(2)
    expect($(paragraphs[0]).text()).toBe(
      'Please send me:1. the contracts <script>alert("pwned")</script>2. the invoices',
    )
    expect($(paragraphs[1]).text()).toBe('Thank you')
  })

  it('shows the requester to an officer who may see who asked', async () => {
    const { $ } = await get(`/cases/${refs.dueLater}`, officer)
    expect(summaryValue($, '#requester', 'Name')).toBe('Riley Requester')
    expect(summaryValue($, '#requester', 'Email')).toBe('riley@example.net')
    expect(summaryValue($, '#requester', 'Type')).toBe('Journalist')
  })

  it('hides the requester from an applicant-blind officer, everywhere on the page', async () => {
    const { status, $, text } = await get(`/cases/${refs.dueLater}`, blindOfficer)
    expect(status).toBe(200)
    expect(squash($('#requester').text())).toBe('Hidden: you work this case applicant-blind')
    expect(text).not.toContain('Riley Requester')
    expect(text).not.toContain('riley@example.net')
  })

  it('shows the parts with their outcomes, exemptions and explanations', async () => {
    const { $ } = await get(`/cases/${refs.dueLater}`, officer)
    expect(
      $('#parts h3')
        .toArray()
        .map((heading) => $(heading).text()),
    ).toEqual(['Part 1', 'Part 2'])
    expect(summaryValue($, '#part-1', 'What was asked')).toBe('The contracts')
    expect(summaryValue($, '#part-1', 'Outcome')).toBe('Disclosed in full')
    expect(summaryValue($, '#part-2', 'Outcome')).toBe('Withheld')
    expect(summaryValue($, '#part-2', 'Exemptions relied on')).toBe('foia-s43-2')
    expect($('#part-2 .govuk-summary-list__value p').last().find('br')).toHaveLength(1)
  })

  it('links to a related case in the organisation, and names one outside it', async () => {
    const { $ } = await get(`/cases/${refs.dueLater}`, officer)
    const items = $('#links li').toArray()
    expect(squash($(items[0]).text())).toBe(`Repeat of ${refs.unassigned}: Asked before`)
    expect($(items[0]).find('a').attr('href')).toBe(`/cases/${refs.unassigned}`)
    expect(squash($(items[1]).text())).toBe('Previous release referred to IC-311642-V7P8')
    expect($(items[1]).find('a').length).toBe(0)
  })

  it('shows the timeline, newest first', async () => {
    const { $ } = await get(`/cases/${refs.clarifying}`, officer)
    const rows = $('#timeline tbody tr')
      .toArray()
      .map((row) =>
        $(row)
          .find('td')
          .toArray()
          .map((cell) => squash($(cell).text())),
      )
    expect(rows).toEqual([
      ['4 December 2024 at 10am', 'Ask for clarification', 'command line'],
      ['4 December 2024 at 10am', 'Case logged', 'command line'],
    ])
    expect(squash($('#clock').text())).toBe('Clock stopped: awaiting clarification')
  })

  it('finds a case by its reference typed in lower case', async () => {
    const { status, $ } = await get(`/cases/${refs.dueMonday.toLowerCase()}`, officer)
    expect(status).toBe(200)
    expect(squash($('h1').text())).toBe(refs.dueMonday)
  })

  it('shows an auditor everything, with nothing to change', async () => {
    const { status, $ } = await get(`/cases/${refs.dueLater}`, auditor)
    expect(status).toBe(200)
    expect(summaryValue($, '#requester', 'Name')).toBe('Riley Requester')
    expect($('main form, main button, main input, main textarea').length).toBe(0)
  })

  it('answers 404 for a reference that is not in the organisation', async () => {
    for (const path of ['/cases/IC-000000-A0A0', `/cases/${refs.elsewhere}`, '/cases/%3Cscript%3E']) {
      const { status, $ } = await get(path, officer)
      expect(status).toBe(404)
      expect(squash($('h1').text())).toBe('Page not found')
    }
  })

  it('never shows another organisation’s case to its officers, listed or by reference', async () => {
    const list = await get('/cases?show=all-open', otherOfficer)
    expect(tableRows(list.$).map((row) => row[0])).toEqual([refs.elsewhere])
    expect((await get(`/cases/${refs.dueLater}`, otherOfficer)).status).toBe(404)
  })
})
