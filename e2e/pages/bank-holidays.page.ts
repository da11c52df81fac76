import type { Locator, Page } from 'playwright-core'
import { BasePage } from './base.page.ts'

export type NationLabel = 'England and Wales' | 'Scotland' | 'Northern Ireland' | 'Every part of the UK (FOIA and EIR)'

/** The bank holidays page at `/bank-holidays`: the year and part of the UK, and the table of days. */
export class BankHolidaysPage extends BasePage {
  readonly baseUrl: string

  constructor(page: Page, baseUrl: string) {
    super(page)
    this.baseUrl = baseUrl
  }

  async open(path = '/bank-holidays'): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`)
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  async fillYear(year: string): Promise<void> {
    await this.page.getByLabel('Year').fill(year)
  }

  async chooseNation(label: NationLabel): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check()
  }

  async submit(): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => url.search !== ''),
      this.page.getByRole('button', { name: 'Show bank holidays' }).click(),
    ])
  }

  /** The table, found by its caption: "Bank holidays in Scotland in 2024". */
  table(caption: string): Locator {
    return this.page.getByRole('table', { name: caption })
  }

  /** The table's row for a date, found by its row header: "Monday 2 December 2024". */
  row(date: string): Locator {
    return this.page
      .locator('#bank-holidays tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: date }) })
  }

  rows(): Locator {
    return this.page.locator('#bank-holidays tbody tr')
  }
}
