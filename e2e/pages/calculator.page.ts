import type { Locator, Page } from 'playwright-core'
import { BasePage } from './base.page.ts'

export type RegimeLabel =
  | 'Freedom of Information Act 2000 (FOIA)'
  | 'Environmental Information Regulations 2004 (EIR)'
  | 'Freedom of Information (Scotland) Act 2002 (FOISA)'
  | 'Subject access request (UK GDPR)'

export type ClockLabel =
  | 'Response to a request'
  | 'Last day to ask for a review'
  | 'Response to a review'
  | 'Last day to apply to the Scottish Information Commissioner'

export interface TypedDate {
  readonly day: string
  readonly month: string
  readonly year: string
}

/** The deadline calculator at `/`: the form, and the result or the errors it shows. */
export class CalculatorPage extends BasePage {
  readonly baseUrl: string

  constructor(page: Page, baseUrl: string) {
    super(page)
    this.baseUrl = baseUrl
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`)
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** Follows the link near the top of the page to the bank holidays Disclose counts. */
  async followBankHolidaysLink(): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => url.pathname === '/bank-holidays'),
      this.page.getByRole('link', { name: 'See the bank holidays Disclose counts' }).click(),
    ])
  }

  async chooseRegime(label: RegimeLabel): Promise<void> {
    await this.page.getByLabel(label).check()
  }

  /** Chooses which deadline to work out, at the top of the form. */
  async chooseClock(label: ClockLabel): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check()
  }

  checkedClock(): Promise<string | null> {
    return this.page.locator('input[name="clock"]:checked').getAttribute('value')
  }

  /** Ticks “The review is complex or voluminous”, inside the review's conditional reveal. */
  async markReviewComplex(): Promise<void> {
    await this.page.getByLabel('The review is complex or voluminous').check()
  }

  /** Whether a date input can be seen: those for deadlines not chosen are hidden while JavaScript runs. */
  dateIsShown(id: string): Promise<boolean> {
    return this.page.locator(`#${id}-day`).isVisible()
  }

  /**
   * Fills a date input by its id prefix: `received`, `responded`, `review-received`, `review-outcome`,
   * `clarification-requested`, `clarified`, `fee-notice`, `fee-paid`, `identity-verified`, `extended-to`,
   * `closure-1-from` … `closure-3-to`.
   */
  async fillDate(id: string, date: TypedDate): Promise<void> {
    await this.page.locator(`#${id}-day`).fill(date.day)
    await this.page.locator(`#${id}-month`).fill(date.month)
    await this.page.locator(`#${id}-year`).fill(date.year)
  }

  async typedDate(id: string): Promise<TypedDate> {
    return {
      day: await this.page.locator(`#${id}-day`).inputValue(),
      month: await this.page.locator(`#${id}-month`).inputValue(),
      year: await this.page.locator(`#${id}-year`).inputValue(),
    }
  }

  checkedRegime(): Promise<string | null> {
    return this.page.locator('input[name="regime"]:checked').getAttribute('value')
  }

  async submit(): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => url.search !== ''),
      this.page.getByRole('button', { name: 'Work out the deadline' }).click(),
    ])
  }

  /** The heading of the result: "Due by Monday 9 December 2024". */
  resultHeading(): Locator {
    return this.page.locator('.govuk-panel__title, #result-heading')
  }

  resultSummary(): Locator {
    return this.page.locator('#result-summary')
  }

  skippedDays(): Locator {
    return this.page.locator('#skipped-days tbody tr')
  }

  errorSummary(): Locator {
    return this.page.locator('.govuk-error-summary')
  }

  errorSummaryLinks(): Locator {
    return this.errorSummary().getByRole('link')
  }

  /** The error message shown on a field, by the field's id. */
  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-error`)
  }

  errorSummaryHasFocus(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary') === true)
  }
}
