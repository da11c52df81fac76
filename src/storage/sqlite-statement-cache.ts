import type { Database as BetterSqlite3Database, Statement } from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

/** How many distinct statements to keep prepared: the queries Disclose makes, with room for IN lists of many sizes. */
const DEFAULT_CAPACITY = 500

/**
 * The SQLite connection as Kysely sees it, with each statement prepared once and reused. Kysely prepares every query
 * afresh, which costs more than running the small queries Disclose makes; the same SQL text gives the same statement,
 * the least recently used dropped beyond `capacity`. A statement still being iterated (a streamed read) is never handed
 * out twice: a fresh one is prepared instead. A transaction begins IMMEDIATE (below).
 */
export const withStatementCache = (
  sqlite: BetterSqlite3Database,
  capacity: number = DEFAULT_CAPACITY,
): SqliteDatabase => {
  const statements = new Map<string, Statement>()
  return {
    close: () => {
      statements.clear()
      sqlite.close()
    },
    prepare: (asked: string) => {
      // Every transaction Disclose opens writes, so it takes the write lock when it begins (BEGIN IMMEDIATE), waiting
      // up to busy_timeout for another process's. Kysely's plain BEGIN would take a read snapshot first and then,
      // when another process had written since, fail at its first write with "database is locked" at once, without
      // waiting: what two commands changing one SQLite file together would otherwise meet.
      const text = asked === 'begin' ? 'begin immediate' : asked
      const cached = statements.get(text)
      if (cached !== undefined) {
        if (cached.busy) return sqlite.prepare(text)
        // Map keeps insertion order: moving the statement to the end makes the first entry the least recently used.
        statements.delete(text)
        statements.set(text, cached)
        return cached
      }
      const prepared = sqlite.prepare(text)
      statements.set(text, prepared)
      if (statements.size > capacity) {
        const oldest = statements.keys().next()
        if (oldest.done !== true) statements.delete(oldest.value)
      }
      return prepared
    },
  }
}
