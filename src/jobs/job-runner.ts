import { emptySummary, type IngestSummary, type Job, type JobKind } from '../documents/document-records.ts'
import type { Logger } from '../logger.ts'
import type { Clock } from '../services/clock.ts'
import type { IngestProgress } from '../services/documents/ingest-documents.ts'
import type { Store } from '../storage/store.ts'

/** Does one kind of job. Handlers are idempotent: a job resumed after a stop must not do its work twice. */
export type JobHandler = (job: Job, onProgress?: (progress: IngestProgress) => void) => Promise<IngestSummary>

export interface JobRunnerOptions {
  readonly store: Store
  readonly clock: Clock
  readonly logger: Logger
  readonly handlers: Readonly<Record<JobKind, JobHandler>>
  /** How often to look for queued jobs when nobody says one was queued (milliseconds). */
  readonly pollMilliseconds?: number
  /** Tries before a job that keeps failing is marked failed. */
  readonly maxAttempts?: number
}

export interface JobRunner {
  /** Starts working queued jobs, first putting back any that a stopped process left running. */
  start(): Promise<void>
  /** Says a job was queued: the runner looks at once. */
  wake(): void
  /** Runs one job now, in this process (the command line), with progress. */
  runNow(jobId: string, onProgress?: (progress: IngestProgress) => void): Promise<Job | undefined>
  /** Finishes the job in hand and stops. */
  stop(): Promise<void>
}

/**
 * The in-process job runner: a `job` table in the same database, claimed one job at a time. On PostgreSQL several
 * processes can run it side by side (a claim succeeds for one of them); heavier installations can put the same
 * handlers behind pg-boss.
 */
export const createJobRunner = (options: JobRunnerOptions): JobRunner => {
  const { store, clock, logger } = options
  const maxAttempts = options.maxAttempts ?? 3
  let running = false
  let current: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  let woken = false
  let wakeFromPause: (() => void) | undefined

  const work = async (job: Job, onProgress?: (progress: IngestProgress) => void) => {
    try {
      const summary = await options.handlers[job.kind](job, onProgress)
      await store.transaction((repositories) =>
        repositories.jobs.finish(job.id, 'finished', summary, clock.now(), null),
      )
      return true
    } catch (error) {
      const attemptsLeft = job.attempts < maxAttempts
      logger.error({ err: { name: (error as Error).name }, job: job.id, attempt: job.attempts }, 'A job failed')
      const latest = await store.read.jobs.get(job.id)
      await store.transaction(async (repositories) => {
        if (attemptsLeft) await repositories.jobs.requeueOne(job.id)
        else {
          await repositories.jobs.finish(
            job.id,
            'failed',
            latest?.summary ?? emptySummary(),
            clock.now(),
            'The job stopped after repeated faults. The files it finished are kept; add the rest again, or ask your administrator to look at the log.',
          )
        }
      })
      return false
    }
  }

  const drain = async () => {
    while (running) {
      woken = false
      const job = await store.transaction((repositories) => repositories.jobs.claimNext(clock.now()))
      if (job === undefined) break
      const failed = !(await work(job))
      // Backing off after a fault: a database that has gone away is not hammered, and others' jobs wait a moment.
      if (failed) {
        await new Promise<void>((resolve) => {
          const pause = setTimeout(resolve, Math.min(30_000, 1000 * 2 ** job.attempts))
          // Stopping ends the pause at once: a shutdown never waits out a back-off.
          wakeFromPause = () => {
            clearTimeout(pause)
            resolve()
          }
        })
        wakeFromPause = undefined
      }
    }
  }

  const schedule = () => {
    if (!running) return
    current = current.then(drain).catch((error: unknown) => {
      logger.error({ err: { name: (error as Error).name } }, 'The job runner could not read the queue')
    })
  }

  return {
    start: async () => {
      if (running) return
      running = true
      const requeued = await store.transaction((repositories) => repositories.jobs.requeueAbandoned())
      if (requeued > 0) logger.info({ jobs: requeued }, 'Resuming jobs left running by a stopped process')
      schedule()
      timer = setInterval(() => {
        if (!woken) schedule()
      }, options.pollMilliseconds ?? 2000)
      timer.unref()
    },
    wake: () => {
      woken = true
      schedule()
    },
    runNow: async (jobId, onProgress) => {
      const job = await store.transaction((repositories) => repositories.jobs.claim(jobId, clock.now()))
      if (job === undefined) return store.read.jobs.get(jobId)
      await work(job, onProgress)
      return store.read.jobs.get(jobId)
    },
    stop: async () => {
      running = false
      wakeFromPause?.()
      if (timer !== undefined) clearInterval(timer)
      await current
    },
  }
}
