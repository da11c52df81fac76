/**
 * Issue 3's figures, on 100,000 generated cases in one organisation:
 * - "my open cases due in the next five working days" (`cases.dueSoon`) and a case read (`cases.getCase`):
 *   p95 under 20 ms on SQLite;
 * - creating cases through the service layer (`cases.logRequest`): 1,000 a second or more;
 * - the same figures for PostgreSQL in the same run.
 * Each is printed beside a reference run on the same machine in the same run: the raw driver doing the least the
 * operation could be (a primary-key lookup, a one-row insert), and for dueSoon the naive way (every open case of the
 * organisation loaded and its full deadline worked out).
 *
 *   npx tsx bench/cases.bench.ts             100,000 cases
 *   npx tsx bench/cases.bench.ts --quick     10,000 cases, fewer calls: a fast check
 *   npx tsx bench/cases.bench.ts --keep      keeps the SQLite file, to look at its query plans
 *
 * PostgreSQL runs when a server is given: DISCLOSE_BENCH_DATABASE_URL, or DISCLOSE_TEST_DATABASE_URL as
 * `eval "$(bash scripts/test-postgres.sh start)"` sets it. The bench creates its own database there and drops it.
 *
 * Seeding is not measured, and goes round the services: raw Kysely inserts in transactions, so the seeded cases have
 * no audit events (reads do not need them). The organisation, its officers and every case created while measuring
 * go through the services, and the audit chain is verified at the end.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import pg from 'pg'
import { dayNumberOfIso, toIsoDate, type DayNumber, type IsoDate } from '../src/domain/calendar/calendar-date.ts'
import { createUkCalendar } from '../src/domain/calendar/uk-calendar.ts'
import { addWorkingDays } from '../src/domain/calendar/working-day-calendar.ts'
import { deadlineOfCase, type CaseClock, type CaseKind, type CaseState, type Channel } from '../src/domain/case/case.ts'
import { DEFAULT_REFERENCE_PATTERN, generateReference } from '../src/domain/case/case-reference.ts'
import type { Outcome } from '../src/domain/case/part.ts'
import type { RequesterType } from '../src/domain/case/requester.ts'
import type { ClockEvent } from '../src/domain/deadlines/clock-event.ts'
import type { Regime } from '../src/domain/deadlines/regime.ts'
import type { Actor } from '../src/services/actor.ts'
import { verifyAuditTrail } from '../src/services/audit/audit-trail.ts'
import { createCaseService } from '../src/services/cases/case.service.ts'
import { fixedClock } from '../src/services/clock.ts'
import { defaultCalendarSources } from '../src/services/holidays/calendar.service.ts'
import { newId } from '../src/services/ids.ts'
import { createOrganisationService } from '../src/services/organisations/organisation.service.ts'
import { actorFor, createUserService } from '../src/services/users/user.service.ts'
import { migrateToLatest, openDatabase, type Database } from '../src/storage/database.ts'
import { createStore } from '../src/storage/store.ts'
import { seededRandom } from './harness.ts'

const QUICK = process.argv.includes('--quick')
/** Keeps the SQLite file afterwards, to look at its query plans. */
const KEEP = process.argv.includes('--keep')
const CASES = QUICK ? 10_000 : 100_000
const OFFICERS = 50
const DUE_SOON_CALLS = QUICK ? 200 : 500
const NAIVE_CALLS = QUICK ? 20 : 50
const READ_CALLS = QUICK ? 500 : 2000
const CREATIONS = QUICK ? 1000 : 3000
const CALLERS = 8
const WARM_UP = 50

const P95_TARGET_MS = 20
const CREATION_TARGET = 1000

const NOW = '2026-11-24T10:00:00.000Z'
const TODAY = dayNumberOfIso('2026-11-24' as IsoDate)
/** The states `dueSoon` looks at: open, with the clock running. */
const DUE_SOON_STATES: readonly CaseState[] = ['received', 'in-progress', 'awaiting-approval', 'approved']
const WINDOW_WORKING_DAYS = 5

const serverUrl = process.env['DISCLOSE_BENCH_DATABASE_URL'] ?? process.env['DISCLOSE_TEST_DATABASE_URL']

const calendar = createUkCalendar(defaultCalendarSources())
const clock = fixedClock(NOW)

// ---------------------------------------------------------------------------------------------------------------
// The generated cases: the same for both databases, from a fixed seed.

interface SeedPart {
  readonly question: string
  readonly outcome: Outcome | null
  readonly publishedLinks: string
  readonly disclosureLogReference: string | null
  readonly transferredTo: string | null
  readonly exemptionIds: string
  readonly explanation: string
}

