import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CalculatorPage } from './pages/calculator.page.ts'
import { serveWithoutScripts } from './support/no-javascript.ts'
import { useBrowserSession } from './support/browser-session.ts'

const session = useBrowserSession()

const openCalculator = async (options: { width?: number; javaScript?: boolean } = {}): Promise<CalculatorPage> => {
  const context = await session.newContext(
    options.width === undefined ? {} : { viewport: { width: options.width, height: 812 }, isMobile: true },
  )
  if (options.javaScript === false) await serveWithoutScripts(context)
  const page: Page = await context.newPage()
  return new CalculatorPage(page, session.baseUrl())
}

/** Every page visited passes axe's WCAG 2.2 AA rules, runs its scripts under the CSP, and gets a screenshot. */
const checkPage = async (calculator: CalculatorPage, screenshot: string): Promise<void> => {
  expect(await calculator.accessibilityViolations()).toEqual([])
  expect(calculator.browserErrors).toEqual([])
  expect(await calculator.frontendStarted()).toBe(true)
  await calculator.screenshot(screenshot)
}

describe('the deadline calculator in a browser', () => {
  it('works out a FOIA deadline that skips a Scottish bank holiday, at an address that can be bookmarked', async () => {
    const calculator = await openCalculator()
    await calculator.open('/')
    await expect.poll(() => calculator.title()).toBe('Work out a deadline – Disclose')
    await checkPage(calculator, 'foia-1-empty-form')

    await calculator.chooseRegime('Freedom of Information Act 2000 (FOIA)')
    await calculator.fillDate('received', { day: '8', month: '11', year: '2024' })
    await calculator.submit()

    await expect.poll(() => calculator.resultHeading().innerText()).toBe('Due by Monday 9 December 2024')
    expect(await calculator.skippedDays().allInnerTexts()).toEqual([
      expect.stringContaining('St Andrew’s Day (substitute day), Scotland'),
    ])
    expect(await calculator.skippedDays().first().innerText()).toContain('Monday 2 December 2024')
    expect(calculator.page.url()).toContain('regime=foia')
    await checkPage(calculator, 'foia-2-result')

    const bookmarked = calculator.page.url()
    const again = new CalculatorPage(await calculator.page.context().newPage(), session.baseUrl())
    await again.page.goto(bookmarked)
    expect(await again.resultHeading().innerText()).toBe('Due by Monday 9 December 2024')
    expect(await again.checkedRegime()).toBe('foia')
  })

  it('shows the error summary for 30 February, links each error to its field and keeps what was typed', async () => {
    const calculator = await openCalculator()
    await calculator.open('/')
    await calculator.chooseRegime('Freedom of Information Act 2000 (FOIA)')
    await calculator.fillDate('received', { day: '30', month: '2', year: '2024' })
    await calculator.submit()

    await expect.poll(() => calculator.title()).toBe('Error: Work out a deadline – Disclose')
    expect(await calculator.errorSummaryLinks().allInnerTexts()).toEqual([
      'Date of receipt must be a real date (February 2024 has 29 days)',
    ])
    expect(await calculator.fieldError('received').innerText()).toContain(
      'Date of receipt must be a real date (February 2024 has 29 days)',
    )
    await expect.poll(() => calculator.errorSummaryHasFocus()).toBe(true)
    expect(await calculator.typedDate('received')).toEqual({ day: '30', month: '2', year: '2024' })
    expect(await calculator.checkedRegime()).toBe('foia')
    await checkPage(calculator, 'error-1-summary')

    await calculator.errorSummaryLinks().first().click()
    await expect.poll(() => calculator.focusedElement()).toBe('#received-day')
    await calculator.screenshot('error-2-link-followed')

    await calculator.fillDate('received', { day: '29', month: '2', year: '2024' })
    await calculator.submit()
    // 20 working days that pass St Patrick’s Day (substitute, Northern Ireland), Good Friday and Easter Monday.
    await expect.poll(() => calculator.resultHeading().innerText()).toBe('Due by Tuesday 2 April 2024')
    expect(await calculator.errorSummary().count()).toBe(0)
    await checkPage(calculator, 'error-3-corrected')
  })

  it('can be used with the keyboard alone, clock events and a public interest extension included', async () => {
    const calculator = await openCalculator()
    const keyboard = calculator.page.keyboard
    await calculator.open('/')

    await keyboard.press('Tab')
    expect(await calculator.focusedElement()).toBe('a: Skip to main content')
    await keyboard.press('Enter')
    await expect.poll(() => calculator.focusedElement()).toBe('#main-content')

    // The response is the deadline chosen at first, and its date is the first thing to type; the law comes next.
    await calculator.tabTo('#received-day')
    expect(await calculator.checkedClock()).toBe('response')
    await keyboard.type('1')
    await keyboard.press('Tab')
    await keyboard.type('10')
    await keyboard.press('Tab')
    await keyboard.type('2024')
    expect(await calculator.typedDate('received')).toEqual({ day: '1', month: '10', year: '2024' })

    await calculator.tabTo('#regime')
    await keyboard.press('Space')
    expect(await calculator.checkedRegime()).toBe('foia')

    await calculator.tabTo('summary: Clock events and extensions (optional)')
    await keyboard.press('Enter')
    await calculator.tabTo('#extension')
    for (let step = 0; step < 3; step += 1) await keyboard.press('ArrowDown')
    expect(await calculator.page.locator('#extension-4').isChecked()).toBe(true)
    await calculator.tabTo('#extended-to-day')
    await keyboard.type('26')
    await keyboard.press('Tab')
    await keyboard.type('11')
    await keyboard.press('Tab')
    await keyboard.type('2024')
    await calculator.screenshot('keyboard-1-filled')

    await calculator.tabTo('button: Work out the deadline')
    await Promise.all([calculator.page.waitForURL(/regime=foia/), keyboard.press('Enter')])

    await expect.poll(() => calculator.resultHeading().innerText()).toBe('Due by Tuesday 26 November 2024')
    const summary = await calculator.resultSummary().innerText()
    expect(summary).toMatch(/Refusal notice due by\s+Tuesday 29 October 2024/)
    await checkPage(calculator, 'keyboard-2-result')
  })

  it('works out when a review is due, after refusing one for subject access, which has none', async () => {
    const calculator = await openCalculator()
    await calculator.open('/')
    expect(await calculator.dateIsShown('received')).toBe(true)
    expect(await calculator.dateIsShown('review-received')).toBe(false)

    await calculator.chooseClock('Response to a review')
    expect(await calculator.dateIsShown('review-received')).toBe(true)
    expect(await calculator.dateIsShown('received')).toBe(false)
    await calculator.fillDate('review-received', { day: '4', month: '12', year: '2024' })
    await calculator.chooseRegime('Subject access request (UK GDPR)')
    await calculator.submit()

    await expect.poll(() => calculator.title()).toBe('Error: Work out a deadline – Disclose')
    expect(await calculator.errorSummaryLinks().allInnerTexts()).toEqual([
      'Subject access has no statutory internal review: the requester may complain to the ICO',
    ])
    await expect.poll(() => calculator.errorSummaryHasFocus()).toBe(true)
    expect(await calculator.checkedClock()).toBe('review')
    expect(await calculator.dateIsShown('review-received')).toBe(true)
    expect(await calculator.typedDate('review-received')).toEqual({ day: '4', month: '12', year: '2024' })
    await checkPage(calculator, 'review-1-subject-access-refused')

    await calculator.errorSummaryLinks().first().click()
    await expect.poll(() => calculator.focusedElement()).toBe('#regime')
    await calculator.chooseRegime('Freedom of Information Act 2000 (FOIA)')
    await calculator.markReviewComplex()
    await calculator.submit()

    await expect.poll(() => calculator.resultHeading().innerText()).toBe('Review due by Tuesday 4 February 2025')
    expect(await calculator.resultSummary().innerText()).toMatch(/Time limit\s+40 working days/)
    expect(calculator.page.url()).toMatch(/clock=review&/)
    expect(calculator.page.url()).toContain('complex-review=yes')
    await checkPage(calculator, 'review-2-complex-foia-review')

    const again = new CalculatorPage(await calculator.page.context().newPage(), session.baseUrl())
    await again.page.goto(calculator.page.url())
    expect(await again.resultHeading().innerText()).toBe('Review due by Tuesday 4 February 2025')
    expect(await again.checkedClock()).toBe('review')
  })

  it('works without JavaScript on a phone: the last day to apply to the Scottish Information Commissioner', async () => {
    const calculator = await openCalculator({ width: 375, javaScript: false })
    await calculator.open('/')
    // With no script to hide them, every deadline's date is shown under its own choice.
    for (const id of ['received', 'responded', 'review-received', 'review-outcome']) {
      expect(await calculator.dateIsShown(id)).toBe(true)
    }
    expect(await calculator.accessibilityViolations()).toEqual([])
    await calculator.screenshot('no-javascript-1-form')

    await calculator.chooseClock('Last day to apply to the Scottish Information Commissioner')
    await calculator.fillDate('review-outcome', { day: '15', month: '1', year: '2025' })
    await calculator.chooseRegime('Freedom of Information (Scotland) Act 2002 (FOISA)')
    await calculator.submit()

    expect(await calculator.resultHeading().innerText()).toBe('Apply by Tuesday 15 July 2025')
    expect(await calculator.page.locator('script').count()).toBe(0)
    expect(await calculator.scrollsSideways()).toBe(false)
    expect(await calculator.accessibilityViolations()).toEqual([])
    expect(calculator.browserErrors).toEqual([])
    expect(await calculator.frontendStarted()).toBe(false)
    await calculator.screenshot('no-javascript-2-result')
  })

  it('fits a phone’s width without scrolling sideways', async () => {
    const calculator = await openCalculator({ width: 375 })
    await calculator.open('/?regime=foia&received-day=8&received-month=11&received-year=2024')
    expect(await calculator.resultHeading().innerText()).toBe('Due by Monday 9 December 2024')
    expect(await calculator.scrollsSideways()).toBe(false)
    await checkPage(calculator, 'phone-result')
  })

  it('shows a page not found for an unknown address', async () => {
    const calculator = await openCalculator()
    await calculator.open('/no-such-page')
    expect(await calculator.heading().innerText()).toBe('Page not found')
    await checkPage(calculator, 'not-found')
  })

  it('has an accessibility check that would catch a field without a label', async () => {
    const calculator = await openCalculator()
    await calculator.open('/')
    await calculator.page.locator('label[for="received-day"]').evaluate((label) => label.remove())
    expect((await calculator.accessibilityViolations()).map((violation) => violation.rule)).toContain('label')
  })
})
