import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../storage/migrations/index.ts'
import { databaseFile } from './installation.test-support.ts'
import { disclose, expectOneLineError, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()
const NAMES = Object.keys(MIGRATIONS)
const migrations = (count: number): string => `${count} migration${count === 1 ? '' : 's'}`

describe.concurrent('disclose db', { timeout: 60_000 }, () => {
  it('brings a new SQLite file up to date when several commands start on it at once', async () => {
    const dir = await dataDirs.fresh()
    const runs = await Promise.all([1, 2, 3, 4, 5, 6].map(() => disclose(['org', 'list'], dir)))
    for (const run of runs) {
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
    }
    const status = await disclose(['db', 'status'], dir)
    expect(status.stdout).toContain(`Applied: ${migrations(NAMES.length)}`)
  })

  it('says which migrations are waiting, applies them once, then says the database is up to date', async () => {
    const dir = await dataDirs.fresh()
    const file = databaseFile(dir)

    const before = await disclose(['db', 'status'], dir)
    expect(before.stderr).toBe('')
    expect(before.stdout).toBe(
      [
        `Database: SQLite file ${file}`,
        'Applied: 0 migrations',
        `Pending: ${migrations(NAMES.length)} (run disclose db migrate)`,
        ...NAMES.map((name) => `  ${name}`),
        '',
      ].join('\n'),
    )

    const migrated = await disclose(['db', 'migrate'], dir)
    expect(migrated.status).toBe(0)
    expect(migrated.stdout).toBe(
      [`Applied ${migrations(NAMES.length)} to SQLite file ${file}:`, ...NAMES.map((name) => `  ${name}`), ''].join(
        '\n',
      ),
    )

    const again = await disclose(['db', 'migrate'], dir)
    expect(again.status).toBe(0)
    expect(again.stdout).toBe(`The database is already up to date (SQLite file ${file}).\n`)

    const after = await disclose(['db', 'status', '--json'], dir)
    expect(JSON.parse(after.stdout)).toEqual({
      database: `SQLite file ${file}`,
      applied: NAMES,
      pending: [],
    })
  })

  it('says in one line that PostgreSQL cannot be reached, and what to check', async () => {
    const run = await disclose(['db', 'migrate'], dataDirs.shared(), {
      DATABASE_URL: 'postgres://disclose@127.0.0.1:1/disclose',
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      'disclose db: cannot reach the database (PostgreSQL at 127.0.0.1:1/disclose): the connection was refused. Check DATABASE_URL and that the PostgreSQL server is running and accepts connections.\n',
    )
  })

  it('refuses a subcommand it does not have', async () => {
    expectOneLineError(
      await disclose(['db', 'upgrade'], dataDirs.shared()),
      'disclose db: unknown subcommand “upgrade”: use migrate or status',
    )
  })
})
