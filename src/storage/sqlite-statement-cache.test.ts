import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { withStatementCache } from './sqlite-statement-cache.ts'

describe('the SQLite statement cache', () => {
  const opened: BetterSqlite3.Database[] = []
  const open = () => {
    const sqlite = new BetterSqlite3(':memory:')
    opened.push(sqlite)
    sqlite.exec('create table t (n integer)')
    for (let n = 1; n <= 3; n += 1) sqlite.prepare('insert into t values (?)').run(n)
    return sqlite
  }
  afterEach(() => {
    for (const sqlite of opened.splice(0)) if (sqlite.open) sqlite.close()
  })

  it('hands out the same prepared statement for the same SQL, and a different one for different SQL', () => {
    const cached = withStatementCache(open())
    const first = cached.prepare('select n from t where n = ?')
    expect(cached.prepare('select n from t where n = ?')).toBe(first)
    expect(cached.prepare('select n from t where n > ?')).not.toBe(first)
    expect(first.all([2])).toEqual([{ n: 2 }])
  })

  it('prepares a fresh statement while the cached one is still being iterated', () => {
    const cached = withStatementCache(open())
    const sql = 'select n from t where n >= ? order by n'
    const streaming = cached.prepare(sql)
    const rows = streaming.iterate([1])
    expect(rows.next().value).toEqual({ n: 1 })
    const meanwhile = cached.prepare(sql)
    expect(meanwhile).not.toBe(streaming)
    expect(meanwhile.all([3])).toEqual([{ n: 3 }])
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }])
  })

  it('keeps at most its capacity, dropping the statement used longest ago', () => {
    const cached = withStatementCache(open(), 2)
    const a = cached.prepare('select 1')
    const b = cached.prepare('select 2')
    expect(cached.prepare('select 1')).toBe(a) // a is now the most recently used
    cached.prepare('select 3') // drops b
    expect(cached.prepare('select 1')).toBe(a)
    expect(cached.prepare('select 2')).not.toBe(b)
  })

  it('closes the database', () => {
    const sqlite = open()
    withStatementCache(sqlite).close()
    expect(sqlite.open).toBe(false)
  })

  it('begins every transaction IMMEDIATE, holding the write lock from the start', () => {
    const directory = mkdtempSync(join(tmpdir(), 'disclose-begin-'))
    try {
      const file = join(directory, 'two.sqlite')
      const one = new BetterSqlite3(file)
      const two = new BetterSqlite3(file, { timeout: 0 })
      opened.push(one, two)
      one.pragma('journal_mode = WAL')
      one.exec('create table t (n integer)')
      const cached = withStatementCache(one)
      cached.prepare('begin').run([])
      // The other connection cannot start writing: the lock was taken at BEGIN, before any write.
      expect(() => two.exec('begin immediate')).toThrow(/locked|busy/i)
      cached.prepare('commit').run([])
      expect(() => two.exec('begin immediate; commit')).not.toThrow()
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})
