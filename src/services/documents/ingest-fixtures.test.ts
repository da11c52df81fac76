import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTesseractOcr } from '../../documents/adapters/tesseract.ocr.ts'
import type { CaseDocument } from '../../documents/document-records.ts'
import type { OcrEngine } from '../../documents/ports.ts'
import { createDocumentReader } from '../../documents/read-document.ts'
import { DEFAULT_READ_LIMITS } from '../../documents/reading/document-reading.ts'
import { createJobRunner } from '../../jobs/job-runner.ts'
import { createLogger } from '../../logger.ts'
import { migrateToLatest, openDatabase, type Database } from '../../storage/database.ts'
import { createLocalFileStore } from '../../storage/local-file-store.ts'
import { buildHostileZip, buildNestedZip, buildZipBomb } from '../../../test/fixtures/documents/archives.ts'
import { buildEmailWithAttachments } from '../../../test/fixtures/documents/emails.ts'
import { buildDocx, buildXlsx, XLSX_PEOPLE } from '../../../test/fixtures/documents/office-files.ts'
import {
  corruptPdf,
  encryptedPdf,
  LEFT_COLUMN,
  manyPagesPdf,
  PERSON,
  RIGHT_COLUMN,
  rotatedPagePdf,
  scannedPdf,
  truncatedPdf,
  twoColumnPdf,
} from '../../../test/fixtures/documents/pdfs.ts'
import { addTestActor, addTestOrganisation, buildTestServices } from '../../../test/services.ts'
import type { Actor } from '../actor.ts'
import { createDocumentService, type DocumentService, type Upload } from './document.service.ts'
import { createDocumentIngestion } from './ingest-documents.ts'

/**
 * The synthetic fixtures issue 5 names, ingested through the whole pipeline as `disclose ingest` and an upload do:
 * two-column and rotated PDFs, a scan (read by OCR), a spreadsheet with a hidden sheet, an email with nested
 * attachments — and, in one batch, every kind of bad input, each refused on its own document while the rest go on.
 */

const logger = createLogger({ logLevel: 'silent' }, 'stderr')
const MAX_UPLOAD = 4 * 1024 * 1024

const upload = (name: string, content: Uint8Array | string): Upload => ({
  name,
  content: Readable.from([Buffer.from(content)]),
})

/** Two gigabytes of zeros, made as they are read: the file store must stop reading long before the end. */
const twoGigabytes = (): Readable =>
  Readable.from(
    (function* () {
      const chunk = new Uint8Array(1024 * 1024)
      for (let sent = 0; sent < 2048; sent += 1) yield chunk
    })(),
  )

let database: Database
let fileRoot: string
let documents: DocumentService
let officer: Actor
let reference: string
let ocr: OcrEngine
let runner: ReturnType<typeof createJobRunner>

beforeAll(async () => {
  database = await openDatabase({ kind: 'sqlite', file: ':memory:' })
  await migrateToLatest(database)
  const services = buildTestServices(database)
  fileRoot = await mkdtemp(join(tmpdir(), 'disclose-fixtures-'))
  const files = createLocalFileStore(fileRoot)
  ocr = createTesseractOcr()
  const read = createDocumentReader({ limits: { ...DEFAULT_READ_LIMITS, maxPages: 5000, ocr: true }, ocr })
  const ingestion = createDocumentIngestion({ store: services.store, files, clock: services.clock, read, logger })
  runner = createJobRunner({
    store: services.store,
    clock: services.clock,
    logger,
    handlers: { ingest: (job, onProgress) => ingestion.run(job, onProgress) },
  })
  documents = createDocumentService({
    store: services.store,
    files,
    clock: services.clock,
    cases: services.cases,
    maxUploadBytes: MAX_UPLOAD,
  })
  officer = await addTestActor(services, await addTestOrganisation(services), ['officer'])
  const logged = await services.cases.logRequest(officer, {
    receivedOn: '2024-03-01',
    requestText: 'Everything about the parking permits scheme.',
  })
  if (!logged.ok) throw new Error(JSON.stringify(logged.error))
  reference = logged.value.case.reference
}, 60_000)

afterAll(async () => {
  await ocr.close()
  await database.close()
  await rm(fileRoot, { recursive: true, force: true })
})

