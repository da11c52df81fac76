import type { Locator } from 'playwright-core'
import { StaffPage } from './staff.page.ts'

/** A letter previewed at `/cases/{reference}/letters/{kind}`. */
export class LetterPage extends StaffPage {
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** The letter's own section headings, in order. */
  sectionHeadings(): Locator {
    return this.page.locator('#letter h2')
  }

  letterText(): Locator {
    return this.page.locator('#letter')
  }

  /** “This letter has been edited by an officer.”, when it has. */
  editedNote(): Locator {
    return this.page.locator('#letter-edited')
  }

  pdfLink(): Locator {
    return this.page.locator('#download-pdf')
  }

  async edit(): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => url.pathname.endsWith('/edit')),
      this.page.getByRole('button', { name: 'Edit the letter' }).click(),
    ])
  }

  async discardEdit(): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.getByRole('button', { name: 'Discard the edit' }).click(),
    ])
  }
}

/** The form that edits a letter's text, at `/cases/{reference}/letters/{kind}/edit`. */
export class LetterEditPage extends StaffPage {
  text(): Locator {
    return this.page.getByLabel('Text of the letter')
  }

  async openFormatHelp(): Promise<void> {
    await this.page.getByText('How to format the letter').click()
  }

  formatHelp(): Locator {
    return this.page.locator('#format-help li')
  }

  /** Presses “Save the letter” and waits for the page it leads to (the form again, or the letter). */
  async save(): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.getByRole('button', { name: 'Save the letter' }).click(),
    ])
  }

  errorSummaryLinks(): Locator {
    return this.page.locator('.govuk-error-summary').getByRole('link')
  }

  /** Whether govuk-frontend moved the focus to the error summary, as it does when the page loads with one. */
  errorSummaryHasFocus(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary') === true)
  }
}
