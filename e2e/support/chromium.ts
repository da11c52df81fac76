import { chromium, type Browser } from 'playwright-core'

/**
 * Debian's Chromium, driven by playwright-core (`npx playwright install` cannot download a browser here). Set
 * CHROMIUM_PATH to use another build.
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
