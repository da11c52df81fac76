import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe } from 'vitest'
import { migrateToLatest, openDatabase, type Database } from '../src/storage/database.ts'

/**
 * Storage tests run on every dialect: SQLite (in memory), PostgreSQL in process (PGlite), and a real PostgreSQL
 * server when DISCLOSE_TEST_DATABASE_URL names one (`npm test` starts one on loopback; see scripts/test-postgres.sh).
 */
export const TEST_DIALECTS = ['sqlite', 'pglite', 'postgres'] as const
export type TestDialect = (typeof TEST_DIALECTS)[number]

const serverUrl = process.env['DISCLOSE_TEST_DATABASE_URL']

/** Opens an empty, migrated database of a dialect; for a server, a fresh database that `close` drops. */
export const openTestDatabase = async (dialect: TestDialect): Promise<Database> => {
  let database: Database
  let drop: (() => Promise<void>) | undefined
  switch (dialect) {
    case 'sqlite':
      database = await openDatabase({ kind: 'sqlite', file: ':memory:' })
      break
    case 'pglite':
      database = await openDatabase({ kind: 'pglite' })
      break
    case 'postgres': {
      if (serverUrl === undefined) throw new Error('DISCLOSE_TEST_DATABASE_URL is not set: run the tests with npm test')
      const name = `disclose_test_${randomBytes(6).toString('hex')}`
      const admin = new pg.Client({ connectionString: serverUrl })
      await admin.connect()
      await admin.query(`create database ${name}`)
      await admin.end()
      const url = new URL(serverUrl)
      url.pathname = `/${name}`
      database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 })
      drop = async () => {
        const client = new pg.Client({ connectionString: serverUrl })
        await client.connect()
        await client.query(`drop database if exists ${name} with (force)`)
        await client.end()
      }
      break
    }
  }
  const migrated = await migrateToLatest(database)
  if (migrated.error !== null) throw new Error(migrated.error)
  return {
    ...database,
    close: async () => {
      await database.close()
      await drop?.()
    },
  }
}

/**
 * Runs a block of tests once per dialect. The PostgreSQL server block is skipped, saying why, only when no server
 * was given (running vitest by hand); `npm test` always gives one.
 */
export const describeEachDialect = (title: string, body: (dialect: TestDialect) => void): void => {
  for (const dialect of TEST_DIALECTS) {
    const noServer = dialect === 'postgres' && serverUrl === undefined
    describe.skipIf(noServer)(
      `${title} (${dialect}${noServer ? ': no DISCLOSE_TEST_DATABASE_URL, run npm test' : ''})`,
      () => body(dialect),
    )
  }
}

/** An empty, migrated database for the tests of a block, opened before them and closed after. */
export const useTestDatabase = (dialect: TestDialect): (() => Database) => {
  let database: Database | undefined
  beforeAll(async () => {
    database = await openTestDatabase(dialect)
  }, 60_000)
  afterAll(async () => {
    await database?.close()
  })
  return () => {
    if (database === undefined) throw new Error('The test database is not open yet')
    return database
  }
}
