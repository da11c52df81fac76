import { describe, expect, it } from 'vitest'
import { commandLineActor } from '../src/services/actor.ts'
import { addOrganisation, logTestRequest, TEST_PASSWORD } from '../src/web/staff/staff.test-support.ts'
import { CasePage } from './pages/case.page.ts'
import { DocumentPage, DocumentsPage } from './pages/documents.page.ts'
import { SignInPage } from './pages/sign-in.page.ts'
import { checkPage } from './support/check-page.ts'
import { useBrowserSession } from './support/browser-session.ts'

/**
 * An officer adds two files to a case, watches the job read them (the page's script follows it through the API),
 * searches them, opens one and accepts the personal data found in it. The officer and the case are added before the
 * app serves; the test starts the job runner itself, as `npm start` does, once the files are added.
 */
let reference = ''

const EMAIL = 'olive.officer@example.org'
const FOUND = 'sam.testperson@example.com'

const NOTE = `Notes of the call about the bridge repairs. Sam Testperson asked to be kept informed at ${FOUND}.`
const MESSAGE = [
  'From: Alex Colleague <alex.colleague@example.gov.uk>',
  'To: Olive Officer <olive.officer@example.org>',
  'Subject: Bridge repairs',
  'Date: Tue, 05 Mar 2024 10:30:00 +0000',
  'Message-ID: <bridge-e2e@example.gov.uk>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'The inspection of the bridge found the repairs are on schedule.',
  '',
].join('\r\n')

const session = useBrowserSession({
  env: { DISCLOSE_OCR: 'false' },
  prepare: async ({ deps }) => {
    const organisation = await addOrganisation(deps, 'North Shire Council')
    const added = await deps.users.addUser(commandLineActor(organisation.id), {
      email: EMAIL,
      displayName: 'Olive Officer',
      roles: ['officer'],
      password: TEST_PASSWORD,
    })
    if (!added.ok) throw new Error(JSON.stringify(added.error))
    reference = await logTestRequest(deps, organisation, {
      receivedOn: deps.clock.today(),
      requestText: 'All correspondence about the bridge repairs.',
    })
  },
})

describe('documents', () => {
  it('adds two files, follows the job, searches them and accepts a finding', { timeout: 180_000 }, async () => {
    const context = await session.newContext()
    const page = await context.newPage()
    const signIn = new SignInPage(page, session.baseUrl())
    await signIn.open(`/cases/${reference}`)
    await signIn.fillIn(EMAIL, TEST_PASSWORD)
    await signIn.submit()

    const casePage = new CasePage(page)
    expect(await page.locator('#documents-count').innerText()).toBe('0 documents')
    await checkPage(casePage, 'documents-1-case')
    await Promise.all([page.waitForURL(/\/documents$/), page.locator('#documents-link').click()])

    const documents = new DocumentsPage(page)
    expect(await documents.heading().innerText()).toBe('Documents')
    await checkPage(documents, 'documents-2-empty')
    await documents.addDocuments('Olive Officer', [
      { name: 'call-notes.txt', mimeType: 'text/plain', text: NOTE },
      { name: 'bridge.eml', mimeType: 'message/rfc822', text: MESSAGE },
    ])
    expect(await documents.filesAddedBanner().innerText()).toContain('2 files added')
    expect(await documents.latestJob().locator('[data-job-status]').innerText()).toBe('Waiting to read 2 files')
    await checkPage(documents, 'documents-3-waiting')
    // Only now does the runner start, as `npm start` would: the page's script follows the job through the API and
    // puts its summary in when it has finished, without the page being loaded again.
    await page.evaluate(() => document.body.setAttribute('data-loaded-once', 'yes'))
    await session.testApp().deps.jobs.start()
    await documents.latestJobSummary().waitFor({ state: 'visible', timeout: 60_000 })
    expect(await page.locator('body').getAttribute('data-loaded-once')).toBe('yes')
    expect(await documents.latestJob().locator('.govuk-tag').innerText()).toBe('Finished')
    expect(await documents.latestJobSummary().innerText()).toMatch(/Documents read\s+2/)
    expect(await documents.resultNames().allInnerTexts()).toEqual(['call-notes.txt', 'bridge.eml'])
    await checkPage(documents, 'documents-4-read')

    await documents.search('bridge repairs')
    expect((await documents.resultNames().allInnerTexts()).sort()).toEqual(['bridge.eml', 'call-notes.txt'])
    expect((await documents.marks().allInnerTexts()).map((word) => word.toLowerCase())).toContain('bridge')
    await checkPage(documents, 'documents-5-search')
    // On a phone the results stack a document to a block rather than make the reader scroll sideways.
    await page.setViewportSize({ width: 375, height: 800 })
    expect(await documents.scrollsSideways()).toBe(false)
    await documents.screenshot('documents-5-search-phone')
    await page.setViewportSize({ width: 1280, height: 720 })

    await documents.openDocument('call-notes.txt')
    const documentPage = new DocumentPage(page)
    expect(await documentPage.heading().innerText()).toBe('call-notes.txt')
    expect(await documentPage.finding(FOUND).locator('.govuk-tag').innerText()).toBe('To review')
    await checkPage(documentPage, 'documents-6-document')

    await documentPage.accept(FOUND)
    expect(await documentPage.decidedBanner().innerText()).toContain('Decision applied to 1 finding')
    expect(await documentPage.finding(FOUND).locator('.govuk-tag').innerText()).toBe('Accepted')
    expect(await documentPage.finding(FOUND).innerText()).toContain('Decided by Olive Officer')
    await checkPage(documentPage, 'documents-7-accepted')
    await page.setViewportSize({ width: 375, height: 800 })
    expect(await documentPage.scrollsSideways()).toBe(false)
  })
})
