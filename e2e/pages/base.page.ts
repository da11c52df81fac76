import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

type NodeResult = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]['nodes'][number]

/** Where screenshots go: `e2e/results/`, which git ignores. */
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'results')

/** The WCAG 2.2 AA rules, as axe tags them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

const isConditionalRevealRadio = (node: NodeResult): boolean =>
  /^<input class="govuk-radios__input"[^>]* aria-controls="conditional-/.test(node.html) &&
  [...node.any, ...node.all, ...node.none].every((check) =>
    /^ARIA attribute is not allowed: aria-expanded="(true|false)"$/.test(check.message),
  )

/** One accessibility failure, short enough to read in a test report. */
export interface Violation {
  readonly rule: string
  readonly impact: string
  readonly help: string
  readonly targets: readonly string[]
}

/**
 * What every page object can do: check the page against WCAG 2.2 AA, save a screenshot, and report the browser
 * errors the page caused (a script the content security policy blocked shows up here).
 */
export class BasePage {
  readonly page: Page
  readonly browserErrors: string[] = []

  constructor(page: Page) {
    this.page = page
    page.on('console', (message) => {
      // A page answered with 400 or 404 is logged as "Failed to load resource"; failed assets are caught below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.browserErrors.push(message.text())
      }
    })
    page.on('pageerror', (error) => this.browserErrors.push(error.message))
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'document' && response.status() >= 400) {
        this.browserErrors.push(`${response.status()} ${new URL(response.url()).pathname}`)
      }
    })
    page.on('requestfailed', (request) => this.browserErrors.push(`failed ${new URL(request.url()).pathname}`))
  }

  /**
   * Every WCAG 2.2 AA failure axe finds, bar one that GOV.UK Frontend makes on purpose: a radio that reveals a
   * conditional question carries `aria-expanded`, which ARIA does not allow on a radio but screen readers announce
   * (alphagov/govuk-frontend#979). Only that attribute on those radios is let through.
   */
  async accessibilityViolations(): Promise<Violation[]> {
    const results = await new AxeBuilder({ page: this.page }).withTags(WCAG_TAGS).analyze()
    return results.violations
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        targets: violation.nodes
          .filter((node) => !(violation.id === 'aria-allowed-attr' && isConditionalRevealRadio(node)))
          .map((node) => node.target.join(' ')),
      }))
      .filter((violation) => violation.targets.length > 0)
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(RESULTS_DIR, { recursive: true })
    const path = join(RESULTS_DIR, `${name}.png`)
    await this.page.screenshot({ path, fullPage: true })
    return path
  }

  title(): Promise<string> {
    return this.page.title()
  }

  /** The focused element: `#id`, or its tag and text when it has no id (`a: Skip to main content`). */
  focusedElement(): Promise<string> {
    return this.page.evaluate(() => {
      const active = document.activeElement
      if (active === null) return ''
      if (active.id !== '') return `#${active.id}`
      return `${active.tagName.toLowerCase()}: ${(active.textContent ?? '').replace(/\s+/g, ' ').trim()}`
    })
  }

  /** Presses Tab until the focused element is the one described, as `focusedElement` describes it. */
  async tabTo(target: string, most = 40): Promise<void> {
    const passed: string[] = []
    for (let presses = 0; presses < most; presses += 1) {
      await this.page.keyboard.press('Tab')
      const focused = await this.focusedElement()
      if (focused === target) return
      passed.push(focused)
    }
    throw new Error(`Tab never reached ${target}; it passed ${passed.join(' → ')}`)
  }

  /**
   * Whether govuk-frontend's JavaScript started under the content security policy: the template's inline script (it
   * marks the body) and the module that calls `initAll` (it marks the skip link) both carry the response's nonce.
   */
  frontendStarted(): Promise<boolean> {
    return this.page.evaluate(
      () =>
        document.body.classList.contains('govuk-frontend-supported') &&
        document.querySelector('[data-module="govuk-skip-link"][data-govuk-skip-link-init]') !== null,
    )
  }

  /**
   * Whether the page is wider than the window, which makes a reader scroll sideways. Measured against the layout
   * viewport (`clientWidth`), not `innerWidth`: a phone zooms out to fit a page that is too wide, and `innerWidth`
   * grows with it, so a page 472 pixels wide on a 375-pixel phone would pass.
   */
  scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
  }
}
