import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { buildTestApp, type TestApp } from '../../test/app.ts'

export interface RunningApp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly baseUrl: string
  readonly stop: () => Promise<void>
}

/** Starts the real app in this process on a free port, as `npm start` would, with a temporary data directory. */
export const startApp = async (): Promise<RunningApp> => {
  const { app, cleanUp } = await buildTestApp()
  return listen(app, cleanUp)
}

/**
 * Serves an app already built (a spec that first adds users and cases through its services) on a free port; `stop`
 * closes it and then runs `cleanUp`.
 */
export const listen = async (app: TestApp['app'], cleanUp: () => Promise<void>): Promise<RunningApp> => {
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
