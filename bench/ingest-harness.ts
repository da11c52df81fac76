/**
 * Ingestion as `disclose ingest` and an upload do it, for the benches: a real SQLite file, the local file store, an
 * organisation and an officer; each call adds one file to a new case (so no run finds the last one's copy) and runs
 * the ingestion job on it in this process.
 */
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { createDocumentReader } from '../src/documents/read-document.ts'
import { DEFAULT_READ_LIMITS } from '../src/documents/reading/document-reading.ts'
import type { IngestSummary } from '../src/documents/document-records.ts'
import { createLogger } from '../src/logger.ts'
import { createDocumentService } from '../src/services/documents/document.service.ts'
import { createDocumentIngestion } from '../src/services/documents/ingest-documents.ts'
import { migrateToLatest, openDatabase } from '../src/storage/database.ts'
import { createLocalFileStore } from '../src/storage/local-file-store.ts'
import { addTestActor, addTestOrganisation, buildTestServices } from '../test/services.ts'

export interface IngestBench {
  /** Adds the file to a new case and ingests it; the job's summary. */
  ingest(bytes: Uint8Array, name: string): Promise<IngestSummary>
  close(): Promise<void>
}

export const createIngestBench = async (folder: string): Promise<IngestBench> => {
  const database = await openDatabase({ kind: 'sqlite', file: join(folder, 'bench.sqlite') })
  await migrateToLatest(database)
  const services = buildTestServices(database)
  const officer = await addTestActor(services, await addTestOrganisation(services), ['officer'])
  const files = createLocalFileStore(join(folder, 'files'))
  const logger = createLogger({ logLevel: 'silent' }, 'stderr')
  const read = createDocumentReader({ limits: { ...DEFAULT_READ_LIMITS, ocr: false } })
  const ingestion = createDocumentIngestion({ store: services.store, files, clock: services.clock, read, logger })
  const documents = createDocumentService({
    store: services.store,
    files,
    clock: services.clock,
    cases: services.cases,
    maxUploadBytes: 1 << 30,
  })
  return {
    ingest: async (bytes, name) => {
      const logged = await services.cases.logRequest(officer, {
        receivedOn: '2024-11-25',
        requestText: 'Correspondence about the contract.',
      })
      if (!logged.ok) throw new Error('the bench case could not be logged')
      const queued = await documents.addDocuments(officer, logged.value.case.reference, [
        { name, content: Readable.from([Buffer.from(bytes)]) },
      ])
      if (!queued.ok) throw new Error('the bench file could not be added')
      await services.store.transaction((repositories) => repositories.jobs.claim(queued.value.id, services.clock.now()))
      return ingestion.run(queued.value)
    },
    close: () => database.close(),
  }
}
