import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResultSet } from 'kysely'
import pg from 'pg'
import { MIGRATIONS } from './migrations/index.ts'
import { pgliteDialect } from './pglite-dialect.ts'
import { withStatementCache } from './sqlite-statement-cache.ts'
import type { Schema } from './tables/schema.ts'

export type DialectName = 'sqlite' | 'postgres'

/** Where the database is: the embedded SQLite file, a PostgreSQL server, or PostgreSQL in process (tests). */
export type DatabaseLocation =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number }
  | { readonly kind: 'pglite' }

export interface Database {
  readonly db: Kysely<Schema>
  readonly dialect: DialectName
  /** What the database is, for logs and `disclose db status`: never a password. */
  readonly description: string
  close(): Promise<void>
}

// pg returns bigint (count(*)) as a string and `date` as a JS Date; Disclose keeps dates as text and counts as numbers.
pg.types.setTypeParser(20, Number)
pg.types.setTypeParser(1082, (text: string) => text)

const describeUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `PostgreSQL at ${parsed.hostname}${parsed.port === '' ? '' : `:${parsed.port}`}${parsed.pathname}`
  } catch {
    return 'PostgreSQL'
  }
}

export const openDatabase = async (location: DatabaseLocation): Promise<Database> => {
  switch (location.kind) {
    case 'sqlite': {
      if (location.file !== ':memory:') mkdirSync(dirname(location.file), { recursive: true })
      const sqlite = new BetterSqlite3(location.file)
      sqlite.pragma('journal_mode = WAL')
      sqlite.pragma('synchronous = NORMAL')
      sqlite.pragma('foreign_keys = ON')
      sqlite.pragma('busy_timeout = 5000')
      // 64 MiB of page cache rather than SQLite's 2 MiB, and a checkpoint every 10,000 pages (about 40 MiB of WAL)
      // rather than 1,000: at 100,000 cases, creating a case was half as fast again with both (docs/benchmarks.md).
      sqlite.pragma('cache_size = -65536')
      sqlite.pragma('wal_autocheckpoint = 10000')
      // SQLite's own lower() folds only A to Z; searches must fold Ŵ, É and Â too, as PostgreSQL's does.
      sqlite.function('lower', { deterministic: true }, (text: unknown) =>
        typeof text === 'string' ? text.toLowerCase() : text,
      )
      const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
      return { db, dialect: 'sqlite', description: `SQLite file ${location.file}`, close: () => db.destroy() }
    }
    case 'postgres': {
      const pool = new pg.Pool({ connectionString: location.url, max: location.poolSize ?? 10 })
      const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) })
      return { db, dialect: 'postgres', description: describeUrl(location.url), close: () => db.destroy() }
    }
    case 'pglite': {
      const { PGlite } = await import('@electric-sql/pglite')
      // As for pg above: a `date` comes back as its YYYY-MM-DD text, not a Date at UTC midnight.
      const pglite = new PGlite({ parsers: { 1082: (text: string) => text } })
      const db = new Kysely<Schema>({ dialect: pgliteDialect(pglite) })
      return { db, dialect: 'postgres', description: 'PGlite (PostgreSQL in process)', close: () => db.destroy() }
    }
  }
}

const migrator = (db: Kysely<Schema>): Migrator =>
  new Migrator({ db, provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) } })

export interface MigrationReport {
  readonly applied: readonly string[]
  readonly error: string | null
}

const report = (result: MigrationResultSet): MigrationReport => ({
  applied: (result.results ?? []).filter((step) => step.status === 'Success').map((step) => step.migrationName),
  error:
    result.error === undefined
      ? null
      : result.error instanceof Error
        ? result.error.message
        : JSON.stringify(result.error),
})

/** Brings the schema up to date. Each migration runs in a transaction; a failed one leaves the schema as it was. */
export const migrateToLatest = async (database: Database): Promise<MigrationReport> => {
  const first = report(await migrator(database.db).migrateToLatest())
  if (first.error === null) return first
  // Two processes starting together on one SQLite file (Kysely takes no migration lock on SQLite): the one that
  // lost waited for the other's transaction, then failed on tables that now exist. The other may still be running a
  // later migration, so look again — each try waits for the other's transaction — until nothing is pending (the other
  // process brought the schema up to date, which is all that was asked) or a try fails on its own account.
  let result = first
  for (let attempt = 0; attempt <= Object.keys(MIGRATIONS).length; attempt += 1) {
    const stillPending = await pendingMigrations(database).catch(() => ['unknown'])
    if (stillPending.length === 0) return { applied: result.applied, error: null }
    if (database.dialect !== 'sqlite') return result
    result = report(await migrator(database.db).migrateToLatest())
    if (result.error === null) return result
  }
  return result
}

/** Migrations not yet applied. */
export const pendingMigrations = async (database: Database): Promise<string[]> =>
  (await migrator(database.db).getMigrations())
    .filter((migration) => migration.executedAt === undefined)
    .map((migration) => migration.name)
