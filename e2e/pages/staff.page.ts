import type { Locator } from 'playwright-core'
import { BasePage } from './base.page.ts'

/** What every page shows someone signed in: the staff navigation and the sign-out button. */
export class StaffPage extends BasePage {
  staffNavigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Staff' })
  }

  async signOut(): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => url.pathname === '/sign-in'),
      this.page.getByRole('button', { name: 'Sign out' }).click(),
    ])
  }
}
