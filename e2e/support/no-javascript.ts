import type { BrowserContext } from 'playwright-core'

/**
 * Serves every page to this context without its scripts, as a browser with JavaScript turned off would run it: the
 * GOV.UK template's inline script never marks the body, and govuk-frontend never starts, so conditional reveals all
 * stay open. Playwright's own `javaScriptEnabled: false` would do the same, but it also stops the timers axe needs,
 * so the accessibility check could never finish.
 */
export const serveWithoutScripts = async (context: BrowserContext): Promise<void> => {
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') {
      await route.continue()
      return
    }
    const response = await route.fetch()
    const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '')
    await route.fulfill({ response, body: html })
  })
}
