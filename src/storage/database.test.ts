import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator, NO_MIGRATIONS, sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { describeEachDialect, useTestDatabase } from '../../test/database.ts'
import { GENESIS_HASH, sealAuditRecord } from '../domain/audit/audit-chain.ts'
import { EMPTY_LETTER_SETTINGS, type Organisation } from '../domain/case/organisation.ts'
import { migrateToLatest, openDatabase, pendingMigrations, type Database } from './database.ts'
import { MIGRATIONS } from './migrations/index.ts'
import { createStore } from './store.ts'

const TABLES = [
  'api_token',
  'audit_event',
  'audit_head',
  'case',
  'case_letter',
  'case_link',
  'case_part',
  'directory_person',
  'document',
  'document_finding',
  'document_page',
  'document_text',
  'finding_decision',
  'job',
  'organisation',
  'requester',
  'user_account',
  'user_session',
]

const tablesOf = async (database: Database): Promise<string[]> =>
  (await database.db.introspection.getTables())
    .map((table) => table.name)
    .filter((name) => !name.startsWith('kysely_'))
    // SQLite's full-text index (a virtual table and its shadow tables); PostgreSQL indexes a column instead.
    .filter((name) => !name.startsWith('document_text_fts'))
    .sort()

const anOrganisation = (overrides: Partial<Organisation> = {}): Organisation => ({
  id: randomUUID(),
  slug: `storage-${randomUUID().slice(0, 8)}`,
  name: 'Storage Test Authority',
  nation: 'england-and-wales',
  defaultRegime: 'foia',
  referencePattern: 'IC-######-@#@#',
  govUkBranding: false,
  letters: { ...EMPTY_LETTER_SETTINGS, teamName: 'Tîm Mynediad at Wybodaeth', telephone: '029 2000 0000' },
  ...overrides,
})

/** A stand-in for SHA-256: storage does not check hashes, it keeps them. */
const fakeHash = (text: string): string => text.length.toString(16).padStart(64, '0')

