import * as cheerio from 'cheerio'
import request from 'supertest'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { useTestApp } from '../../../../test/app.ts'
import type { Organisation } from '../../../domain/case/organisation.ts'
import { commandLineActor } from '../../../services/actor.ts'
import { loadDemo } from '../../../services/demo/load-demo.ts'
import { demoEmail } from '../../../services/demo/seed-cases.ts'
import { sessionCookieName } from '../../authentication.ts'
import { addOrganisation, addSignedInStaff, logTestRequest, type SignedInStaff } from '../staff.test-support.ts'

// Each password hash or check is a deliberately slow scrypt, slower still on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

const testApp = useTestApp()

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

const get = async (path: string, who: Pick<SignedInStaff, 'cookie'>) => {
  const response = await request(testApp().app).get(path).set('Cookie', who.cookie)
  return { status: response.status, headers: response.headers, text: response.text, $: cheerio.load(response.text) }
}

const post = async (path: string, who: Pick<SignedInStaff, 'cookie'>, form: Record<string, string>) => {
  const response = await request(testApp().app).post(path).set('Cookie', who.cookie).type('form').send(form)
  return { status: response.status, headers: response.headers, text: response.text, $: cheerio.load(response.text) }
}

/** Collects a download's bytes: supertest parses only text and JSON by itself. */
const download = async (path: string, who: Pick<SignedInStaff, 'cookie'>) =>
  request(testApp().app)
    .get(path)
    .set('Cookie', who.cookie)
    .buffer(true)
    .parse((response, callback) => {
      const stream = response as unknown as NodeJS.ReadableStream
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => callback(null, Buffer.concat(chunks)))
    })

const DEMO_PASSWORD = 'a demonstration password'
/** The second seed case of the demonstration: its response has gone out. */
const SEED = 'IC-342993-L6W4'

const PUBLIC_INTEREST_TEST = {
  forDisclosure: ['Openness about how public money is spent'],
  forWithholding: ['The supplier’s ability to compete for other contracts'],
  conclusion: 'maintain-exemption',
  reasoning: 'The harm to the supplier outweighs the public interest in the prices.',
  decidedOn: '2024-10-15',
}

let organisation: Organisation
let officer: SignedInStaff
let blindOfficer: SignedInStaff
let auditor: SignedInStaff
let elsewhere: SignedInStaff
let demoOfficer: Pick<SignedInStaff, 'cookie' | 'csrfToken'>
const refs = { missingTest: '', complete: '', received: '' }

/** A request being worked on: part 1 disclosed, part 2 withheld under section 43(2), decided as `decisions` say. */
const importWorkedCase = async (decisions: readonly Record<string, unknown>[], reference: string): Promise<string> => {
  const imported = await testApp().deps.cases.importCase(commandLineActor(organisation.id), {
    reference,
    state: 'in-progress',
    regime: 'foia',
    receivedOn: '2024-10-01',
    requestText: 'Please send the contract for street cleaning and its unit prices.',
    requester: { name: 'Riley Requester', email: 'riley@example.net', type: 'member-of-the-public' },
    parts: [
      { question: 'The contract', outcome: 'disclosed-in-full' },
      { question: 'The unit prices', outcome: 'withheld', exemptionIds: ['foia-s43-2'] },
    ],
    exemptionDecisions: decisions,
  })
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  return imported.value.case.reference
}

const commercialDecision = (change: Record<string, unknown> = {}) => ({
  exemptionId: 'foia-s43-2',
  prejudice: 'would-be-likely-to',
  reasons: 'Publishing the unit prices would let the supplier’s competitors undercut it.',
  publicInterestTest: PUBLIC_INTEREST_TEST,
  ...change,
})

beforeAll(async () => {
  const { deps } = testApp()
  organisation = await addOrganisation(deps, 'North Shire Council', {
    reviewProcedureUrl: 'https://north-shire.example.org/foi/review',
    complaintUrl: 'https://ico.org.uk/make-a-complaint/',
  })
  const southShire = await addOrganisation(deps, 'South Shire Council')
  officer = await addSignedInStaff(deps, organisation, ['officer'], 'Olive Officer')
  blindOfficer = await addSignedInStaff(deps, organisation, ['applicant-blind-officer'])
  auditor = await addSignedInStaff(deps, organisation, ['auditor'])
  elsewhere = await addSignedInStaff(deps, southShire, ['officer'])

  // The public interest test is missing, and a decision is recorded that no part relies on.
  refs.missingTest = await importWorkedCase(
    [
      commercialDecision({ publicInterestTest: null }),
      { exemptionId: 'foia-s21', reasons: 'Reasonably accessible on the council’s website.' },
    ],
    'IC-700001-A1B1',
  )
  refs.complete = await importWorkedCase([commercialDecision()], 'IC-700002-A1B2')
  refs.received = await logTestRequest(deps, organisation, {
    receivedOn: '2024-10-01',
    requestText: 'Gritting routes',
  })

  const demo = await loadDemo(
    { store: deps.store, clock: deps.clock, calendar: () => deps.calendar.current() },
    { password: DEMO_PASSWORD },
  )
  if (!demo.ok) throw new Error(JSON.stringify(demo.error))
  const signedIn = await deps.users.signIn(demoEmail('officer'), DEMO_PASSWORD)
  if (!signedIn.ok) throw new Error(signedIn.error)
  demoOfficer = {
    cookie: `${sessionCookieName(false)}=${encodeURIComponent(signedIn.value.sessionToken)}`,
    csrfToken: signedIn.value.csrfToken,
  }
}, 180_000)

