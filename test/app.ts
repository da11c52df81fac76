import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Express } from 'express'
import { afterAll, beforeAll } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { buildDependencies, type Dependencies } from '../src/dependencies.ts'
import { createLogger } from '../src/logger.ts'
import { createApp } from '../src/web/app.ts'

export interface TestApp {
  readonly app: Express
  readonly deps: Dependencies
  /** Closes the database and removes the temporary data directory. */
  readonly cleanUp: () => Promise<void>
}

export interface TestAppOptions {
  /** Extra environment, on top of a temporary DISCLOSE_DATA_DIR and LOG_LEVEL=silent. */
  readonly env?: Readonly<Record<string, string>>
  /** Swaps parts of the real dependencies for fakes: a logger that records, a calendar that fails. */
  readonly override?: (deps: Dependencies) => Dependencies
}

/**
 * The real web app over the real dependencies, with a fresh temporary data directory and no log output: what
 * `npm start` builds, minus the port.
 */
export const buildTestApp = async (options: TestAppOptions = {}): Promise<TestApp> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'disclose-web-'))
  const config = loadConfig({ DISCLOSE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...options.env })
  if (!config.ok) throw new Error(`test configuration is invalid: ${config.error.join('; ')}`)
  const real = await buildDependencies(config.value, createLogger(config.value))
  const deps = options.override === undefined ? real : options.override(real)
  const app = await createApp(deps)
  return {
    app,
    deps,
    cleanUp: async () => {
      await real.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** The real app for a spec file, built before its tests and cleaned up after them. Call at the top level. */
export const useTestApp = (options: TestAppOptions = {}): (() => TestApp) => {
  let built: TestApp | undefined
  beforeAll(async () => {
    built = await buildTestApp(options)
  }, 60_000)
  afterAll(async () => {
    await built?.cleanUp()
  })
  return () => {
    if (built === undefined) throw new Error('the app is not built yet: call useTestApp at the top level')
    return built
  }
}
