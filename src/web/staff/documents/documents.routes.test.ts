import * as cheerio from 'cheerio'
import request from 'supertest'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { useTestApp } from '../../../../test/app.ts'
import { buildXlsx } from '../../../../test/fixtures/documents/office-files.ts'
import type { Organisation } from '../../../domain/case/organisation.ts'
import { addOrganisation, addSignedInStaff, logTestRequest, type SignedInStaff } from '../staff.test-support.ts'

// Each password hash or check is a deliberately slow scrypt, slower still on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

// The size limit is 1 MB here, so that a file over it is small enough to send in a test.
const testApp = useTestApp({ env: { DISCLOSE_MAX_UPLOAD_MB: '1', DISCLOSE_OCR: 'false' } })

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** A page as a signed-in browser gets it; the column names shown only on a phone are taken out of its tables. */
const get = async (path: string, who: Pick<SignedInStaff, 'cookie'>) => {
  const response = await request(testApp().app).get(path).set('Cookie', who.cookie)
  const $ = cheerio.load(response.text)
  $('.app-documents-table__label').remove()
  return { status: response.status, headers: response.headers, text: response.text, $ }
}

const post = async (path: string, who: Pick<SignedInStaff, 'cookie'>, form: Record<string, string>) => {
  const response = await request(testApp().app).post(path).set('Cookie', who.cookie).type('form').send(form)
  return { status: response.status, headers: response.headers, text: response.text, $: cheerio.load(response.text) }
}

interface FileToSend {
  readonly name: string
  readonly content: string | Buffer
}

/** The upload form as a browser sends it: `_csrf` first (unless left out or moved), the custodian, then the files. */
const upload = (
  reference: string,
  who: SignedInStaff,
  files: readonly FileToSend[],
  options: { csrf?: 'first' | 'none' | 'after-files'; custodian?: string } = {},
) => {
  let call = request(testApp().app).post(`/cases/${reference}/documents`).set('Cookie', who.cookie)
  const csrf = options.csrf ?? 'first'
  if (csrf === 'first') call = call.field('_csrf', who.csrfToken)
  call = call.field('custodian', options.custodian ?? '')
  for (const file of files) {
    call = call.attach('files', typeof file.content === 'string' ? Buffer.from(file.content) : file.content, file.name)
  }
  if (csrf === 'after-files') call = call.field('_csrf', who.csrfToken)
  return call
}

const NOTE = 'Please ring Sam Testperson about the bridge repairs: sam.testperson@example.com or 07700 900123.'
const EMAIL = [
  'From: Alex Colleague <alex.colleague@example.gov.uk>',
  'To: Sam Officer <sam.officer@example.gov.uk>',
  'Subject: Bridge repairs',
  'Date: Tue, 05 Mar 2024 10:30:00 +0000',
  'Message-ID: <bridge-1@example.gov.uk>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'The bridge inspection report is attached as promised.',
  '',
].join('\r\n')
const HOSTILE_NAME = '<img src=x onerror=alert(1)>.txt'

let organisation: Organisation
let officer: SignedInStaff
let blind: SignedInStaff
let auditor: SignedInStaff
let elsewhere: SignedInStaff
let reference: string
let otherCase: string
let jobId: string

const jobsOf = async (ref: string): Promise<number> => {
  const listed = await testApp().deps.documents.listJobs(officer.actor, ref)
  return listed.ok ? listed.value.length : -1
}

/** The id of the case's document with this name, read through the service. */
const documentNamed = async (name: string): Promise<string> => {
  const listed = await testApp().deps.documents.searchDocuments(officer.actor, reference)
  const found = listed.ok ? listed.value.find((hit) => hit.document.name === name) : undefined
  if (found === undefined) throw new Error(`no document named ${name}`)
  return found.document.id
}

