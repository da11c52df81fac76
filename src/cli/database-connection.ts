import { sql } from 'kysely'
import type { Config } from '../config.ts'
import { openDatabase, type Database } from '../storage/database.ts'

/** The database cannot be reached or opened: the message says what to check. */
export class DatabaseUnreachable extends Error {}

const CONNECTION_PROBLEMS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'there is no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  ECONNRESET: 'the connection was reset',
  // PostgreSQL's own codes
  '28P01': 'the password was refused',
  '28000': 'the user was refused',
  '3D000': 'the database does not exist',
  '57P03': 'the server is starting up or shutting down',
  SQLITE_CANTOPEN: 'the file cannot be opened',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  SQLITE_READONLY: 'the file is read-only',
  EACCES: 'permission was refused',
}

const codeOf = (error: unknown): string | undefined => {
  if (error instanceof AggregateError) return error.errors.map(codeOf).find((code) => code !== undefined)
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** Why the database could not be used, in words: "the connection was refused". */
export const describeConnectionProblem = (error: unknown): string => {
  const code = codeOf(error)
  if (code !== undefined && CONNECTION_PROBLEMS[code] !== undefined) return CONNECTION_PROBLEMS[code]
  const message = error instanceof Error ? error.message : String(error)
  return message === '' ? (code ?? 'an unknown error') : message
}

const advice = (config: Config): string =>
  config.database.kind === 'postgres'
    ? 'Check DATABASE_URL and that the PostgreSQL server is running and accepts connections'
    : 'Check DISCLOSE_DATA_DIR (or DATABASE_URL) and that the folder can be written to'

/**
 * Opens the configured database and makes sure it answers, so that an unreachable server is reported as such, in
 * one line, rather than as a failed migration.
 */
export const openReachableDatabase = async (config: Config): Promise<Database> => {
  const location =
    config.database.kind === 'postgres'
      ? { kind: 'postgres' as const, url: config.database.url, poolSize: 2 }
      : config.database
  let database: Database | undefined
  try {
    database = await openDatabase(location)
    await sql`select 1`.execute(database.db)
    return database
  } catch (error) {
    const where =
      database?.description ??
      (config.database.kind === 'postgres' ? 'PostgreSQL' : `SQLite file ${config.database.file}`)
    await database?.close().catch(() => undefined)
    throw new DatabaseUnreachable(
      `cannot reach the database (${where}): ${describeConnectionProblem(error)}. ${advice(config)}.`,
    )
  }
}