interface SeedCase {
  readonly id: string
  readonly reference: string
  readonly kind: CaseKind
  readonly regime: Regime
  readonly state: CaseState
  readonly receivedOn: IsoDate
  readonly channel: Channel
  /** The request text is made when the case is inserted, from this seed, so that 100,000 texts never sit in memory. */
  readonly requestText: { readonly seed: number; readonly words: number }
  readonly requester: { readonly id: string; readonly name: string; readonly type: RequesterType } | null
  /** Index into the officers, or null for a case nobody has picked up yet. */
  readonly officer: number | null
  readonly clock: CaseClock
  readonly respondedOn: IsoDate | null
  readonly closedOn: IsoDate | null
  readonly version: number
  readonly createdAt: string
  readonly updatedAt: string
  readonly parts: readonly SeedPart[]
  readonly link: { readonly kind: 'review-of' | 'complaint-about'; readonly reference: string } | null
}

const TEAMS = ['Corporate', 'Adult social care', 'Children’s services', 'Planning', 'Highways'] as const

const WORDS = (
  'please provide under the freedom of information act copies of all correspondence between the council and ' +
  'contractors regarding the highways maintenance contract for the financial years including emails letters ' +
  'meeting minutes and any reports on spending budgets complaints received number of staff employed agency ' +
  'costs school transport adult social care placements planning applications enforcement notices parking ' +
  'penalty charge notices issued by ward and month breakdown by category data held in spreadsheet format'
).split(' ')

type Weighted<T> = readonly (readonly [T, number])[]

const pick = <T>(random: () => number, table: Weighted<T>): T => {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0)
  let at = random() * total
  for (const [value, weight] of table) {
    at -= weight
    if (at < 0) return value
  }
  const last = table[table.length - 1]
  if (last === undefined) throw new Error('empty table')
  return last[0]
}

const STATES: Weighted<CaseState> = [
  ['closed', 790],
  ['responded', 50],
  ['withdrawn', 25],
  ['lapsed', 15],
  ['received', 25],
  ['in-progress', 60],
  ['awaiting-clarification', 8],
  ['awaiting-fee', 2],
  ['awaiting-approval', 17],
  ['approved', 8],
]
const KINDS: Weighted<CaseKind> = [
  ['request', 940],
  ['internal-review', 50],
  ['regulator-complaint', 10],
]
const REGIMES: Weighted<Regime> = [
  ['foia', 820],
  ['eir', 130],
  ['sar', 50],
]
const CHANNELS: Weighted<Channel> = [
  ['email', 60],
  ['web-form', 32],
  ['post', 8],
]
const REQUESTER_TYPES: Weighted<RequesterType> = [
  ['member-of-the-public', 55],
  ['journalist', 15],
  ['business', 10],
  ['campaign-group', 6],
  ['mp', 3],
  ['solicitor', 4],
  ['researcher', 5],
  ['other', 2],
]
const OUTCOMES: Weighted<Outcome> = [
  ['disclosed-in-full', 40],
  ['disclosed-in-part', 15],
  ['withheld', 8],
  ['not-held', 20],
  ['already-published', 7],
  ['released-before', 2],
  ['neither-confirmed-nor-denied', 1],
  ['refused-cost-limit', 5],
  ['transferred', 2],
]

const OPEN: ReadonlySet<CaseState> = new Set([
  'received',
  'in-progress',
  'awaiting-clarification',
  'awaiting-fee',
  'awaiting-approval',
  'approved',
])

const words = (random: () => number, count: number): string =>
  Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)] ?? '').join(' ')

const whole = (random: () => number, from: number, to: number): number => from + Math.floor(random() * (to - from + 1))

const generateParts = (random: () => number, state: CaseState): SeedPart[] => {
  const decided = !OPEN.has(state)
  if (random() > (decided ? 0.6 : 0.3)) return []
  return Array.from({ length: whole(random, 1, decided ? 7 : 3) }, (_, index) => {
    const outcome = decided ? pick(random, OUTCOMES) : null
    return {
      question: `Part ${index + 1}: ${words(random, whole(random, 5, 25))}`,
      outcome,
      publishedLinks: JSON.stringify(
        outcome === 'already-published'
          ? [{ title: 'Spending over £500', url: 'https://example.gov.uk/spending', publishedOn: null }]
          : [],
      ),
      disclosureLogReference: outcome === 'released-before' ? 'IC-311642-V7P8' : null,
      transferredTo: outcome === 'transferred' ? 'The county council' : null,
      exemptionIds: JSON.stringify(
        outcome === 'withheld' || outcome === 'disclosed-in-part' ? [random() < 0.7 ? 'foia-s40-2' : 'foia-s43-2'] : [],
      ),
      explanation: decided && random() < 0.3 ? words(random, whole(random, 10, 40)) : '',
    }
  })
}

