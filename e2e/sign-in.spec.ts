import { describe, expect, it } from 'vitest'
import { dayNumberOfIso, toIsoDate } from '../src/domain/calendar/calendar-date.ts'
import { commandLineActor } from '../src/services/actor.ts'
import { addOrganisation, logTestRequest, TEST_PASSWORD } from '../src/web/staff/staff.test-support.ts'
import { CasePage } from './pages/case.page.ts'
import { CasesPage } from './pages/cases.page.ts'
import { SignInPage } from './pages/sign-in.page.ts'
import { checkPage } from './support/check-page.ts'
import { useBrowserSession } from './support/browser-session.ts'

/**
 * An officer signs in, sees the cases list, opens a case and signs out. The officer and a case are added through
 * the app's services before it serves.
 */
let reference = ''

const EMAIL = 'olive.officer@example.org'

const session = useBrowserSession({
  prepare: async ({ deps }) => {
    const organisation = await addOrganisation(deps, 'North Shire Council')
    const added = await deps.users.addUser(commandLineActor(organisation.id), {
      email: EMAIL,
      displayName: 'Olive Officer',
      roles: ['officer'],
      password: TEST_PASSWORD,
    })
    if (!added.ok) throw new Error(JSON.stringify(added.error))
    const weekAgo = toIsoDate(dayNumberOfIso(deps.clock.today()) - 7)
    reference = await logTestRequest(deps, organisation, {
      receivedOn: weekAgo,
      channel: 'email',
      requestText: 'Please send the gritting routes for this winter.\nA map is fine.',
      requester: { name: 'Riley Requester', email: 'riley@example.net' },
      assignedOfficer: { email: EMAIL },
      parts: [{ question: 'The gritting routes', outcome: null }],
    })
  },
})

const newPage = async () => {
  const context = await session.newContext()
  return context.newPage()
}

describe('signing in to work on cases', () => {
  it('signs in, sees the cases list, opens a case and signs out', { timeout: 180_000 }, async () => {
    const page = await newPage()
    const signIn = new SignInPage(page, session.baseUrl())

    // A staff page sends the public to sign in, and brings them back there afterwards.
    await signIn.open('/cases?show=all-open')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    await expect.poll(() => signIn.title()).toBe('Sign in – Disclose')
    await checkPage(signIn, 'sign-in-1-form')

    await signIn.fillIn(EMAIL, 'not the password')
    await signIn.submit()
    await expect.poll(() => signIn.title()).toBe('Error: Sign in – Disclose')
    expect(await signIn.errorSummaryLinks().allInnerTexts()).toEqual(['Enter a correct email address and password'])
    await checkPage(signIn, 'sign-in-2-wrong-password')

    await signIn.fillIn(EMAIL, TEST_PASSWORD)
    await signIn.submit()
    const cases = new CasesPage(page)
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/cases?show=all-open')
    expect(await cases.heading().innerText()).toBe('Cases')
    expect(await cases.currentList().innerText()).toBe('All open cases')
    expect(await cases.references()).toEqual([reference])
    const cells = await cases.row(reference).getByRole('cell').allInnerTexts()
    expect(cells[0]).toBe('FOIA')
    expect(cells[3]).toMatch(/^\d+ working days? left$/)
    expect(cells[4]).toBe('Received')
    await checkPage(cases, 'sign-in-3-all-open-cases')

    await cases.showList('My open cases')
    expect(await cases.currentList().innerText()).toBe('My open cases')
    expect(await cases.references()).toEqual([reference])
    await checkPage(cases, 'sign-in-4-my-open-cases')

    await cases.openCase(reference)
    const casePage = new CasePage(page)
    expect(await casePage.heading().innerText()).toBe(reference)
    expect(await casePage.summaryValue('Assigned officer').innerText()).toBe('Olive Officer')
    expect(await casePage.clock().innerText()).toMatch(/^\d+ working days? left$/)
    expect(await casePage.requestText().innerText()).toBe(
      'Please send the gritting routes for this winter.\nA map is fine.',
    )
    expect(await casePage.requester().innerText()).toContain('Riley Requester')
    await casePage.openDeadlineExplanation()
    expect(await casePage.deadlineExplanation().count()).toBeGreaterThan(1)
    expect(await casePage.timeline().count()).toBe(1)
    await checkPage(casePage, 'sign-in-5-case')

    await casePage.signOut()
    const signedOut = new SignInPage(page, session.baseUrl())
    expect(await signedOut.signedOutBanner().innerText()).toContain('You have signed out')
    await checkPage(signedOut, 'sign-in-6-signed-out')

    // The session is over: the case is behind sign-in again.
    await page.goto(`${session.baseUrl()}/cases/${reference}`)
    expect(new URL(page.url()).pathname).toBe('/sign-in')
  })
})