const letterPath = (reference: string, rest = '') => `/cases/${reference}/letters/response${rest}`

describe('the refusal-notice check on the case page', () => {
  it('lists the errors, each naming its part, and the warnings with the warning text', async () => {
    const { status, $ } = await get(`/cases/${refs.missingTest}`, officer)
    expect(status).toBe(200)
    expect(squash($('#refusal-notice-check-heading').text())).toBe('Refusal-notice check')
    expect(squash($('#check-errors .govuk-error-summary__title').text())).toBe(
      '1 problem stops the response being approved',
    )
    const errors = $('#check-errors li')
      .toArray()
      .map((item) => squash($(item).text()))
    expect(errors).toEqual([expect.stringMatching(/^Part 2: Section 43\(2\) is qualified: record the public interest/)])
    // Not the error summary of a form: nothing takes the focus or is announced as an alert.
    expect($('#check-errors').attr('role')).toBeUndefined()
    expect($('#check-errors').attr('data-module')).toBeUndefined()
    const warnings = $('#check-warnings .govuk-warning-text')
      .toArray()
      .map((item) => squash($(item).text()))
    expect(warnings).toEqual([
      expect.stringMatching(/^! Warning The whole response: A decision is recorded for section 21/),
    ])
    expect($('#check-passes').length).toBe(0)
  })

  it('links to the response letter: to preview it, and to download it as PDF and Word', async () => {
    const { $ } = await get(`/cases/${refs.missingTest}`, officer)
    expect(squash($('#preview-letter').text())).toBe('Preview the response letter')
    expect($('#preview-letter').attr('href')).toBe(letterPath(refs.missingTest))
    expect(squash($('#letter-pdf').text())).toBe('Download PDF of the response letter')
    expect($('#letter-pdf').attr('href')).toBe(letterPath(refs.missingTest, '.pdf'))
    expect(squash($('#letter-docx').text())).toBe('Download Word document of the response letter')
    expect($('#letter-docx').attr('href')).toBe(letterPath(refs.missingTest, '.docx'))
  })

  it('says no problems were found when the refusal is complete', async () => {
    const { $ } = await get(`/cases/${refs.complete}`, officer)
    expect(squash($('#check-passes').text())).toBe('No problems found')
    expect($('#check-errors').length).toBe(0)
    expect($('#check-warnings').length).toBe(0)
  })

  it('says why the response cannot be written yet, instead of linking to it', async () => {
    const { $ } = await get(`/cases/${refs.received}`, officer)
    expect($('#preview-letter').length).toBe(0)
    expect(squash($('#case-letter').text())).toMatch(/^The response letter cannot be written yet: /)
  })

  it('passes the demonstration’s seed case, with only the warning about section 40’s old wording on the first', async () => {
    const second = await get(`/cases/${SEED}`, demoOfficer)
    expect(squash(second.$('#check-passes').text())).toBe('No problems found')
    const first = await get('/cases/IC-335210-T7S5', demoOfficer)
    expect(first.$('#check-errors').length).toBe(0)
    expect(squash(first.$('#check-passes').text())).toBe(
      'No errors: the response can be approved. Consider the warnings.',
    )
    expect(first.$('#check-warnings .govuk-warning-text').length).toBe(1)
  })
})

