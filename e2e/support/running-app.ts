import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { buildTestApp, type TestApp } from '../../test/app.ts'

export interface RunningApp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly baseUrl: string
  readonly stop: () => Promise<void>
}

/** What a spec does to the app before it serves: the environment to build it with, and data to add through its services. */
export interface AppSetup {
  readonly env?: Readonly<Record<string, string>>
  readonly prepare?: (testApp: TestApp) => Promise<void>
}

/**
 * Starts the real app in this process on a free port, as `npm start` would, with a temporary data directory; a spec
 * that needs users and cases adds them in `prepare`, before the app serves.
 */
export const startApp = async (setup: AppSetup = {}): Promise<RunningApp & { readonly testApp: TestApp }> => {
  const testApp = await buildTestApp(setup.env === undefined ? {} : { env: { ...setup.env } })
  try {
    await setup.prepare?.(testApp)
  } catch (error) {
    await testApp.cleanUp()
    throw error
  }
  return { ...(await listen(testApp.app, testApp.cleanUp)), testApp }
}

/** Serves a built app on a free port; `stop` closes it and then runs `cleanUp`. */
const listen = async (app: TestApp['app'], cleanUp: () => Promise<void>): Promise<RunningApp> => {
  const server = app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
      await cleanUp()
    },
  }
}
