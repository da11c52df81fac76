import type { Kysely, Selectable } from 'kysely'
import type { IngestPayload, IngestSummary, Job, JobKind, JobState } from '../../documents/document-records.ts'
import type { JobTable } from '../tables/document.table.ts'
import type { Schema } from '../tables/schema.ts'
import { readJsonColumn } from './json-column.ts'

type JobRow = Selectable<JobTable>

const toJob = (row: JobRow): Job => ({
  id: row.id,
  organisationId: row.organisation_id,
  caseId: row.case_id,
  kind: row.kind as JobKind,
  state: row.state as JobState,
  payload: readJsonColumn<IngestPayload>(row.payload, 'job.payload'),
  total: row.total,
  done: row.done,
  summary: row.summary === null ? null : readJsonColumn<IngestSummary>(row.summary, 'job.summary'),
  error: row.error,
  attempts: Number(row.attempts),
  createdBy: row.created_by,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
})

/** Background jobs in the same database as the work they do: enqueued in the transaction that needs them. */
export const createJobRepository = (db: Kysely<Schema>) => ({
  create: async (job: Job): Promise<void> => {
    await db
      .insertInto('job')
      .values({
        id: job.id,
        organisation_id: job.organisationId,
        case_id: job.caseId,
        kind: job.kind,
        state: job.state,
        payload: JSON.stringify(job.payload),
        total: job.total,
        done: job.done,
        summary: job.summary === null ? null : JSON.stringify(job.summary),
        error: job.error,
        attempts: job.attempts,
        created_by: job.createdBy,
        created_at: job.createdAt,
        started_at: job.startedAt,
        finished_at: job.finishedAt,
      })
      .execute()
  },

  get: async (id: string): Promise<Job | undefined> => {
    const row = await db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined ? undefined : toJob(row)
  },

  /** The jobs of a case, newest first. */
  forCase: async (organisationId: string, caseId: string, limit = 20): Promise<Job[]> => {
    const rows = await db
      .selectFrom('job')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute()
    return rows.map(toJob)
  },

  /**
   * Takes the oldest queued job for this runner: the update succeeds for one runner only, so two runners (two
   * processes on one database) never work the same job.
   */
  claimNext: async (now: string): Promise<Job | undefined> => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const next = await db
        .selectFrom('job')
        .select('id')
        .where('state', '=', 'queued')
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst()
      if (next === undefined) return undefined
      const claimed = await db
        .updateTable('job')
        .set((eb) => ({ state: 'running', started_at: now, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', next.id)
        .where('state', '=', 'queued')
        .executeTakeFirst()
      if (Number(claimed.numUpdatedRows) === 1) {
        const row = await db.selectFrom('job').selectAll().where('id', '=', next.id).executeTakeFirstOrThrow()
        return toJob(row)
      }
    }
    return undefined
  },

  /** Takes one particular queued job (the command line runs the job it queued itself). */
  claim: async (id: string, now: string): Promise<Job | undefined> => {
    const claimed = await db
      .updateTable('job')
      .set((eb) => ({ state: 'running', started_at: now, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) !== 1) return undefined
    const row = await db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    return toJob(row)
  },

  progress: async (id: string, done: number, summary: IngestSummary): Promise<void> => {
    await db
      .updateTable('job')
      .set({ done, summary: JSON.stringify(summary) })
      .where('id', '=', id)
      .execute()
  },

  finish: async (
    id: string,
    state: 'finished' | 'failed',
    summary: IngestSummary,
    now: string,
    error: string | null,
  ) => {
    await db
      .updateTable('job')
      .set({ state, summary: JSON.stringify(summary), finished_at: now, error })
      .where('id', '=', id)
      .execute()
  },

  /** Puts a job back in the queue after a fault, to be tried again. */
  requeueOne: async (id: string): Promise<void> => {
    await db.updateTable('job').set({ state: 'queued' }).where('id', '=', id).execute()
  },

  /** Jobs left running by a process that stopped: queued again, to be resumed where they were. */
  requeueAbandoned: async (): Promise<number> => {
    const result = await db
      .updateTable('job')
      .set({ state: 'queued' })
      .where('state', '=', 'running')
      .executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
})

export type JobRepository = ReturnType<typeof createJobRepository>
