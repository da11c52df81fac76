import type { Locator } from 'playwright-core'
import { StaffPage } from './staff.page.ts'

/** A case's documents at `/cases/{reference}/documents`: the upload form, the jobs, the search and its results. */
export class DocumentsPage extends StaffPage {
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** Chooses files (name and text) in the file upload, with whose they are, and presses “Add documents”. */
  async addDocuments(custodian: string, files: readonly { name: string; mimeType: string; text: string }[]) {
    await this.page.getByLabel('Custodian (optional)').fill(custodian)
    await this.page
      .getByLabel('Files')
      .setInputFiles(
        files.map((file) => ({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.text) })),
      )
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.getByRole('button', { name: 'Add documents' }).click(),
    ])
  }

  filesAddedBanner(): Locator {
    return this.page.locator('#files-added')
  }

  /** The newest job's block. */
  latestJob(): Locator {
    return this.page.locator('#jobs .app-job').first()
  }

  /** The summary a finished job shows, put into the page by its script once the job has finished. */
  latestJobSummary(): Locator {
    return this.latestJob().locator('.app-job-summary')
  }

  async search(words: string): Promise<void> {
    await this.page.getByLabel('Words').fill(words)
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Search' }).click()])
  }

  /** The names in the results table, in order. */
  resultNames(): Locator {
    return this.page.locator('#documents-table tbody tr td:first-child > a')
  }

  /** The words a search matched, marked in the snippets. */
  marks(): Locator {
    return this.page.locator('#documents-table .app-snippet mark')
  }

  async openDocument(name: string): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => /\/documents\/[^/]+$/.test(url.pathname)),
      this.resultNames().filter({ hasText: name }).first().click(),
    ])
  }
}

/** One document at `/cases/{reference}/documents/{id}`. */
export class DocumentPage extends StaffPage {
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** The row of the findings table for the text found. */
  finding(text: string): Locator {
    return this.page.locator('#findings tbody tr').filter({ hasText: text })
  }

  async accept(text: string): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.finding(text)
        .getByRole('button', { name: `Accept ${text}` })
        .click(),
    ])
  }

  decidedBanner(): Locator {
    return this.page.locator('#decided')
  }
}