describeEachDialect('the database', (dialect) => {
  const database = useTestDatabase(dialect)

  describe('migrations', () => {
    it('has applied every migration, so that a second run applies nothing', async () => {
      expect(await pendingMigrations(database())).toEqual([])
      expect(await migrateToLatest(database())).toEqual({ applied: [], error: null })
      expect(await tablesOf(database())).toEqual(TABLES)
    })

    it('migrates a database emptied of every table from nothing, and then applies nothing more', async () => {
      const migrator = new Migrator({
        db: database().db,
        provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) },
      })
      const down = await migrator.migrateTo(NO_MIGRATIONS)
      expect(down.error).toBeUndefined()
      expect(await tablesOf(database())).toEqual([])
      expect(await pendingMigrations(database())).toEqual(Object.keys(MIGRATIONS))

      expect(await migrateToLatest(database())).toEqual({ applied: Object.keys(MIGRATIONS), error: null })
      expect(await tablesOf(database())).toEqual(TABLES)
      expect(await migrateToLatest(database())).toEqual({ applied: [], error: null })
    })
  })

  describe('values coming back from the driver', () => {
    it('gives counts, sums and big integers as numbers, as SQLite does', async () => {
      const { rows } = await sql<Record<string, unknown>>`
        select count(*) as n, sum(version) as total, cast(9007199254740991 as bigint) as big
        from ${sql.table('case')}`.execute(database().db)
      expect(rows[0]).toEqual({ n: 0, total: null, big: 9007199254740991 })
      const { rows: counted } = await sql<Record<string, unknown>>`
        select count(*) as n from (select 1 as one union all select 2 as one) as two`.execute(database().db)
      expect(counted[0]).toEqual({ n: 2 })
    })

    it('gives a date as YYYY-MM-DD text, never a JavaScript Date shifted by a time zone', async () => {
      const query =
        database().dialect === 'sqlite'
          ? sql<{ day: unknown }>`select date('2024-10-01') as day`
          : sql<{ day: unknown }>`select cast('2024-10-01' as date) as day`
      const { rows } = await query.execute(database().db)
      expect(rows[0]?.day).toBe('2024-10-01')
    })

    it('keeps text exactly: Welsh, emoji, quotes, backslashes and a megabyte', async () => {
      const texts = ['Ŵyl Ddewi – “Cais”', 'emoji 😀 and 東京', "back\\slash and 'quote'", 'x'.repeat(1024 * 1024)]
      for (const text of texts) {
        const { rows } = await sql<{ text: string }>`select ${text} as text`.execute(database().db)
        expect(rows[0]?.text).toBe(text)
      }
    })
  })

  describe('the store', () => {
    it('commits everything a transaction wrote', async () => {
      const store = createStore(database())
      const organisation = anOrganisation({ govUkBranding: true })
      await store.transaction((repositories) => repositories.organisations.insert(organisation, '2024-12-04T10:00:00Z'))
      expect(await store.read.organisations.findById(organisation.id)).toEqual(organisation)
      expect(await store.read.organisations.findBySlug(organisation.slug)).toEqual(organisation)
    })

    it('writes nothing of a transaction that fails part-way', async () => {
      const store = createStore(database())
      const organisation = anOrganisation()
      await expect(
        store.transaction(async (repositories) => {
          await repositories.organisations.insert(organisation, '2024-12-04T10:00:00Z')
          expect(await repositories.organisations.findById(organisation.id)).toBeDefined()
          throw new Error('Something went wrong after the first write')
        }),
      ).rejects.toThrow('Something went wrong after the first write')
      expect(await store.read.organisations.findById(organisation.id)).toBeUndefined()
    })

    it('refuses a second organisation with the same short name', async () => {
      const store = createStore(database())
      const organisation = anOrganisation()
      await store.read.organisations.insert(organisation, '2024-12-04T10:00:00Z')
      await expect(
        store.read.organisations.insert({ ...organisation, id: randomUUID() }, '2024-12-04T10:00:00Z'),
      ).rejects.toThrow()
    })

    it('round-trips an organisation’s flags and letter settings, and updates them', async () => {
      const store = createStore(database())
      const organisation = anOrganisation()
      await store.read.organisations.insert(organisation, '2024-12-04T10:00:00Z')
      expect((await store.read.organisations.findById(organisation.id))?.govUkBranding).toBe(false)
      const changed: Organisation = {
        ...organisation,
        name: 'Cyngor Sir Synthetig',
        govUkBranding: true,
        defaultRegime: 'eir',
        letters: { ...organisation.letters, complaintUrl: 'https://example.org/cwyn' },
      }
      await store.read.organisations.update(changed)
      expect(await store.read.organisations.findById(organisation.id)).toEqual(changed)
      expect((await store.read.organisations.list()).map((listed) => listed.id)).toContain(organisation.id)
    })
  })

  describe('the audit repository', () => {
    it('reads an organisation’s chain in order, a page at a time, and keeps its head', async () => {
      const store = createStore(database())
      const organisation = anOrganisation()
      await store.read.organisations.insert(organisation, '2024-12-04T10:00:00Z')
      for (let i = 1; i <= 7; i += 1) {
        await store.transaction(async (repositories) => {
          const head = await repositories.audit.lockHead(organisation.id)
          expect(head.seq).toBe(i - 1)
          if (i === 1) expect(head.hash).toBe(GENESIS_HASH)
          await repositories.audit.append(
            sealAuditRecord(fakeHash, head, {
              organisationId: organisation.id,
              id: randomUUID(),
              at: `2024-12-04T10:00:0${i}.000Z`,
              actorId: null,
              actorLabel: 'command line',
              action: `test.step-${i}`,
              entityType: 'organisation',
              entityId: organisation.id,
              payload: JSON.stringify({ step: i }),
            }),
          )
        })
      }
      const read = []
      for await (const record of store.read.audit.inOrder(organisation.id, 3)) read.push(record)
      expect(read.map((record) => record.seq)).toEqual([1, 2, 3, 4, 5, 6, 7])
      expect(read.map((record) => typeof record.seq)).toEqual(Array(7).fill('number'))
      expect(read[6]).toMatchObject({ action: 'test.step-7', payload: '{"step":7}', actorId: null })
      expect(await store.read.audit.head(organisation.id)).toEqual({ seq: 7, hash: read[6]?.hash })
      expect(await store.read.audit.organisationsWithChains()).toContain(organisation.id)
      expect(await store.read.audit.head(randomUUID())).toBeNull()
    })
  })
})

describe('opening a database', () => {
  const directory = mkdtempSync(join(tmpdir(), 'disclose-database-test-'))
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it('makes the SQLite file and its folders, and migrates it from empty', async () => {
    const file = join(directory, 'nested', 'data', 'disclose.sqlite')
    const database = await openDatabase({ kind: 'sqlite', file })
    try {
      expect(database).toMatchObject({ dialect: 'sqlite', description: `SQLite file ${file}` })
      expect(await pendingMigrations(database)).toEqual(Object.keys(MIGRATIONS))
      expect(await migrateToLatest(database)).toEqual({ applied: Object.keys(MIGRATIONS), error: null })
      expect(await tablesOf(database)).toEqual(TABLES)
      const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db)
      expect(rows[0]?.foreign_keys).toBe(1)
      // 64 MiB of page cache and a checkpoint every 10,000 pages: the settings the cases benchmark was measured with.
      const cache = await sql<{ cache_size: number }>`pragma cache_size`.execute(database.db)
      expect(cache.rows[0]?.cache_size).toBe(-65536)
      const checkpoint = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db)
      expect(checkpoint.rows[0]?.wal_autocheckpoint).toBe(10000)
    } finally {
      await database.close()
    }
    const reopened = await openDatabase({ kind: 'sqlite', file })
    try {
      expect(await migrateToLatest(reopened)).toEqual({ applied: [], error: null })
    } finally {
      await reopened.close()
    }
  })

  it('describes a PostgreSQL server without its password', async () => {
    const database = await openDatabase({ kind: 'postgres', url: 'postgres://disclose:s3cret@db.example.org:5433/foi' })
    try {
      expect(database.description).toBe('PostgreSQL at db.example.org:5433/foi')
      expect(database.description).not.toContain('s3cret')
    } finally {
      await database.close()
    }
  })
})