/** Clock events that fit the case's dates: none of them after today. */
const generateClock = (random: () => number, kind: CaseKind, regime: Regime, state: CaseState, received: DayNumber) => {
  const events: ClockEvent[] = []
  if (kind === 'request' && regime !== 'sar') {
    if (state === 'awaiting-clarification' && received + 2 <= TODAY) {
      events.push({ type: 'clarification-requested', on: toIsoDate(received + 2) })
    } else if (state === 'awaiting-fee' && received + 5 <= TODAY) {
      events.push({ type: 'fee-notice-given', on: toIsoDate(received + 5) })
    } else if (random() < 0.05 && received + 9 <= TODAY) {
      events.push({ type: 'clarification-requested', on: toIsoDate(received + 2) })
      events.push({ type: 'clarification-received', on: toIsoDate(received + 9) })
    }
    if (regime === 'eir' && random() < 0.08) events.push({ type: 'extended', extension: 'eir-complex-and-voluminous' })
  }
  return { events, timeForCompliance: 'standard', schoolClosures: [] } satisfies CaseClock
}

const generateCases = (count: number): SeedCase[] => {
  const random = seededRandom(20261124)
  const references = new Set<string>()
  const referenceIndex = (n: number): number => Math.floor(random() * n)
  const cases: SeedCase[] = []
  const threeYears = 3 * 365
  for (let i = 0; i < count; i += 1) {
    let reference = generateReference(DEFAULT_REFERENCE_PATTERN, referenceIndex)
    while (references.has(reference)) reference = generateReference(DEFAULT_REFERENCE_PATTERN, referenceIndex)
    references.add(reference)
    const state = pick(random, STATES)
    const open = OPEN.has(state)
    const kind = pick(random, KINDS)
    const regime = pick(random, REGIMES)
    const channel = regime === 'eir' && random() < 0.1 ? 'phone' : pick(random, CHANNELS)
    // Open cases are recent (a few are overdue); answered ones await closing; the rest spread over three years.
    const received: DayNumber = open
      ? TODAY - (random() < 0.85 ? whole(random, 0, 28) : whole(random, 29, 120))
      : state === 'responded'
        ? TODAY - whole(random, 10, 60)
        : TODAY - whole(random, 20, threeYears)
    const respondedDay = open ? null : Math.min(TODAY, received + whole(random, 8, 30))
    const closedDay =
      state === 'closed' || state === 'withdrawn' || state === 'lapsed'
        ? Math.min(TODAY, (respondedDay ?? received) + whole(random, 0, 10))
        : null
    const receivedOn = toIsoDate(received)
    const createdAt = `${receivedOn}T${String(whole(random, 8, 17)).padStart(2, '0')}:00:00.000Z`
    const previous = cases.length > 0 ? cases[Math.floor(random() * cases.length)] : undefined
    cases.push({
      id: newId(Date.parse(createdAt)),
      reference,
      kind,
      regime,
      state,
      receivedOn,
      channel,
      requestText: { seed: Math.floor(random() * 2 ** 32), words: whole(random, 30, 300) },
      requester:
        random() < 0.92
          ? { id: newId(Date.parse(createdAt)), name: `Requester ${i}`, type: pick(random, REQUESTER_TYPES) }
          : null,
      officer: state === 'received' && random() < 0.4 ? null : Math.floor(random() * OFFICERS),
      clock: generateClock(random, kind, regime, state, received),
      respondedOn: respondedDay === null || state === 'withdrawn' ? null : toIsoDate(respondedDay),
      closedOn: closedDay === null ? null : toIsoDate(closedDay),
      version: open ? whole(random, 1, 4) : whole(random, 4, 9),
      createdAt,
      updatedAt: `${toIsoDate(closedDay ?? respondedDay ?? received)}T17:00:00.000Z`,
      parts: generateParts(random, state),
      link:
        kind !== 'request' && previous !== undefined
          ? { kind: kind === 'internal-review' ? 'review-of' : 'complaint-about', reference: previous.reference }
          : null,
    })
  }
  return cases
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding: raw inserts, in batches, in transactions.

const inBatches = <T>(items: readonly T[], size: number): T[][] => {
  const batches: T[][] = []
  for (let at = 0; at < items.length; at += size) batches.push(items.slice(at, at + size))
  return batches
}

/** What the measurements need of the seeded cases; the cases themselves are let go, so their garbage is not timed. */
interface Seeded {
  readonly ids: readonly string[]
  readonly references: readonly string[]
  readonly open: number
  readonly parts: number
}

const seed = async (database: Database, organisationId: string, officerIds: readonly string[]): Promise<Seeded> => {
  const db = database.db
  const cases = generateCases(CASES)
  for (const chunk of inBatches(cases, 5000)) {
    await db.transaction().execute(async (transaction) => {
      for (const batch of inBatches(chunk, 400)) {
        const requesters = batch.flatMap((subject) =>
          subject.requester === null
            ? []
            : [
                {
                  id: subject.requester.id,
                  organisation_id: organisationId,
                  name: subject.requester.name,
                  email: `${subject.requester.name.toLowerCase().replace(' ', '.')}@example.org`,
                  postal_address: null,
                  type: subject.requester.type,
                  erased_at: null,
                  created_at: subject.createdAt,
                },
              ],
        )
        if (requesters.length > 0) await transaction.insertInto('requester').values(requesters).execute()
        await transaction
          .insertInto('case')
          .values(
            batch.map((subject) => ({
              id: subject.id,
              organisation_id: organisationId,
              reference: subject.reference,
              kind: subject.kind,
              regime: subject.regime,
              state: subject.state,
              received_on: subject.receivedOn,
              channel: subject.channel,
              request_text: words(seededRandom(subject.requestText.seed), subject.requestText.words),
              requester_id: subject.requester?.id ?? null,
              assigned_officer_id: subject.officer === null ? null : (officerIds[subject.officer] ?? null),
              team: subject.officer === null ? null : (TEAMS[subject.officer % TEAMS.length] ?? null),
              clock: JSON.stringify(subject.clock),
              responded_on: subject.respondedOn,
              closed_on: subject.closedOn,
              submitted_by: null,
              version: subject.version,
              created_at: subject.createdAt,
              updated_at: subject.updatedAt,
            })),
          )
          .execute()
        const parts = batch.flatMap((subject) =>
          subject.parts.map((part, index) => ({
            id: newId(),
            case_id: subject.id,
            position: index + 1,
            question: part.question,
            outcome: part.outcome,
            published_links: part.publishedLinks,
            disclosure_log_reference: part.disclosureLogReference,
            transferred_to: part.transferredTo,
            exemption_ids: part.exemptionIds,
            document_ids: '[]',
            explanation: part.explanation,
          })),
        )
        for (const partBatch of inBatches(parts, 500))
          await transaction.insertInto('case_part').values(partBatch).execute()
        const links = batch.flatMap((subject) =>
          subject.link === null ? [] : [{ case_id: subject.id, position: 1, ...subject.link, note: '' }],
        )
        if (links.length > 0) await transaction.insertInto('case_link').values(links).execute()
      }
    })
  }
  return {
    ids: cases.map((subject) => subject.id),
    references: cases.map((subject) => subject.reference),
    open: cases.filter((subject) => OPEN.has(subject.state)).length,
    parts: cases.reduce((sum, subject) => sum + subject.parts.length, 0),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Timing.

interface Latencies {
  readonly calls: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  /** This process's CPU time a call (user and system), in ms: what the call costs whatever else the machine does. */
  readonly cpu: number
}

interface Rate {
  readonly count: number
  readonly callers: number
  readonly perSecond: number
  readonly p95: number
  readonly cpu: number
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN

const summarise = (times: Float64Array, cpu: NodeJS.CpuUsage): Latencies => {
  const sorted = times.slice().sort()
  return {
    calls: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    cpu: (cpu.user + cpu.system) / 1000 / sorted.length,
  }
}

const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6

/** Times `calls` calls one after another, after a warm-up that is not counted. */
const timeCalls = async (calls: number, call: () => Promise<unknown>): Promise<Latencies> => {
  for (let i = 0; i < Math.min(WARM_UP, calls); i += 1) await call()
  const times = new Float64Array(calls)
  const cpu = process.cpuUsage()
  for (let i = 0; i < calls; i += 1) {
    const start = process.hrtime.bigint()
    await call()
    times[i] = elapsedMs(start)
  }
  return summarise(times, process.cpuUsage(cpu))
}

/** `count` operations shared among `callers` callers running at once; operations a second over the whole run. */
const timeRate = async (count: number, callers: number, call: (caller: number) => Promise<unknown>): Promise<Rate> => {
  for (let i = 0; i < Math.min(WARM_UP, count); i += 1) await call(i % callers)
  const times = new Float64Array(count)
  let next = 0
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      while (next < count) {
        const index = next
        next += 1
        const began = process.hrtime.bigint()
        await call(caller)
        times[index] = elapsedMs(began)
      }
    }),
  )
  const seconds = elapsedMs(start) / 1000
  const { p95, cpu: cpuPerCall } = summarise(times, process.cpuUsage(cpu))
  return { count, callers, perSecond: count / seconds, p95, cpu: cpuPerCall }
}

// ---------------------------------------------------------------------------------------------------------------
// One database: set up, seed, check, measure.

/** The least the database could do for each figure, through the driver with no Disclose code in between. */
interface RawDriver {
  readRow(id: string): Promise<unknown>
  /**
   * The officer's open rows that dueSoon reads: unordered, as it asks for them, or ordered newest first as the other
   * lists are (which on SQLite without statistics walks the whole organisation's date index).
   */
  officersOpenRows(organisationId: string, officerId: string, ordered: boolean): Promise<unknown[]>
  insertRow(caller: number, row: readonly unknown[]): Promise<void>
  close(): Promise<void>
}

const OPEN_ROWS_SQL = (placeholder: (n: number) => string, ordered: boolean) =>
  `select id, organisation_id, reference, kind, regime, state, received_on, channel, substr(request_text, 1, 300) as request_text,
     requester_id, assigned_officer_id, team, clock, responded_on, closed_on, submitted_by, version, created_at, updated_at
   from "case" where organisation_id = ${placeholder(1)} and assigned_officer_id = ${placeholder(2)}
     and state in ('received', 'in-progress', 'awaiting-approval', 'approved')
   ${ordered ? 'order by received_on desc, reference ' : ''}limit 100000`

const INSERT_COLUMNS = [
  'id',
  'organisation_id',
  'reference',
  'kind',
  'regime',
  'state',
  'received_on',
  'channel',
  'request_text',
  'requester_id',
  'assigned_officer_id',
  'team',
  'clock',
  'responded_on',
  'closed_on',
  'submitted_by',
  'version',
  'created_at',
  'updated_at',
]

const sqliteDriver = (file: string): RawDriver => {
  const connection = new BetterSqlite3(file)
  connection.pragma('synchronous = NORMAL')
  connection.pragma('busy_timeout = 5000')
  connection.pragma('cache_size = -65536')
  connection.pragma('wal_autocheckpoint = 10000')
  const read = connection.prepare('select * from "case" where id = ?')
  const ordered = connection.prepare(OPEN_ROWS_SQL(() => '?', true))
  const unordered = connection.prepare(OPEN_ROWS_SQL(() => '?', false))
  const insert = connection.prepare(
    `insert into "case" (${INSERT_COLUMNS.join(', ')}) values (${INSERT_COLUMNS.map(() => '?').join(', ')})`,
  )
  return {
    readRow: (id) => Promise.resolve(read.get(id)),
    officersOpenRows: (organisationId, officerId, order) =>
      Promise.resolve((order ? ordered : unordered).all(organisationId, officerId)),
    insertRow: (_caller, row) => {
      insert.run(...row)
      return Promise.resolve()
    },
    close: () => {
      connection.close()
      return Promise.resolve()
    },
  }
}

const postgresDriver = async (url: string): Promise<RawDriver> => {
  const clients = Array.from({ length: CALLERS }, () => new pg.Client({ connectionString: url }))
  await Promise.all(clients.map((client) => client.connect()))
  const first = clients[0]
  if (first === undefined) throw new Error('no client')
  const insertText = `insert into "case" (${INSERT_COLUMNS.join(', ')}) values (${INSERT_COLUMNS.map((_, n) => `$${n + 1}`).join(', ')})`
  return {
    readRow: async (id) =>
      (
        await first.query<Record<string, unknown>>({
          name: 'read',
          text: 'select * from "case" where id = $1',
          values: [id],
        })
      ).rows[0],
    officersOpenRows: async (organisationId, officerId, ordered) =>
      (
        await first.query<Record<string, unknown>>({
          name: ordered ? 'open-ordered' : 'open-unordered',
          text: OPEN_ROWS_SQL((n) => `$${n}`, ordered),
          values: [organisationId, officerId],
        })
      ).rows,
    insertRow: async (caller, row) => {
      await (clients[caller] ?? first).query({ name: 'insert', text: insertText, values: [...row] })
    },
    close: async () => {
      await Promise.all(clients.map((client) => client.end()))
    },
  }
}

interface DialectReport {
  readonly title: string
  readonly notes: readonly string[]
  readonly dueSoon: Latencies
  readonly dueSoonNaive: Latencies
  readonly dueSoonQuery: Latencies
  readonly dueSoonQueryUnordered: Latencies
  readonly dueSoonRows: { readonly min: number; readonly mean: number; readonly max: number }
  readonly read: Latencies
  readonly readRaw: Latencies
  readonly create: Rate
  readonly createRaw: Rate
  readonly createConcurrent: Rate | null
  readonly createRawConcurrent: Rate | null
  readonly auditEvents: number
}

const measureDatabase = async (
  title: string,
  database: Database,
  raw: RawDriver,
  notes: string[],
): Promise<DialectReport> => {
  const store = createStore(database)
  const services = {
    organisations: createOrganisationService({ store, clock }),
    users: createUserService({ store, clock }),
    cases: createCaseService({ store, clock, calendar: () => calendar }),
  }
  const organisation = await services.organisations.addOrganisation({
    slug: 'north-shire-council',
    name: 'North Shire Council',
    nation: 'england-and-wales',
    defaultRegime: 'foia',
    referencePattern: DEFAULT_REFERENCE_PATTERN,
    letters: { teamName: 'Information Access Team' },
  })
  if (!organisation.ok) throw new Error(JSON.stringify(organisation.error))
  const organisationId = organisation.value.id
  const setUp: Actor = { userId: null, organisationId, roles: ['administrator'], label: 'bench set-up' }
  const officers: Actor[] = []
  const officerEmails: string[] = []
  for (let i = 0; i < OFFICERS; i += 1) {
    const added = await services.users.addUser(setUp, {
      email: `officer${i + 1}@north-shire.example.gov.uk`,
      displayName: `Officer ${i + 1}`,
      roles: ['officer'],
      team: TEAMS[i % TEAMS.length] ?? null,
    })
    if (!added.ok) throw new Error(JSON.stringify(added.error))
    officers.push(actorFor(added.value))
    officerEmails.push(added.value.email)
  }
  const officerIds = officers.map((officer) => officer.userId ?? '')

  const seeding = process.hrtime.bigint()
  const seeded = await seed(database, organisationId, officerIds)
  // PostgreSQL's autovacuum would vacuum and analyse the new rows within minutes, as it long since has in a
  // three-year-old database; do it now rather than have it race the measurements. SQLite has no such thing and
  // Disclose runs no ANALYZE, so SQLite is measured without statistics, as it runs.
  // A checkpoint too, so that writing out the seed does not either.
  if (database.dialect === 'postgres') {
    await sql`vacuum (analyze)`.execute(database.db)
    try {
      await sql`checkpoint`.execute(database.db)
    } catch {
      notes.push('no CHECKPOINT after seeding: it needs a superuser or pg_checkpoint')
    }
  }
  notes.push(
    `seeded ${CASES.toLocaleString('en-GB')} cases (${((seeded.open / CASES) * 100).toFixed(1)}% open, ` +
      `${seeded.parts.toLocaleString('en-GB')} parts) in ${(elapsedMs(seeding) / 1000).toFixed(1)} s`,
  )

  const random = seededRandom(7)
  const anyOf = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)]
    if (item === undefined) throw new Error('empty')
    return item
  }
  const limit = addWorkingDays(calendar.workingDays('united-kingdom'), TODAY, WINDOW_WORKING_DAYS) ?? TODAY

  // The naive way: every open case of the organisation, each with its full, explained deadline; then this officer's.
  const naiveDueSoon = async (officerId: string) => {
    const open = await store.read.cases.list(organisationId, { states: DUE_SOON_STATES, limit: 1_000_000 })
    const due = open.flatMap((subject) => {
      const deadline = deadlineOfCase(calendar, organisation.value.nation, subject)
      const due = deadline.ok ? (deadline.value?.due ?? null) : null
      return due !== null && subject.assignedOfficerId === officerId && dayNumberOfIso(due) <= limit
        ? [{ reference: subject.reference, due }]
        : []
    })
    return due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.reference < b.reference ? -1 : 1))
  }

  // Before timing anything: the service and the naive way agree, officer by officer.
  const rows: number[] = []
  for (const officer of officers) {
    const result = await services.cases.dueSoon(officer, officer.userId ?? '', WINDOW_WORKING_DAYS)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const got = result.value
      .map((item) => ({ reference: item.case.reference, due: item.due }))
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.reference < b.reference ? -1 : 1))
    const expected = await naiveDueSoon(officer.userId ?? '')
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      throw new Error(`dueSoon and the naive count disagree for ${officer.label}`)
    }
    rows.push(got.length)
  }
  const dueSoonRows = {
    min: Math.min(...rows),
    mean: rows.reduce((sum, n) => sum + n, 0) / rows.length,
    max: Math.max(...rows),
  }

  const dueSoon = await timeCalls(DUE_SOON_CALLS, async () => {
    const officer = anyOf(officers)
    const result = await services.cases.dueSoon(officer, officer.userId ?? '', WINDOW_WORKING_DAYS)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
  })
  const dueSoonQuery = await timeCalls(DUE_SOON_CALLS, () =>
    raw.officersOpenRows(organisationId, anyOf(officerIds), true),
  )
  const dueSoonQueryUnordered = await timeCalls(DUE_SOON_CALLS, () =>
    raw.officersOpenRows(organisationId, anyOf(officerIds), false),
  )
  const dueSoonNaive = await timeCalls(NAIVE_CALLS, () => naiveDueSoon(anyOf(officerIds)))

  const read = await timeCalls(READ_CALLS, async () => {
    const result = await services.cases.getCase(anyOf(officers), anyOf(seeded.references))
    if (!result.ok) throw new Error(JSON.stringify(result.error))
  })
  const readRaw = await timeCalls(READ_CALLS, async () => {
    if ((await raw.readRow(anyOf(seeded.ids))) === undefined) throw new Error('raw read found nothing')
  })

  let created = 0
  const logRequest = async (officer: Actor) => {
    created += 1
    const result = await services.cases.logRequest(officer, {
      receivedOn: toIsoDate(TODAY - (created % 5)),
      channel: 'email',
      requestText: words(random, 120),
      requester: {
        name: `New requester ${created}`,
        email: `new.requester${created}@example.org`,
        type: 'member-of-the-public',
      },
      assignedOfficer: { email: officerEmails[created % OFFICERS] ?? '' },
      team: 'Corporate',
      parts: Array.from({ length: created % 3 }, (_, n) => ({ question: `Part ${n + 1}: ${words(random, 12)}` })),
    })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
  }
  const rawRow = (): unknown[] => {
    const id = newId()
    return [
      id,
      organisationId,
      `RAW-${id}`,
      'request',
      'foia',
      'closed',
      toIsoDate(TODAY - 400),
      'email',
      words(random, 120),
      null,
      anyOf(officerIds),
      'Corporate',
      '{"events":[],"timeForCompliance":"standard","schoolClosures":[]}',
      null,
      toIsoDate(TODAY - 380),
      null,
      1,
      NOW,
      NOW,
    ]
  }
  const createRaw = await timeRate(CREATIONS, 1, () => raw.insertRow(0, rawRow()))
  const create = await timeRate(CREATIONS, 1, () => logRequest(anyOf(officers)))
  const server = database.dialect === 'postgres'
  const createRawConcurrent = server
    ? await timeRate(CREATIONS, CALLERS, (caller) => raw.insertRow(caller, rawRow()))
    : null
  const createConcurrent = server ? await timeRate(CREATIONS, CALLERS, () => logRequest(anyOf(officers))) : null

  notes.push(`load average after measuring: ${load()}`)
  const [chain] = await verifyAuditTrail(store, organisationId)
  if (chain === undefined || chain.broken !== null) {
    throw new Error(`the audit chain is broken: ${JSON.stringify(chain?.broken)}`)
  }
  const expectedEvents = 1 + OFFICERS + (server ? 2 : 1) * (CREATIONS + WARM_UP)
  if (chain.events !== expectedEvents) throw new Error(`expected ${expectedEvents} audit events, found ${chain.events}`)

  return {
    title,
    notes,
    dueSoon,
    dueSoonNaive,
    dueSoonQuery,
    dueSoonQueryUnordered,
    dueSoonRows,
    read,
    readRaw,
    create,
    createRaw,
    createConcurrent,
    createRawConcurrent,
    auditEvents: chain.events,
  }
}

