import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Express } from 'express'
import { loadConfig } from '../src/config.ts'
import { buildDependencies, type Dependencies } from '../src/dependencies.ts'
import { createLogger } from '../src/logger.ts'
import { createApp } from '../src/web/app.ts'

export interface TestApp {
  readonly app: Express
  readonly deps: Dependencies
  /** Removes the temporary data directory. */
  readonly cleanUp: () => Promise<void>
}

/**
 * The real web app over the real dependencies, with a fresh temporary data directory and no log output: what
 * `npm start` builds, minus the port.
 */
export const buildTestApp = async (env: Readonly<Record<string, string>> = {}): Promise<TestApp> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'disclose-web-'))
  const config = loadConfig({ DISCLOSE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env })
  if (!config.ok) throw new Error(`test configuration is invalid: ${config.error.join('; ')}`)
  const deps = await buildDependencies(config.value, createLogger(config.value))
  const app = await createApp(deps)
  return { app, deps, cleanUp: () => rm(dataDir, { recursive: true, force: true }) }
}