describe('previewing a letter', () => {
  it('shows the seed’s letter as it was sent, with its section headings and downloads, and no edit button', async () => {
    const { status, $ } = await get(letterPath(SEED), demoOfficer)
    expect(status).toBe(200)
    expect($('title').text()).toBe(`Response letter for ${SEED} – Disclose`)
    expect(squash($('h1').text())).toBe('Response letter')
    const headings = $('#letter h2')
      .toArray()
      .map((heading) => squash($(heading).text()))
    expect(headings).toEqual(['Request', 'Our response', 'Next steps', 'Your information'])
    expect($('#letter h3').length).toBeGreaterThan(0)
    expect(squash($('#letter-issued').text())).toBe('This is the letter as it was sent on 4 December 2024.')
    expect($('#edit-letter').length).toBe(0)
    expect($('#download-pdf').attr('href')).toBe(letterPath(SEED, '.pdf'))
    expect($('#download-docx').attr('href')).toBe(letterPath(SEED, '.docx'))
  })

  it('offers an officer the edit button on a letter not yet sent, and names the addressee', async () => {
    const { status, $ } = await get(letterPath(refs.complete), officer)
    expect(status).toBe(200)
    expect($('#edit-letter').attr('href')).toBe(letterPath(refs.complete, '/edit'))
    expect($('#letter-edited').length).toBe(0)
    expect(squash($('#letter').text())).toContain('Riley Requester')
  })

  it('leaves out who asked for an applicant-blind officer', async () => {
    const { status, text } = await get(letterPath(refs.complete), blindOfficer)
    expect(status).toBe(200)
    expect(text).not.toContain('Riley Requester')
  })

  it('says why a letter cannot be written for the case as it is', async () => {
    const { status, $ } = await get(letterPath(refs.received), officer)
    expect(status).toBe(409)
    expect(squash($('h1').text())).toBe('The response letter cannot be written yet')
    expect(squash($('#letter-problem').text())).not.toBe('')
  })

  it('answers an unknown kind of letter with page not found, and an unknown format with a bad request', async () => {
    expect((await get(`/cases/${refs.complete}/letters/apology`, officer)).status).toBe(404)
    expect((await get(letterPath(refs.complete, '.rtf'), officer)).status).toBe(404)
    expect((await get(letterPath(refs.complete, '?format=rtf'), officer)).status).toBe(400)
  })
})

