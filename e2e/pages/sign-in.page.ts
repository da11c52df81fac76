import type { Locator, Page } from 'playwright-core'
import { BasePage } from './base.page.ts'

/** The sign-in page at `/sign-in`. */
export class SignInPage extends BasePage {
  readonly baseUrl: string

  constructor(page: Page, baseUrl: string) {
    super(page)
    this.baseUrl = baseUrl
  }

  async open(path = '/sign-in'): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`)
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  async fillIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email)
    await this.page.getByLabel('Password', { exact: true }).fill(password)
  }

  /** Presses “Sign in” and waits for the page it leads to (the form again, or where it went next). */
  async submit(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Sign in' }).click()])
  }

  errorSummaryLinks(): Locator {
    return this.page.locator('.govuk-error-summary').getByRole('link')
  }

  /** The green banner after signing out. */
  signedOutBanner(): Locator {
    return this.page.locator('#signed-out')
  }
}