beforeAll(async () => {
  const { deps } = testApp()
  organisation = await addOrganisation(deps, 'Bridge Council')
  officer = await addSignedInStaff(deps, organisation, ['officer'], 'Olive Officer')
  blind = await addSignedInStaff(deps, organisation, ['applicant-blind-officer'])
  auditor = await addSignedInStaff(deps, organisation, ['auditor'])
  elsewhere = await addSignedInStaff(deps, await addOrganisation(deps, 'Another Council'), ['officer'])
  reference = await logTestRequest(deps, organisation, {
    receivedOn: deps.clock.today(),
    requestText: 'All correspondence about the bridge repairs.',
  })
  otherCase = await logTestRequest(deps, organisation, { receivedOn: deps.clock.today(), requestText: 'Other.' })
}, 120_000)

describe('adding documents', () => {
  it('shows the case page’s Documents section with nothing added yet', async () => {
    const page = await get(`/cases/${reference}`, officer)
    expect(squash(page.$('#documents-count').text())).toBe('0 documents')
    expect(page.$('#documents-link').attr('href')).toBe(`/cases/${reference}/documents`)
  })

  it('refuses the form without its CSRF token, or with the token after the files, and keeps no file', async () => {
    const before = await jobsOf(reference)
    const without = await upload(reference, officer, [{ name: 'a.txt', content: 'x' }], { csrf: 'none' })
    expect(without.status).toBe(403)
    expect(squash(cheerio.load(without.text)('h1').text())).toBe('Sorry, this form could not be sent')
    const late = await upload(reference, officer, [{ name: 'a.txt', content: 'x' }], { csrf: 'after-files' })
    expect(late.status).toBe(403)
    expect(await jobsOf(reference)).toBe(before)
  })

  it('asks for a file when none was chosen', async () => {
    const response = await upload(reference, officer, [], { custodian: 'Sam Officer' })
    expect(response.status).toBe(400)
    const $ = cheerio.load(response.text)
    expect(squash($('.govuk-error-summary a').text())).toBe('Select at least one file to add')
    expect($('.govuk-error-summary a').attr('href')).toBe('#files')
    expect($('#custodian').val()).toBe('Sam Officer')
    expect($('title').text()).toMatch(/^Error: /)
  })

  it('streams the files in, shows the job until it is read, then what it found', async () => {
    const response = await upload(
      reference,
      officer,
      [
        { name: 'note.txt', content: NOTE },
        { name: 'copy-of-note.txt', content: NOTE },
        { name: 'bridge.eml', content: EMAIL },
        { name: '<script>alert(1)</script>.txt', content: 'A name that tried to be a script.' },
        { name: HOSTILE_NAME, content: 'A name that tried to be an image.' },
        { name: 'huge.txt', content: Buffer.alloc(1024 * 1024 + 1, 'x') },
        { name: 'staff.xlsx', content: Buffer.from(await buildXlsx()) },
      ],
      { custodian: 'Sam Officer' },
    )
    expect(response.status).toBe(303)
    const location = response.headers['location'] ?? ''
    const match = /^\/cases\/([^/]+)\/documents\?added=([^#]+)#job-(.+)$/.exec(location)
    expect(match?.[1]).toBe(reference)
    jobId = match?.[2] ?? ''
    expect(match?.[3]).toBe(jobId)

    const waiting = await get(location.split('#')[0] ?? '', officer)
    expect(squash(waiting.$('#files-added').text())).toContain('7 files added')
    const job = waiting.$(`#job-${jobId}`)
    expect(job.attr('data-job-poll')).toBeDefined()
    expect(squash(job.find('[data-job-status]').text())).toBe('Waiting to read 7 files')
    expect(job.find('progress').attr('max')).toBe('7')
    expect(job.find('progress').attr('value')).toBe('0')
    expect(job.find('[data-job-refresh] a').attr('href')).toBe(`/cases/${reference}/documents#job-${jobId}`)
    // The page's own script follows the job, carrying the response's nonce.
    const nonce = waiting.$('script[type="module"]').last().attr('nonce')
    expect(nonce).toBeDefined()
    expect(waiting.headers['content-security-policy']).toContain(`'nonce-${nonce}'`)

    await testApp().deps.jobs.runNow(jobId)
    const read = await get(`/cases/${reference}/documents`, officer)
    const finished = read.$(`#job-${jobId}`)
    expect(finished.attr('data-job-poll')).toBeUndefined()
    expect(squash(finished.find('.govuk-tag').text())).toBe('Finished')
    expect(squash(finished.find('.govuk-summary-list').text())).toContain('Exact duplicates 1')
    expect(squash(finished.find(`#job-${jobId}-findings`).text())).toContain('Email address:')
    const failures = finished.find(`#job-${jobId}-failures li`)
    expect(failures).toHaveLength(1)
    expect(squash(failures.text())).toMatch(/^huge\.txt: The file is larger than 1 MB/)
  })

  it('shows every name escaped, never as markup', async () => {
    const page = await get(`/cases/${reference}/documents?duplicates=show`, officer)
    expect(page.text).not.toContain('<img src=x')
    expect(page.text).not.toContain('<script>alert')
    const names = page
      .$('#documents-table tbody tr td:first-child > a')
      .map((_, link) => page.$(link).text())
      .get()
    expect(names).toContain(HOSTILE_NAME)
    // A slash ends a path: only the last part of a name is kept.
    expect(names).toContain('script>.txt')
    expect(page.$('#documents-table img')).toHaveLength(0)
  })

  it('counts the documents, failures and findings on the case page', async () => {
    const page = await get(`/cases/${reference}`, officer)
    expect(squash(page.$('#documents-count').text())).toBe('7 documents')
    expect(squash(page.$('#documents-failed').text())).toBe('1 file could not be read')
    expect(squash(page.$('#documents-to-review').text())).toMatch(/^\d+ findings of personal data to review$/)
  })
})

describe('the list and the search', () => {
  it('lists the documents with their flags, folding the exact duplicate under its original', async () => {
    const page = await get(`/cases/${reference}/documents`, officer)
    const row = (name: string) =>
      page.$('#documents-table tbody tr').filter((_, tr) => page.$(tr).find('td:first-child > a').text() === name)
    expect(row('copy-of-note.txt')).toHaveLength(0)
    expect(squash(row('note.txt').find('.app-folded').text())).toBe('copy-of-note.txt (exact duplicate, Sam Officer)')
    expect(squash(row('huge.txt').find('td').last().text())).toMatch(/Could not be read The file is larger than 1 MB/)
    expect(squash(row('staff.xlsx').find('td').last().text())).toContain('Hidden content')
    expect(squash(row('bridge.eml').find('td').eq(2).text())).toBe('5 March 2024')
    expect(squash(row('note.txt').find('td').eq(3).text())).toBe('Sam Officer')

    const shown = await get(`/cases/${reference}/documents?duplicates=show`, officer)
    const copy = shown
      .$('#documents-table tbody tr')
      .filter((_, tr) => shown.$(tr).find('td:first-child > a').text() === 'copy-of-note.txt')
    expect(squash(copy.find('td').last().text())).toBe('Exact duplicate of note.txt')
    expect(shown.$('#toggle-duplicates').attr('href')).toBe(`/cases/${reference}/documents#results`)
  })

  it('finds documents by their words, with each match marked in an escaped snippet', async () => {
    const page = await get(`/cases/${reference}/documents?q=bridge+repairs`, officer)
    expect(squash(page.$('#results-heading').text())).toBe('Documents found')
    const snippet = page.$('#documents-table .app-snippet').first()
    expect(
      snippet
        .find('mark')
        .map((_, mark) => page.$(mark).text().toLowerCase())
        .get(),
    ).toEqual(expect.arrayContaining(['bridge', 'repairs']))
    const names = page
      .$('#documents-table tbody tr td:first-child > a')
      .map((_, link) => page.$(link).text())
      .get()
    expect(names).toContain('note.txt')
    expect(names).not.toContain('huge.txt')
  })

  it('narrows by sender and dates, and says what is wrong with a date', async () => {
    const bySender = await get(
      `/cases/${reference}/documents?sender=alex&from-day=5&from-month=3&from-year=2024&to-day=5&to-month=3&to-year=2024`,
      officer,
    )
    const names = bySender
      .$('#documents-table tbody tr td:first-child > a')
      .map((_, a) => bySender.$(a).text())
      .get()
    expect(names).toEqual(['bridge.eml'])
    const bad = await get(`/cases/${reference}/documents?from-day=31&from-month=2&from-year=2024&to-day=1`, officer)
    expect(bad.status).toBe(200)
    expect(
      bad
        .$('.govuk-error-summary a')
        .map((_, a) => bad.$(a).text())
        .get(),
    ).toEqual([
      expect.stringMatching(/^The first date must be a real date/),
      'The last date must include a month and year',
    ])
    expect(bad.$('.govuk-error-summary a').first().attr('href')).toBe('#from-day')
    expect(bad.$('#from-day').hasClass('govuk-input--error')).toBe(true)
  })
})

describe('a document', () => {
  it('shows the hidden content of a spreadsheet where it cannot be missed', async () => {
    const page = await get(`/cases/${reference}/documents/${await documentNamed('staff.xlsx')}`, officer)
    expect(page.status).toBe(200)
    const banner = page.$('#hidden-content')
    expect(squash(banner.find('.govuk-notification-banner__heading').text())).toBe(
      'This spreadsheet has hidden content',
    )
    const items = banner
      .find('li')
      .map((_, li) => squash(page.$(li).text()))
      .get()
    expect(items).toEqual(expect.arrayContaining([expect.stringMatching(/^Sheet “Old list”, sheet: hidden sheet/)]))
    // The banner comes before the heading, so it is the first thing read.
    expect(page.text.indexOf('id="hidden-content"')).toBeLessThan(page.text.indexOf('<h1'))
  })

  it('shows an email’s headers, its text with the findings marked, and the findings to decide', async () => {
    const note = await get(`/cases/${reference}/documents/${await documentNamed('note.txt')}`, officer)
    const finding = note
      .$('#findings tbody tr')
      .filter((_, tr) => note.$(tr).find('td').eq(1).text().includes('sam.testperson@example.com'))
    expect(squash(finding.find('td').eq(0).text())).toBe('Email address')
    expect(squash(finding.find('.govuk-tag').text())).toBe('To review')
    expect(finding.find('button[value="accepted"]')).toHaveLength(1)
    expect(finding.find('input[name="_csrf"]').val()).toBe(officer.csrfToken)
    const id = (finding.attr('id') ?? '').replace(/^finding-/, '')
    expect(squash(note.$(`#text-finding-${id}`).text())).toBe('sam.testperson@example.com (email address, pending)')
    expect(squash(note.$('#document-text').text())).toContain('Please ring')

    const email = await get(`/cases/${reference}/documents/${await documentNamed('bridge.eml')}`, officer)
    expect(squash(email.$('#email-headers').text())).toContain('From Alex Colleague <alex.colleague@example.gov.uk>')
    expect(squash(email.$('#email-headers').text())).toContain('Subject Bridge repairs')
  })

  it('accepts a finding for the whole case, says where the decision came from, and undoes it', async () => {
    const documentId = await documentNamed('note.txt')
    const path = `/cases/${reference}/documents/${documentId}`
    const page = await get(path, officer)
    const row = page.$('#findings tbody tr').filter((_, tr) => page.$(tr).text().includes('sam.testperson@example.com'))
    const action = row.find('form').attr('action') ?? ''
    const findingId = (row.attr('id') ?? '').replace(/^finding-/, '')
    const accepted = await post(action, officer, { _csrf: officer.csrfToken, decision: 'accepted', reach: 'case' })
    expect(accepted.status).toBe(303)
    expect(accepted.headers['location']).toMatch(new RegExp(`^${path}\\?decided=\\d+#finding-${findingId}$`))
    const after = await get(accepted.headers['location']?.split('#')[0] ?? '', officer)
    expect(squash(after.$('#decided').text())).toMatch(/Decision applied to \d+ findings?/)
    const decided = after.$(`#finding-${findingId}`)
    expect(squash(decided.find('.govuk-tag').text())).toBe('Accepted')
    expect(squash(decided.find('td').eq(4).text())).toContain('Decided by Olive Officer')
    expect(decided.find('button[value="pending"]')).toHaveLength(1)
    expect(after.$(`#text-finding-${findingId}`).hasClass('app-finding--accepted')).toBe(true)
    const rule = await testApp().deps.documents.listFindings(officer.actor, reference, { status: 'accepted' })
    expect(rule.ok && rule.value.map((finding) => finding.id)).toContain(findingId)

    const undone = await post(action, officer, { _csrf: officer.csrfToken, decision: 'pending', reach: 'case' })
    expect(undone.status).toBe(303)
    const back = await get(path, officer)
    expect(squash(back.$(`#finding-${findingId} .govuk-tag`).text())).toBe('To review')
  })

  it('marks a document in scope', async () => {
    const documentId = await documentNamed('bridge.eml')
    const marked = await post(`/cases/${reference}/documents/${documentId}/scope`, officer, {
      _csrf: officer.csrfToken,
      scope: 'in-scope',
    })
    expect(marked.status).toBe(303)
    const page = await get(`/cases/${reference}/documents?scope=in-scope`, officer)
    const names = page
      .$('#documents-table tbody tr td:first-child > a')
      .map((_, a) => page.$(a).text())
      .get()
    expect(names).toEqual(['bridge.eml'])
  })
})

describe('who may see and change documents', () => {
  it('lets an auditor read documents but shows no forms and refuses every change', async () => {
    const documentId = await documentNamed('note.txt')
    const list = await get(`/cases/${reference}/documents`, auditor)
    expect(list.status).toBe(200)
    expect(list.$('#upload-form')).toHaveLength(0)
    expect(list.$('#documents-table tbody tr').length).toBeGreaterThan(0)
    const page = await get(`/cases/${reference}/documents/${documentId}`, auditor)
    expect(page.status).toBe(200)
    expect(page.$('#findings button')).toHaveLength(0)
    expect(page.$('#scope-form')).toHaveLength(0)
    const findings = await testApp().deps.documents.listFindings(officer.actor, reference)
    const findingId = findings.ok ? (findings.value.find((f) => f.documentId === documentId)?.id ?? '') : ''
    const decide = await post(`/cases/${reference}/documents/${documentId}/findings/${findingId}`, auditor, {
      _csrf: auditor.csrfToken,
      decision: 'rejected',
    })
    expect(decide.status).toBe(403)
    const before = await jobsOf(reference)
    const added = await upload(reference, auditor, [{ name: 'a.txt', content: 'x' }])
    expect(added.status).toBe(403)
    expect(await jobsOf(reference)).toBe(before)
  })

  it('shows documents to an applicant-blind officer, who may review them', async () => {
    const page = await get(`/cases/${reference}/documents`, blind)
    expect(page.status).toBe(200)
    expect(page.$('#upload-form')).toHaveLength(1)
    expect(page.$('#documents-table tbody tr').length).toBeGreaterThan(0)
  })

  it('answers 404 to another organisation, and to a document under another case’s address', async () => {
    const documentId = await documentNamed('note.txt')
    expect((await get(`/cases/${reference}/documents`, elsewhere)).status).toBe(404)
    const page = await get(`/cases/${reference}/documents/${documentId}`, elsewhere)
    expect(page.status).toBe(404)
    expect(page.text).not.toContain('sam.testperson')
    const before = await jobsOf(reference)
    const added = await upload(reference, elsewhere, [{ name: 'planted.txt', content: 'x' }])
    expect(added.status).toBe(404)
    expect(await jobsOf(reference)).toBe(before)
    expect((await get(`/cases/${otherCase}/documents/${documentId}`, officer)).status).toBe(404)
  })
})