describe('downloading a letter', () => {
  it('sends the PDF with the same headers as the API', async () => {
    const response = await download(letterPath(refs.complete, '.pdf'), officer)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${refs.complete}-response.pdf"`)
    expect(response.headers['cache-control']).toBe('no-store')
    expect((response.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('sends the Word document, by its address or ?format=docx', async () => {
    for (const path of [letterPath(refs.complete, '.docx'), letterPath(refs.complete, '?format=docx')]) {
      const response = await download(path, auditor)
      expect(response.status, path).toBe(200)
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${refs.complete}-response.docx"`)
      expect((response.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK')
    }
  })
})

describe('editing a letter', () => {
  it('edits the text, shows the letter as edited, and discards the edit, each form carrying the CSRF token', async () => {
    const form = await get(letterPath(refs.complete, '/edit'), officer)
    expect(form.status).toBe(200)
    expect(form.$('title').text()).toBe(`Edit the response letter for ${refs.complete} – Disclose`)
    expect(form.$('#edit-form').attr('action')).toBe(letterPath(refs.complete, '/edit'))
    expect(form.$('#edit-form input[name="_csrf"]').val()).toBe(officer.csrfToken)
    expect(squash(form.$('label[for="text"]').text())).toBe('Text of the letter')
    expect(squash(form.$('#format-help').text())).toContain('## for a section heading')
    const markup = String(form.$('textarea#text').val())
    expect(markup).toMatch(/^## Our response$/m)
    expect(form.$('#discard-form').length).toBe(0)

    const edited = markup.replace('This concludes our response', 'That concludes our response')
    const saved = await post(letterPath(refs.complete, '/edit'), officer, { _csrf: officer.csrfToken, text: edited })
    expect(saved.status).toBe(303)
    expect(saved.headers['location']).toBe(letterPath(refs.complete))

    const preview = await get(letterPath(refs.complete), officer)
    expect(squash(preview.$('#letter-edited').text())).toBe('! Warning This letter has been edited by an officer.')
    expect(squash(preview.$('#letter').text())).toContain('That concludes our response')
    expect(preview.$('#discard-form').attr('action')).toBe(letterPath(refs.complete, '/discard'))
    expect(preview.$('#discard-form input[name="_csrf"]').val()).toBe(officer.csrfToken)
    expect(squash(preview.$('#discard-edit').text())).toBe('Discard the edit')
    const timeline = await get(`/cases/${refs.complete}`, officer)
    expect(squash(timeline.$('#timeline').text())).toContain('Letter edited')

    const discarded = await post(letterPath(refs.complete, '/discard'), officer, { _csrf: officer.csrfToken })
    expect(discarded.status).toBe(303)
    const after = await get(letterPath(refs.complete), officer)
    expect(after.$('#letter-edited').length).toBe(0)
    expect(squash(after.$('#letter').text())).toContain('This concludes our response')
  })

  it('takes a letter far longer than the other forms’ limit', async () => {
    const form = await get(letterPath(refs.missingTest, '/edit'), officer)
    const markup = `${String(form.$('textarea#text').val())}\n\n${'A long paragraph of the letter. '.repeat(1500)}`
    expect(markup.length).toBeGreaterThan(40_000)
    const saved = await post(letterPath(refs.missingTest, '/edit'), officer, { _csrf: officer.csrfToken, text: markup })
    expect(saved.status).toBe(303)
    const discarded = await post(letterPath(refs.missingTest, '/discard'), officer, { _csrf: officer.csrfToken })
    expect(discarded.status).toBe(303)
  })

  it('shows the error summary pointing at the text for a javascript: link, keeping what was written', async () => {
    const text = '## Our response\n\nSee [our answer](javascript:alert(1)) for more.'
    const { status, $ } = await post(letterPath(refs.complete, '/edit'), officer, { _csrf: officer.csrfToken, text })
    expect(status).toBe(400)
    expect($('title').text()).toBe(`Error: Edit the response letter for ${refs.complete} – Disclose`)
    const links = $('.govuk-error-summary a').toArray()
    expect(links.map((link) => $(link).attr('href'))).toEqual(['#text'])
    expect(squash($(links[0]).text())).toMatch(/^Line 3: .*a link must start https:\/\/, http:\/\/ or mailto:$/)
    expect(squash($('#text-error').text())).toContain('Line 3:')
    expect($('textarea#text').val()).toBe(text)
    expect((await get(letterPath(refs.complete), officer)).$('#letter-edited').length).toBe(0)
  })

  it('refuses an empty letter with the error summary', async () => {
    const { status, $ } = await post(letterPath(refs.complete, '/edit'), officer, {
      _csrf: officer.csrfToken,
      text: '',
    })
    expect(status).toBe(400)
    expect(squash($('.govuk-error-summary a').text())).toContain('The letter is empty')
  })

  it('refuses a form sent without the CSRF token, and changes nothing', async () => {
    const { status, $ } = await post(letterPath(refs.complete, '/edit'), officer, { text: '## Our response\n\nHello.' })
    expect(status).toBe(403)
    expect(squash($('h1').text())).toBe('Sorry, this form could not be sent')
    const discard = await post(letterPath(refs.complete, '/discard'), officer, { _csrf: 'not-the-token' })
    expect(discard.status).toBe(403)
    expect((await get(letterPath(refs.complete), officer)).$('#letter-edited').length).toBe(0)
  })

  it('shows an auditor no edit button, and refuses them the form and its posts', async () => {
    const preview = await get(letterPath(refs.complete), auditor)
    expect(preview.status).toBe(200)
    expect(preview.$('#edit-letter').length).toBe(0)
    expect(preview.$('main form, main button').length).toBe(0)
    const casePage = await get(`/cases/${refs.complete}`, auditor)
    expect(casePage.$('#preview-letter').length).toBe(1)
    expect((await get(letterPath(refs.complete, '/edit'), auditor)).status).toBe(403)
    const edit = await post(letterPath(refs.complete, '/edit'), auditor, {
      _csrf: auditor.csrfToken,
      text: '## Our response\n\nHello.',
    })
    expect(edit.status).toBe(403)
    expect(squash(edit.$('h1').text())).toBe('You cannot change letters')
    const discard = await post(letterPath(refs.complete, '/discard'), auditor, { _csrf: auditor.csrfToken })
    expect(discard.status).toBe(403)
    expect((await get(letterPath(refs.complete), officer)).$('#letter-edited').length).toBe(0)
  })

  it('refuses to edit a letter that has been sent', async () => {
    const { status, $ } = await get(letterPath(SEED, '/edit'), demoOfficer)
    expect(status).toBe(409)
    expect(squash($('h1').text())).toBe('The response letter has been sent')
    const posted = await post(letterPath(SEED, '/edit'), demoOfficer, {
      _csrf: demoOfficer.csrfToken,
      text: '## Our response\n\nSomething else.',
    })
    expect(posted.status).toBe(409)
  })
})

describe('another organisation’s letters', () => {
  it('are not there: every page, download and form is page not found, and nothing changes', async () => {
    for (const path of [
      letterPath(refs.complete),
      letterPath(refs.complete, '.pdf'),
      letterPath(refs.complete, '/edit'),
    ]) {
      const { status, $ } = await get(path, elsewhere)
      expect(status, path).toBe(404)
      expect(squash($('h1').text())).toBe('Page not found')
    }
    const edit = await post(letterPath(refs.complete, '/edit'), elsewhere, {
      _csrf: elsewhere.csrfToken,
      text: '## Our response\n\nHello.',
    })
    expect(edit.status).toBe(404)
    const discard = await post(letterPath(refs.complete, '/discard'), elsewhere, { _csrf: elsewhere.csrfToken })
    expect(discard.status).toBe(404)
    expect((await get(letterPath(refs.complete), officer)).$('#letter-edited').length).toBe(0)
  })
})
