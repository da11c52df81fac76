import { describe, expect, it } from 'vitest'
import { commandLineActor } from '../src/services/actor.ts'
import { addOrganisation, TEST_PASSWORD } from '../src/web/staff/staff.test-support.ts'
import { CasePage } from './pages/case.page.ts'
import { LetterEditPage, LetterPage } from './pages/letter.page.ts'
import { SignInPage } from './pages/sign-in.page.ts'
import { checkPage } from './support/check-page.ts'
import { useBrowserSession } from './support/browser-session.ts'

/**
 * An officer finds what a refusal lacks on the case page, previews the response letter, edits it (a link the editor
 * refuses first), and throws the edit away. The officer and the case are added before the app serves.
 */
let reference = ''

const EMAIL = 'olive.officer@example.org'

const session = useBrowserSession({
  prepare: async ({ deps }) => {
    const organisation = await addOrganisation(deps, 'North Shire Council', {
      reviewProcedureUrl: 'https://north-shire.example.org/foi/review',
      complaintUrl: 'https://ico.org.uk/make-a-complaint/',
    })
    const added = await deps.users.addUser(commandLineActor(organisation.id), {
      email: EMAIL,
      displayName: 'Olive Officer',
      roles: ['officer'],
      password: TEST_PASSWORD,
    })
    if (!added.ok) throw new Error(JSON.stringify(added.error))
    // Part 2 is withheld under section 43(2), a qualified exemption, but no public interest test is recorded.
    const imported = await deps.cases.importCase(commandLineActor(organisation.id), {
      reference: 'IC-700101-E2E1',
      state: 'in-progress',
      regime: 'foia',
      receivedOn: '2024-10-01',
      requestText: 'Please send the contract for street cleaning and its unit prices.',
      requester: { name: 'Riley Requester', email: 'riley@example.net' },
      assignedOfficer: { email: EMAIL },
      parts: [
        { question: 'The contract', outcome: 'disclosed-in-full' },
        { question: 'The unit prices', outcome: 'withheld', exemptionIds: ['foia-s43-2'] },
      ],
      exemptionDecisions: [
        {
          exemptionId: 'foia-s43-2',
          prejudice: 'would-be-likely-to',
          reasons: 'Publishing the unit prices would let the supplier’s competitors undercut it.',
        },
      ],
    })
    if (!imported.ok) throw new Error(JSON.stringify(imported.error))
    reference = imported.value.case.reference
  },
})

describe('the refusal-notice check and the response letter', () => {
  it(
    'shows what is missing, previews the letter, refuses a bad edit, keeps a good one and discards it',
    {
      timeout: 180_000,
    },
    async () => {
      const context = await session.newContext()
      const page = await context.newPage()
      const signIn = new SignInPage(page, session.baseUrl())
      await signIn.open(`/cases/${reference}`)
      await signIn.fillIn(EMAIL, TEST_PASSWORD)
      await signIn.submit()

      const casePage = new CasePage(page)
      expect(await casePage.heading().innerText()).toBe(reference)
      expect(await casePage.checkErrors().allInnerTexts()).toEqual([
        expect.stringMatching(/^Part 2: Section 43\(2\) is qualified: record the public interest test/),
      ])
      expect(await casePage.checkWarnings().count()).toBe(0)
      await checkPage(casePage, 'letters-1-case-check')

      await casePage.previewLetter()
      const letter = new LetterPage(page)
      expect(await letter.heading().innerText()).toBe('Response letter')
      expect(await letter.sectionHeadings().allInnerTexts()).toEqual(['Request', 'Our response', 'Next steps'])
      expect(await letter.letterText().innerText()).toContain('Riley Requester')
      expect(await letter.editedNote().count()).toBe(0)
      const pdf = await context.request.get(`${session.baseUrl()}${await letter.pdfLink().getAttribute('href')}`)
      expect(pdf.headers()['content-type']).toBe('application/pdf')
      expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="${reference}-response.pdf"`)
      await checkPage(letter, 'letters-2-preview')

      await letter.edit()
      const edit = new LetterEditPage(page)
      await edit.openFormatHelp()
      expect(await edit.formatHelp().count()).toBe(4)
      const markup = await edit.text().inputValue()
      expect(markup).toMatch(/^## Our response$/m)
      await checkPage(edit, 'letters-3-edit')

      await edit.text().fill(`${markup}\n\nSee [our answer](javascript:alert(1)).`)
      await edit.save()
      expect(await edit.title()).toMatch(/^Error: Edit the response letter/)
      expect(await edit.errorSummaryLinks().allInnerTexts()).toEqual([
        expect.stringMatching(/a link must start https:\/\/, http:\/\/ or mailto:$/),
      ])
      await expect.poll(() => edit.errorSummaryHasFocus()).toBe(true)
      await checkPage(edit, 'letters-4-edit-refused')
      await edit.errorSummaryLinks().click()
      await expect.poll(() => edit.focusedElement()).toBe('#text')

      await edit.text().fill(markup.replace('This concludes our response', 'That concludes our response'))
      await edit.save()
      expect(new URL(page.url()).pathname).toBe(`/cases/${reference}/letters/response`)
      expect(await letter.editedNote().innerText()).toContain('This letter has been edited by an officer.')
      expect(await letter.letterText().innerText()).toContain('That concludes our response')
      await checkPage(letter, 'letters-5-edited')

      await letter.discardEdit()
      expect(await letter.editedNote().count()).toBe(0)
      expect(await letter.letterText().innerText()).toContain('This concludes our response')
    },
  )
})