const runSqlite = async (): Promise<DialectReport> => {
  const directory = mkdtempSync(join(tmpdir(), 'disclose-bench-'))
  const file = join(directory, 'disclose.sqlite')
  const database = await openDatabase({ kind: 'sqlite', file })
  let raw: RawDriver | undefined
  try {
    // The raw driver opens its own connection once the schema exists.
    const migrated = await migrateToLatest(database)
    if (migrated.error !== null) throw new Error(migrated.error)
    raw = sqliteDriver(file)
    const report = await measureDatabase('SQLite', database, raw, [
      `a file in ${directory} (WAL, synchronous=NORMAL, 64 MiB cache, checkpoint every 10,000 pages), as Disclose opens it`,
    ])
    return { ...report, notes: [...report.notes, `database file ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`] }
  } finally {
    await raw?.close()
    await database.close()
    if (KEEP) console.log(`  kept ${file}`)
    else rmSync(directory, { recursive: true, force: true })
  }
}

/**
 * Drops the bench's database once the pool's connections have gone: pg's pool reports it has ended before its sockets
 * close, and forcing the drop then would kill those connections and crash the process with their error.
 */
const dropDatabase = async (admin: pg.Client, name: string): Promise<void> => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      await admin.query(`drop database if exists ${name}`)
      return
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  await admin.query(`drop database if exists ${name} with (force)`)
}

