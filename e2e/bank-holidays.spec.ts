import { describe, expect, it } from 'vitest'
import { currentUkYear } from '../src/web/bank-holidays/bank-holidays.routes.ts'
import type { BasePage } from './pages/base.page.ts'
import { BankHolidaysPage } from './pages/bank-holidays.page.ts'
import { CalculatorPage } from './pages/calculator.page.ts'
import { serveWithoutScripts } from './support/no-javascript.ts'
import { useBrowserSession } from './support/browser-session.ts'

const session = useBrowserSession()

/** Every page visited passes axe's WCAG 2.2 AA rules, runs its scripts under the CSP, and gets a screenshot. */
const checkPage = async (page: BasePage, screenshot: string): Promise<void> => {
  expect(await page.accessibilityViolations()).toEqual([])
  expect(page.browserErrors).toEqual([])
  expect(await page.frontendStarted()).toBe(true)
  await page.screenshot(screenshot)
}

describe('the bank holidays page in a browser', () => {
  it('is reached from the calculator and shows St Andrew’s Day (substitute day) in Scotland in 2024', async () => {
    const context = await session.newContext()
    const calculator = new CalculatorPage(await context.newPage(), session.baseUrl())
    await calculator.open('/')
    await calculator.followBankHolidaysLink()

    const holidays = new BankHolidaysPage(calculator.page, session.baseUrl())
    expect(await holidays.heading().innerText()).toBe('Bank holidays')
    expect(await holidays.table(`Bank holidays anywhere in the UK in ${currentUkYear()}`).count()).toBe(1)
    await checkPage(holidays, 'bank-holidays-1-this-year')

    await holidays.fillYear('2024')
    await holidays.chooseNation('Scotland')
    await holidays.submit()

    expect(new URL(holidays.page.url()).search).toBe('?year=2024&nation=scotland')
    await expect.poll(() => holidays.title()).toBe('Bank holidays in Scotland in 2024 – Disclose')
    expect(await holidays.table('Bank holidays in Scotland in 2024').count()).toBe(1)
    const standrews = holidays.row('Monday 2 December 2024')
    expect(await standrews.getByRole('cell').allInnerTexts()).toEqual([
      'St Andrew’s Day (substitute day)',
      'Published by GOV.UK',
    ])
    expect(await holidays.rows().count()).toBe(9)
    await checkPage(holidays, 'bank-holidays-2-scotland-2024')
  })

  it('stacks each row of a long table on a phone without JavaScript, so nothing scrolls sideways', async () => {
    const context = await session.newContext({ viewport: { width: 375, height: 812 }, isMobile: true })
    await serveWithoutScripts(context)
    const holidays = new BankHolidaysPage(await context.newPage(), session.baseUrl())
    await holidays.open('/bank-holidays?year=2025&nation=united-kingdom')

    expect(await holidays.rows().count()).toBe(13)
    const boyne = holidays.row('Monday 14 July 2025')
    expect(await boyne.innerText()).toBe(
      [
        'Monday 14 July 2025',
        'Battle of the Boyne (Orangemen’s Day) (substitute day)',
        'Where: Northern Ireland',
        'Published by GOV.UK',
      ].join('\n'),
    )
    // Stacked: the holiday's name starts below its date, not beside it; the headings are still there to be read.
    const date = await boyne.getByRole('rowheader').boundingBox()
    const name = await boyne.getByRole('cell').first().boundingBox()
    expect(name?.y ?? 0).toBeGreaterThanOrEqual((date?.y ?? 0) + (date?.height ?? 0))
    expect(await holidays.page.getByRole('columnheader').allTextContents()).toEqual([
      'Date',
      'Holiday',
      'Where',
      'Source',
    ])
    expect(await holidays.scrollsSideways()).toBe(false)
    expect(await holidays.accessibilityViolations()).toEqual([])
    expect(holidays.browserErrors).toEqual([])
    await holidays.screenshot('bank-holidays-3-phone-every-part-of-the-uk')
  })
})
