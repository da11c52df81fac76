import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchChromium } from './chromium.ts'
import type { TestApp } from '../../test/app.ts'
import { startApp, type AppSetup, type RunningApp } from './running-app.ts'

export interface BrowserSession {
  /** The running app's address, `http://127.0.0.1:<port>`. */
  readonly baseUrl: () => string
  /** A fresh browser context (cookies, viewport) for one test; closed when the test ends. */
  readonly newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>
  /** The app's dependencies, for a spec that works its services during a test (starting the job runner). */
  readonly testApp: () => TestApp
}

/**
 * One real app and one Chromium for a spec file, started before its tests and stopped after them. Call it at the top
 * level of the spec.
 */
export const useBrowserSession = (setup: AppSetup = {}): BrowserSession => {
  let app: (RunningApp & { readonly testApp: TestApp }) | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    app = await startApp(setup)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })
  afterEach(async () => {
    await context?.close()
    context = undefined
  })

  return {
    baseUrl: () => {
      if (app === undefined) throw new Error('the app has not started: call useBrowserSession at the top level')
      return app.baseUrl
    },
    testApp: () => {
      if (app === undefined) throw new Error('the app has not started: call useBrowserSession at the top level')
      return app.testApp
    },
    newContext: async (options) => {
      if (browser === undefined) throw new Error('Chromium has not started: call useBrowserSession at the top level')
      context = await browser.newContext(options)
      return context
    },
  }
}