const runPostgres = async (url: string): Promise<DialectReport> => {
  const name = `disclose_bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const settings = await admin.query<{ name: string; setting: string }>(
    `select name, current_setting(name) as setting from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers') order by name`,
  )
  const benchUrl = new URL(url)
  benchUrl.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: benchUrl.toString() })
  let raw: RawDriver | undefined
  try {
    const migrated = await migrateToLatest(database)
    if (migrated.error !== null) throw new Error(migrated.error)
    raw = await postgresDriver(benchUrl.toString())
    return await measureDatabase('PostgreSQL', database, raw, [
      `database ${name} on ${benchUrl.hostname}:${benchUrl.port}, dropped afterwards; Disclose's pool of 10 connections`,
      `server: ${settings.rows.map((row) => `${row.name}=${row.setting}`).join(', ')}`,
      'CPU/call counts this process only, not the server’s',
    ])
  } finally {
    await raw?.close()
    await database.close()
    await dropDatabase(admin, name)
    await admin.end()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The report.

const ms = (value: number): string => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`)
const perSecond = (rate: number): string => `${Math.round(rate).toLocaleString('en-GB')}/s`
const verdict = (met: boolean): string => (met ? 'PASS' : 'MISS')
const times = (ratio: number): string =>
  `${ratio < 1 ? ratio.toPrecision(2) : ratio < 10 ? ratio.toFixed(1) : Math.round(ratio).toLocaleString('en-GB')}×`
const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')

const printReport = (report: DialectReport): void => {
  const row = (what: string, cells: readonly string[]) =>
    console.log(`  ${what.padEnd(64)}${cells.map((cell) => cell.padStart(11)).join('')}`)
  const latencies = (what: string, l: Latencies) =>
    row(what, [ms(l.p50), ms(l.p95), ms(l.p99), l.calls.toLocaleString('en-GB'), ms(l.cpu)])
  const rate = (what: string, r: Rate) =>
    row(what, [perSecond(r.perSecond), ms(r.p95), '', r.count.toLocaleString('en-GB'), ms(r.cpu)])
  console.log(`\n${report.title}`)
  for (const note of report.notes) console.log(`  ${note}`)
  console.log()
  row('', ['p50', 'p95', 'p99', 'calls', 'CPU/call'])
  latencies('dueSoon: my open cases due in the next 5 working days', report.dueSoon)
  latencies('  reference, naive: all the organisation’s open cases, full deadlines', report.dueSoonNaive)
  latencies('  floor: its rows through the driver, unordered, as dueSoon asks', report.dueSoonQueryUnordered)
  latencies('  the same rows ORDER BY received_on DESC, as the other lists ask', report.dueSoonQuery)
  latencies('getCase: a case read by reference', report.read)
  latencies('  reference: one row by primary key through the driver', report.readRaw)
  console.log()
  row('', ['rate', 'p95', '', 'cases', 'CPU/call'])
  rate('logRequest: cases created through the service, one caller', report.create)
  rate('  reference: one-row INSERT, its own transaction, one caller', report.createRaw)
  if (report.createConcurrent !== null && report.createRawConcurrent !== null) {
    rate(`logRequest: ${CALLERS} concurrent callers`, report.createConcurrent)
    rate(`  reference: one-row INSERT, ${CALLERS} concurrent connections`, report.createRawConcurrent)
  }
  console.log()
  const rows = report.dueSoonRows
  console.log(`  dueSoon returns ${rows.min}–${rows.max} cases an officer (mean ${rows.mean.toFixed(1)})`)
  console.log(
    `  ratio, dueSoon naive ÷ service, p95: ${times(report.dueSoonNaive.p95 / report.dueSoon.p95)} (the gain)`,
  )
  console.log(
    `  ratio, dueSoon service ÷ its rows through the driver (the floor), p95: ${times(report.dueSoon.p95 / report.dueSoonQueryUnordered.p95)}`,
  )
  console.log(`  ratio, getCase service ÷ raw primary-key read, p95: ${times(report.read.p95 / report.readRaw.p95)}`)
  console.log(
    `  ratio, raw INSERT ÷ logRequest, rate: ${times(report.createRaw.perSecond / report.create.perSecond)}` +
      (report.createConcurrent !== null && report.createRawConcurrent !== null
        ? `; with ${CALLERS} callers ${times(report.createRawConcurrent.perSecond / report.createConcurrent.perSecond)}`
        : ''),
  )
  console.log(`  audit chain verified: ${report.auditEvents.toLocaleString('en-GB')} events, intact`)
}

const printSummary = (reports: readonly DialectReport[]): void => {
  const column = (text: string) => text.padEnd(22)
  console.log(`\nAgainst issue 3's targets`)
  console.log(`  ${'figure'.padEnd(40)}${reports.map((r) => column(r.title)).join('')}target`)
  const row = (what: string, cell: (r: DialectReport) => string, target: string) =>
    console.log(`  ${what.padEnd(40)}${reports.map((r) => column(cell(r))).join('')}${target}`)
  row('dueSoon p95', (r) => `${ms(r.dueSoon.p95)} ${verdict(r.dueSoon.p95 < P95_TARGET_MS)}`, `< ${P95_TARGET_MS} ms`)
  row('getCase p95', (r) => `${ms(r.read.p95)} ${verdict(r.read.p95 < P95_TARGET_MS)}`, `< ${P95_TARGET_MS} ms`)
  row(
    'logRequest, one caller',
    (r) => `${perSecond(r.create.perSecond)} ${verdict(r.create.perSecond >= CREATION_TARGET)}`,
    `≥ ${perSecond(CREATION_TARGET)}`,
  )
  row(
    `logRequest, ${CALLERS} concurrent callers`,
    (r) =>
      r.createConcurrent === null
        ? '— (one writer)'
        : `${perSecond(r.createConcurrent.perSecond)} ${verdict(r.createConcurrent.perSecond >= CREATION_TARGET)}`,
    `≥ ${perSecond(CREATION_TARGET)}`,
  )
  console.log(`  load average at the end: ${load()} (on ${cpus().length} cores)`)
}

const main = async (): Promise<void> => {
  console.log(
    `Cases: ${CASES.toLocaleString('en-GB')} generated cases in one organisation, ${OFFICERS} officers, ` +
      `received over three years to ${toIsoDate(TODAY)}${QUICK ? ' (--quick)' : ''}`,
  )
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}; load average ${load()}`,
  )
  const reports = [await runSqlite()]
  printReport(reports[0] as DialectReport)
  if (serverUrl === undefined) {
    console.log(
      '\nPostgreSQL: skipped, no server given. Run it with a throwaway server on loopback:\n' +
        '  eval "$(bash scripts/test-postgres.sh start)" && npx tsx bench/cases.bench.ts\n' +
        '  (or set DISCLOSE_BENCH_DATABASE_URL=postgres://user@host:port/postgres; the bench makes and drops its own database)',
    )
  } else {
    const report = await runPostgres(serverUrl)
    reports.push(report)
    printReport(report)
  }
  printSummary(reports)
}

await main()
