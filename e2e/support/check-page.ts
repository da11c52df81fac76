import { expect } from 'vitest'
import type { BasePage } from '../pages/base.page.ts'

/** Every page visited passes axe's WCAG 2.2 AA rules, runs its scripts under the CSP, and gets a screenshot. */
export const checkPage = async (page: BasePage, screenshot: string): Promise<void> => {
  expect(await page.accessibilityViolations()).toEqual([])
  expect(page.browserErrors).toEqual([])
  expect(await page.frontendStarted()).toBe(true)
  await page.screenshot(screenshot)
}