const ingest = async (uploads: Upload[]) => {
  const queued = await documents.addDocuments(officer, reference, uploads)
  if (!queued.ok) throw new Error(JSON.stringify(queued.error))
  const job = await runner.runNow(queued.value.id)
  if (job?.summary === null || job === undefined) throw new Error('The job did not run')
  const listed = await documents.searchDocuments(officer, reference, { limit: 1000 })
  const all = listed.ok ? listed.value.map((hit) => hit.document) : []
  const mine = all.filter((document) => document.jobId === job.id)
  return { job, documents: mine }
}

const findingsOf = async (document: CaseDocument | undefined) => {
  const detail = await documents.getDocument(officer, document?.id ?? '')
  if (!detail.ok) throw new Error('no such document')
  return detail.value
}

describe('ingesting the synthetic fixtures', () => {
  let ingested: Awaited<ReturnType<typeof ingest>>
  const byName = (name: string) => ingested.documents.find((document) => document.name === name)

  beforeAll(async () => {
    const docx = await buildDocx()
    ingested = await ingest([
      upload('two-columns.pdf', await twoColumnPdf()),
      upload('rotated.pdf', await rotatedPagePdf()),
      upload('scan.pdf', await scannedPdf()),
      upload('staff.xlsx', await buildXlsx()),
      upload('request.eml', buildEmailWithAttachments(docx)),
    ])
  }, 120_000)

  it('reads a two-column PDF column by column', async () => {
    const detail = await findingsOf(byName('two-columns.pdf'))
    const text = detail.text
    const lastOfLeft = text.indexOf(LEFT_COLUMN.at(-1) ?? '')
    const firstOfRight = text.indexOf(RIGHT_COLUMN[0] ?? '')
    expect(lastOfLeft).toBeGreaterThanOrEqual(0)
    expect(firstOfRight).toBeGreaterThan(lastOfLeft)
  })

  it('reads a rotated page, keeping its rotation and boxes on the page as displayed', async () => {
    const detail = await findingsOf(byName('rotated.pdf'))
    const rotated = detail.pages.find((page) => page.rotation === 90)
    expect(rotated).toBeDefined()
    expect(rotated?.words.length).toBeGreaterThan(0)
    for (const word of rotated?.words ?? []) {
      expect(word.box.x + word.box.width).toBeLessThanOrEqual((rotated?.width ?? 0) + 1)
      expect(word.box.y + word.box.height).toBeLessThanOrEqual((rotated?.height ?? 0) + 1)
    }
  })

  it('reads a scanned page by OCR and finds the personal data on it, with boxes', async () => {
    const detail = await findingsOf(byName('scan.pdf'))
    expect(detail.pages[0]?.ocr).toBe(true)
    const email = detail.findings.find((finding) => finding.type === 'email')
    expect(email?.text).toBe(PERSON.email)
    expect(email?.page).toBe(1)
    expect(email?.boxes?.length).toBeGreaterThan(0)
    expect(detail.findings.some((finding) => finding.type === 'phone')).toBe(true)
  })

  it('reports the hidden sheet of a spreadsheet and finds the personal data hidden in it', async () => {
    const sheet = byName('staff.xlsx')
    expect(sheet?.hidden.some((hidden) => hidden.kind === 'sheet')).toBe(true)
    expect(ingested.job.summary?.hiddenContent).toBeGreaterThanOrEqual(sheet?.hidden.length ?? 1)
    const detail = await findingsOf(sheet)
    // The hidden sheet's postcode and the very hidden sheet's phone number are found like any other.
    const hiddenSheetAt = detail.text.indexOf(XLSX_PEOPLE.hiddenSheet)
    const veryHiddenAt = detail.text.indexOf(XLSX_PEOPLE.veryHiddenSheet)
    expect(hiddenSheetAt).toBeGreaterThan(0)
    const found = (type: string, from: number) =>
      detail.findings.filter((finding) => finding.type === type && finding.start > from)
    expect(found('postcode', hiddenSheetAt).map((finding) => finding.text)).toContain('SW1A 2AA')
    expect(found('phone', veryHiddenAt).map((finding) => finding.text)).toContain('07700 900999')
    expect(detail.findings.map((finding) => finding.text)).toContain(XLSX_PEOPLE.hiddenRow)
  })

  it('reads an email’s attachments and the attachments of the message forwarded in it', async () => {
    const email = byName('request.eml')
    expect(email?.emailSubject).toBe('Request for information – parking')
    const children = ingested.documents.filter((document) => document.parentId === email?.id)
    // The PDF-like attachment is not a real PDF: recorded as failed, the others read.
    expect(children.map((child) => [child.name, child.status]).sort()).toEqual([
      ['Fwd appeal.eml', 'read'],
      ['letter.docx', 'read'],
      ['scan.pdf', 'failed'],
    ])
    const forwarded = children.find((child) => child.kind === 'email')
    const grandchildren = ingested.documents.filter((document) => document.parentId === forwarded?.id)
    expect(grandchildren.map((child) => child.name)).toEqual(['appeal-notes.txt'])
    const notes = await findingsOf(grandchildren[0])
    expect(notes.findings.map((finding) => [finding.type, finding.text])).toContainEqual(['postcode', 'SW1A 2AA'])
    const outer = await findingsOf(email)
    expect(outer.findings.map((finding) => finding.type)).toEqual(expect.arrayContaining(['email', 'phone']))
    expect(children.every((child) => child.source.startsWith('Attached to'))).toBe(true)
  })
})

