import type { Locator } from 'playwright-core'
import { StaffPage } from './staff.page.ts'

/** A case's page at `/cases/{reference}`. */
export class CasePage extends StaffPage {
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** The value beside a key in the case's summary: "Law", "Due" … */
  summaryValue(key: string): Locator {
    return this.page
      .locator('#case-summary .govuk-summary-list__row')
      .filter({ has: this.page.locator('.govuk-summary-list__key', { hasText: key }) })
      .locator('.govuk-summary-list__value')
  }

  clock(): Locator {
    return this.page.locator('#clock')
  }

  /** Opens “How the due date was worked out”. */
  async openDeadlineExplanation(): Promise<void> {
    await this.page.getByText('How the due date was worked out').click()
  }

  deadlineExplanation(): Locator {
    return this.page.locator('#deadline-explanation #explanation li')
  }

  requestText(): Locator {
    return this.page.locator('#request-text')
  }

  requester(): Locator {
    return this.page.locator('#requester')
  }

  timeline(): Locator {
    return this.page.locator('#timeline tbody tr')
  }

  /** The errors of the refusal-notice check, each as “Part 2: …”. */
  checkErrors(): Locator {
    return this.page.locator('#check-errors li')
  }

  checkWarnings(): Locator {
    return this.page.locator('#check-warnings .govuk-warning-text__text')
  }

  /** Follows “Preview the response letter” (or the review letter’s link). */
  async previewLetter(): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => /\/letters\/[a-z]+$/.test(url.pathname)),
      this.page.locator('#preview-letter').click(),
    ])
  }
}
