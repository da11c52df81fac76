import type { PGlite } from '@electric-sql/pglite'
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'

/** One connection to an in-process PGlite; Kysely's callers queue for it, as they would for a pool of one. */
class PgliteConnection implements DatabaseConnection {
  private readonly pglite: PGlite

  constructor(pglite: PGlite) {
    this.pglite = pglite
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiled.sql, [...compiled.parameters])
    const command = (result as { command?: string }).command
    const affected = result.affectedRows ?? 0
    return {
      rows: result.rows,
      ...(command === 'INSERT' || command === 'UPDATE' || command === 'DELETE'
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    await Promise.resolve()
    throw new Error('Streaming is not supported on PGlite')
  }
}

class PgliteDriver implements Driver {
  private readonly connection: PgliteConnection
  private queue: Promise<void> = Promise.resolve()
  private release: (() => void) | undefined

  private readonly pglite: PGlite

  constructor(pglite: PGlite) {
    this.pglite = pglite
    this.connection = new PgliteConnection(pglite)
  }

  async init(): Promise<void> {
    await this.pglite.waitReady
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue
    let release!: () => void
    this.queue = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    this.release = release
    return this.connection
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel === undefined ? '' : ` isolation level ${settings.isolationLevel}`
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    const release = this.release
    this.release = undefined
    release?.()
    await Promise.resolve()
  }

  async destroy(): Promise<void> {
    await this.pglite.close()
  }
}

/** A Kysely dialect over PGlite: PostgreSQL in process, for tests on any machine. */
export const pgliteDialect = (pglite: PGlite): Dialect => ({
  createAdapter: () => new PostgresAdapter(),
  createDriver: () => new PgliteDriver(pglite),
  createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  createQueryCompiler: () => new PostgresQueryCompiler(),
})