describe('bad input in one batch', () => {
  it('refuses each bad file on its own document with what to do, and reads the rest', async () => {
    const before = await documents.searchDocuments(officer, reference, { limit: 1000 })
    const { job, documents: made } = await ingest([
      upload('good-before.txt', 'Call 07700 900777 about the permits.'),
      upload('corrupt.pdf', corruptPdf()),
      upload('truncated.pdf', truncatedPdf()),
      upload('protected.pdf', await encryptedPdf()),
      upload('empty.docx', ''),
      upload('really-text.pdf', 'This is plain text named as a PDF, mentioning 07700 900888.'),
      { name: 'huge.bin', content: twoGigabytes() },
      upload('bomb.zip', await buildZipBomb(300, { lie: true })),
      upload('hostile.zip', buildHostileZip()),
      upload('nested.zip', buildNestedZip(6)),
      upload('ten-thousand-pages.pdf', manyPagesPdf(10_000)),
      upload('good-after.txt', 'Write to SW1A 2AA about the permits.'),
    ])
    expect(job.state).toBe('finished')
    const failure = (name: string) => job.summary?.failures.find((failed) => failed.name === name)
    expect(failure('corrupt.pdf')?.code).toMatch(/corrupt|unsupported/u)
    expect(failure('protected.pdf')?.code).toBe('encrypted')
    expect(failure('protected.pdf')?.message).toMatch(/password/u)
    expect(failure('empty.docx')?.code).toBe('empty')
    expect(failure('huge.bin')?.code).toBe('too-large')
    expect(failure('bomb.zip')?.code).toBe('archive-bomb')
    expect(failure('ten-thousand-pages.pdf')?.code).toBe('too-many-pages')
    expect(failure('ten-thousand-pages.pdf')?.message).toMatch(/10,000 pages/u)
    expect(job.summary?.failures.some((failed) => failed.code === 'unsafe-name')).toBe(true)
    expect(job.summary?.failures.some((failed) => failed.code === 'archive-too-deep')).toBe(true)
    // A truncated PDF is repaired where MuPDF can, and says so; otherwise it is refused: never a thrown error.
    const truncated = made.find((document) => document.name === 'truncated.pdf')
    expect(truncated?.status === 'failed' || truncated?.notes.some((note) => /repaired|damaged/u.test(note))).toBe(true)
    // Every message says what to do, and none repeats a file's content.
    for (const failed of job.summary?.failures ?? []) {
      expect(failed.message.length).toBeGreaterThan(20)
      expect(failed.message).not.toMatch(/07700|SW1A/u)
    }
    // The good files on either side were read, the text named .pdf as text, with a note.
    const read = (name: string) => made.find((document) => document.name === name && document.status === 'read')
    expect(read('good-before.txt')).toBeDefined()
    expect(read('good-after.txt')).toBeDefined()
    expect(read('really-text.pdf')?.kind).toBe('text')
    expect(read('really-text.pdf')?.notes.join(' ')).toMatch(/named \.pdf/u)
    expect(read('hostile.zip')).toBeDefined()
    // Nothing stored before the batch was lost.
    const after = await documents.searchDocuments(officer, reference, { limit: 1000 })
    const ids = new Set(after.ok ? after.value.map((hit) => hit.document.id) : [])
    for (const hit of before.ok ? before.value : []) expect(ids.has(hit.document.id)).toBe(true)
  }, 120_000)
})
