import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptySummary, type Job } from '../documents/document-records.ts'
import { createLogger } from '../logger.ts'
import { newId } from '../services/ids.ts'
import { migrateToLatest, openDatabase, type Database } from '../storage/database.ts'
import { addTestActor, addTestOrganisation, buildTestServices, type TestServices } from '../../test/services.ts'
import { createJobRunner, type JobHandler } from './job-runner.ts'

const logger = createLogger({ logLevel: 'silent' }, 'stderr')
let database: Database
let services: TestServices
let organisationId: string

beforeAll(async () => {
  database = await openDatabase({ kind: 'sqlite', file: ':memory:' })
  await migrateToLatest(database)
  services = buildTestServices(database)
  const organisation = await addTestOrganisation(services)
  await addTestActor(services, organisation, ['officer'])
  organisationId = organisation.id
})

afterAll(async () => {
  await database.close()
})

const queue = async (state: Job['state'] = 'queued'): Promise<Job> => {
  const job: Job = {
    id: newId(),
    organisationId,
    caseId: null,
    kind: 'ingest',
    state,
    payload: { items: [] },
    total: 0,
    done: 0,
    summary: null,
    error: null,
    attempts: 0,
    createdBy: 'test',
    createdAt: services.clock.now(),
    startedAt: null,
    finishedAt: null,
  }
  await services.store.transaction((repositories) => repositories.jobs.create(job))
  return job
}

const waitFor = async (check: () => Promise<boolean>): Promise<void> => {
  for (let tries = 0; tries < 200; tries += 1) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('gave up waiting')
}

describe('the job runner', () => {
  it('works queued jobs when woken, and resumes one a stopped process left running', async () => {
    const seen: string[] = []
    const handler: JobHandler = (job) => {
      seen.push(job.id)
      return Promise.resolve({ ...emptySummary(), documents: 1 })
    }
    const abandoned = await queue('running')
    const runner = createJobRunner({ ...services, logger, handlers: { ingest: handler }, pollMilliseconds: 60_000 })
    await runner.start()
    const fresh = await queue()
    runner.wake()
    await waitFor(async () => (await services.store.read.jobs.get(fresh.id))?.state === 'finished')
    await runner.stop()
    expect(seen).toEqual([abandoned.id, fresh.id])
    const finished = await services.store.read.jobs.get(abandoned.id)
    expect(finished?.state).toBe('finished')
    expect(finished?.summary?.documents).toBe(1)
    expect(finished?.attempts).toBe(1)
  })

  it('tries a job that faults again, then marks it failed with what to do', async () => {
    let calls = 0
    const handler: JobHandler = () => {
      calls += 1
      return Promise.reject(new Error('disk full'))
    }
    const job = await queue()
    const runner = createJobRunner({ ...services, logger, handlers: { ingest: handler }, maxAttempts: 2 })
    await runner.runNow(job.id)
    expect((await services.store.read.jobs.get(job.id))?.state).toBe('queued')
    await runner.runNow(job.id)
    const failed = await services.store.read.jobs.get(job.id)
    expect(calls).toBe(2)
    expect(failed?.state).toBe('failed')
    expect(failed?.error).toMatch(/files it finished are kept/u)
    expect(failed?.error).not.toContain('disk full')
  })

  it('does not run a job another runner has claimed', async () => {
    const job = await queue()
    await services.store.transaction((repositories) => repositories.jobs.claim(job.id, services.clock.now()))
    let ran = false
    const runner = createJobRunner({
      ...services,
      logger,
      handlers: {
        ingest: () => {
          ran = true
          return Promise.resolve(emptySummary())
        },
      },
    })
    const after = await runner.runNow(job.id)
    expect(ran).toBe(false)
    expect(after?.state).toBe('running')
  })
})
