import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { loadConfig } from '../config.ts'
import { buildDependencies, type Dependencies } from '../dependencies.ts'
import { createLogger } from '../logger.ts'
import { loadDemo } from '../services/demo/load-demo.ts'
import { installationOf } from './installation.ts'

/**
 * Works on a data directory in this process, through the same dependencies the command builds: to set up what a
 * command test needs without launching the command for it (each launch costs about a second), and to check what
 * the command left behind.
 */
export const withInstallation = async <T>(dataDir: string, work: (dependencies: Dependencies) => Promise<T>) => {
  const config = loadConfig({ DISCLOSE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
  if (!config.ok) throw new Error(config.error.join('; '))
  const dependencies = await buildDependencies(config.value, createLogger(config.value, 'stderr'))
  try {
    return await work(dependencies)
  } finally {
    await dependencies.close()
  }
}

export const DEMO_PASSWORD = 'a demonstration password'

/** Loads the demonstration into a data directory, in this process, with a known password. */
export const loadDemoInto = (dataDir: string): Promise<void> =>
  withInstallation(dataDir, async (dependencies) => {
    const loaded = await loadDemo(installationOf(dependencies), { password: DEMO_PASSWORD })
    if (!loaded.ok) throw new Error(loaded.error.message)
  })

/** The SQLite file of a data directory. */
export const databaseFile = (dataDir: string): string => join(dataDir, 'disclose.sqlite')

/** Opens the SQLite file directly, as someone with access to the server could, for checks and tampering. */
export const withSqliteFile = <T>(dataDir: string, work: (sqlite: BetterSqlite3.Database) => T): T => {
  const sqlite = new BetterSqlite3(databaseFile(dataDir))
  try {
    return work(sqlite)
  } finally {
    sqlite.close()
  }
}

/** How many rows a table holds: to check that refused input wrote nothing. */
export const countRows = (dataDir: string, table: 'case' | 'organisation' | 'user_account' | 'audit_event'): number =>
  withSqliteFile(
    dataDir,
    (sqlite) => (sqlite.prepare(`select count(*) as count from "${table}"`).get() as { count: number }).count,
  )

/** Adds a synthetic organisation to a data directory, in this process. */
export const addOrganisationIn = (dataDir: string, slug: string, name: string) =>
  withInstallation(dataDir, async (dependencies) => {
    const added = await dependencies.organisations.addOrganisation({
      slug,
      name,
      nation: 'england-and-wales',
      defaultRegime: 'foia',
      referencePattern: 'IC-######-@#@#',
      letters: {},
    })
    if (!added.ok) throw new Error(added.error.message)
    return added.value
  })
