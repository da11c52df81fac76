import type { Locator } from 'playwright-core'
import { StaffPage } from './staff.page.ts'

export type CaseListLabel = 'My open cases' | 'Due in the next 5 working days' | 'All open cases'

/** The cases list at `/cases`: the lists to switch between, the law filter and the table. */
export class CasesPage extends StaffPage {
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  async showList(label: CaseListLabel): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => url.search.includes('show=')),
      this.page.getByRole('navigation', { name: 'Which cases' }).getByRole('link', { name: label }).click(),
    ])
  }

  currentList(): Locator {
    return this.page.getByRole('navigation', { name: 'Which cases' }).locator('a[aria-current="page"]')
  }

  /** The table's row for a case, found by its reference in the row header. */
  row(reference: string): Locator {
    return this.page.locator('#cases tbody tr').filter({ has: this.page.getByRole('rowheader', { name: reference }) })
  }

  references(): Promise<string[]> {
    return this.page.locator('#cases tbody tr th').allInnerTexts()
  }

  async openCase(reference: string): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => url.pathname === `/cases/${reference}`),
      this.page.getByRole('link', { name: reference, exact: true }).click(),
    ])
  }
}
