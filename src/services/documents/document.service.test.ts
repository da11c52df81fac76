import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createDocumentReader } from '../../documents/read-document.ts'
import { DEFAULT_READ_LIMITS } from '../../documents/reading/document-reading.ts'
import { createJobRunner, type JobRunner } from '../../jobs/job-runner.ts'
import { createLogger } from '../../logger.ts'
import { createLocalFileStore } from '../../storage/local-file-store.ts'
import { describeEachDialect, useTestDatabase } from '../../../test/database.ts'
import { PERSON, personalDataPdf } from '../../../test/fixtures/documents/pdfs.ts'
import { addTestActor, addTestOrganisation, buildTestServices, type TestServices } from '../../../test/services.ts'
import type { Actor } from '../actor.ts'
import { createDocumentService, type DocumentService, type Upload } from './document.service.ts'
import { createDocumentIngestion } from './ingest-documents.ts'

const logger = createLogger({ logLevel: 'silent' }, 'stderr')

const upload = (name: string, content: string | Uint8Array, custodian?: string): Upload => ({
  name,
  content: Readable.from([typeof content === 'string' ? Buffer.from(content) : Buffer.from(content)]),
  ...(custodian === undefined ? {} : { custodian }),
})

/** A synthetic letter of about 200 words, the same but for its date and one word. */
const letter = (date: string, word: string): string =>
  [
    `Dated ${date}`,
    'Dear Ms Testperson,',
    `Thank you for your request for information about the ${word} maintenance contract for the civic centre.`,
    ...Array.from(
      { length: 12 },
      (_, index) =>
        `Paragraph ${index + 1}: the council holds records of the tendering exercise, the evaluation scores, the minutes of the contract board and the correspondence with bidders during the procurement period.`,
    ),
    'Yours sincerely, Information Access Team',
  ].join('\n')

const email = (fields: {
  id: string
  subject: string
  from: string
  to: string
  date: string
  body: string
  inReplyTo?: string
}): string =>
  [
    `From: ${fields.from}`,
    `To: ${fields.to}`,
    `Subject: ${fields.subject}`,
    `Date: ${fields.date}`,
    `Message-ID: <${fields.id}>`,
    ...(fields.inReplyTo === undefined
      ? []
      : [`In-Reply-To: <${fields.inReplyTo}>`, `References: <${fields.inReplyTo}>`]),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    fields.body,
    '',
  ].join('\r\n')

const FIRST = email({
  id: 'one@example.org',
  subject: 'Parking permits data',
  from: 'Sam Officer <sam.officer@example.gov.uk>',
  to: 'Alex Colleague <alex.colleague@example.gov.uk>',
  date: 'Mon, 04 Mar 2024 09:00:00 +0000',
  body: 'Can you send me the permit figures for the request? Call me on 07700 900456.',
})
const REPLY = email({
  id: 'two@example.org',
  subject: 'RE: Parking permits data',
  from: 'Alex Colleague <alex.colleague@example.gov.uk>',
  to: 'Sam Officer <sam.officer@example.gov.uk>',
  date: 'Tue, 05 Mar 2024 10:30:00 +0000',
  inReplyTo: 'one@example.org',
  body: 'Figures attached as promised.\n\n> Can you send me the permit figures for the request? Call me on 07700 900456.',
})

describeEachDialect('documents: adding, reading, searching and reviewing', (dialect) => {
  const database = useTestDatabase(dialect)
  let services: TestServices
  let documents: DocumentService
  let runner: JobRunner
  let officer: Actor
  let otherOrganisation: Actor
  let reference: string
  let fileRoot: string

  beforeAll(async () => {
    services = buildTestServices(database())
    fileRoot = await mkdtemp(join(tmpdir(), 'disclose-documents-'))
    const files = createLocalFileStore(fileRoot)
    const read = createDocumentReader({ limits: { ...DEFAULT_READ_LIMITS, ocr: false } })
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
      maxUploadBytes: 64 * 1024,
    })
    const organisation = await addTestOrganisation(services)
    officer = await addTestActor(services, organisation, ['officer'])
    otherOrganisation = await addTestActor(services, await addTestOrganisation(services), ['officer'])
    const logged = await services.cases.logRequest(officer, {
      regime: 'foia',
      receivedOn: '2024-03-01',
      channel: 'email',
      requestText: 'All correspondence about parking permits.',
      requester: { name: 'Jordan Requester', email: 'jordan.requester@example.net', type: 'journalist' },
    })
    if (!logged.ok) throw new Error(JSON.stringify(logged.error))
    reference = logged.value.case.reference
  }, 60_000)

  afterAll(async () => {
    await rm(fileRoot, { recursive: true, force: true })
  })

  const ingest = async (uploads: Upload[]) => {
    const queued = await documents.addDocuments(officer, reference, uploads)
    if (!queued.ok) throw new Error(JSON.stringify(queued.error))
    const progress: number[] = []
    const job = await runner.runNow(queued.value.id, (step) => progress.push(step.done))
    if (job?.summary === null || job === undefined) throw new Error('The job did not run')
    return { job, progress }
  }

  it('reads every file, records the one that cannot be read, and carries on', async () => {
    const pdf = await personalDataPdf()
    const { job, progress } = await ingest([
      upload('letter-draft.txt', letter('1 March 2024', 'cleaning'), 'Sam Officer'),
      upload('letter-final.txt', letter('8 March 2024', 'catering'), 'Sam Officer'),
      upload('copy-of-final.txt', letter('8 March 2024', 'catering'), 'Alex Colleague'),
      upload('first.eml', FIRST),
      upload('reply.eml', REPLY),
      upload('empty.pdf', ''),
      upload('contact.pdf', pdf),
      upload('../../etc/passwd\u202e.txt', 'Nothing personal here at all.'),
    ])
    expect(job.state).toBe('finished')
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    const summary = job.summary
    expect(summary?.documents).toBe(7)
    expect(summary?.exactDuplicates).toBe(1)
    expect(summary?.nearDuplicateGroups).toBe(1)
    expect(summary?.threads).toBe(1)
    expect(summary?.failures).toEqual([{ name: 'empty.pdf', code: 'empty', message: expect.any(String) as string }])
    expect(summary?.findingsByType.email).toBeGreaterThanOrEqual(1)
    expect(summary?.findingsByType.phone).toBeGreaterThanOrEqual(1)

    const listed = await documents.searchDocuments(officer, reference)
    if (!listed.ok) throw new Error('not listed')
    const byName = new Map(listed.value.map((hit) => [hit.document.name, hit.document]))
    expect([...byName.keys()].sort()).toEqual(
      [
        'contact.pdf',
        'copy-of-final.txt',
        'empty.pdf',
        'first.eml',
        'letter-draft.txt',
        'letter-final.txt',
        'passwd.txt',
        'reply.eml',
      ].sort(),
    )
    expect(byName.get('copy-of-final.txt')?.duplicateOf).toBe(byName.get('letter-final.txt')?.id)
    expect(byName.get('copy-of-final.txt')?.custodian).toBe('Alex Colleague')
    const draft = byName.get('letter-draft.txt')
    const final = byName.get('letter-final.txt')
    const grouped = [draft, final].filter((document) => document?.nearDuplicateOf !== null)
    expect(grouped).toHaveLength(1)
    expect(grouped[0]?.similarity).toBeGreaterThan(0.7)
    expect(byName.get('reply.eml')?.threadRole).toBe('most-inclusive')
    expect(byName.get('first.eml')?.threadRole).toBe('covered')
    expect(byName.get('first.eml')?.threadId).toBe(byName.get('reply.eml')?.threadId)
    expect(byName.get('reply.eml')?.emailFrom).toContain('alex.colleague@example.gov.uk')
    expect(byName.get('reply.eml')?.documentDate?.slice(0, 10)).toBe('2024-03-05')
    expect(byName.get('empty.pdf')?.status).toBe('failed')
    expect(byName.get('empty.pdf')?.problem?.code).toBe('empty')
  })

  it('finds the personal data in a PDF with its page and where it is on the page', async () => {
    const listed = await documents.searchDocuments(officer, reference)
    const pdf = listed.ok ? listed.value.find((hit) => hit.document.name === 'contact.pdf') : undefined
    expect(pdf?.document.pageCount).toBe(1)
    const detail = await documents.getDocument(officer, pdf?.document.id ?? '')
    if (!detail.ok) throw new Error('no detail')
    const found = detail.value.findings.find((finding) => finding.text === PERSON.email)
    expect(found?.type).toBe('email')
    expect(found?.page).toBe(1)
    const [box] = found?.boxes ?? []
    const page = detail.value.pages[0]
    expect(box?.width).toBeGreaterThan(0)
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= (page?.width ?? 0)).toBe(true)
    expect(detail.value.text.slice(found?.start, found?.end)).toBe(PERSON.email)
    expect(page?.words.some((word) => word.text.includes('priya.testperson'))).toBe(true)
  })

  it('searches the text by words, a phrase, the sender and the dates', async () => {
    const words = await documents.searchDocuments(officer, reference, { text: 'permit figures' })
    const names = (result: typeof words) => (result.ok ? result.value.map((hit) => hit.document.name).sort() : [])
    expect(names(words)).toEqual(['first.eml', 'reply.eml'])
    // eslint-disable-next-line no-control-regex -- the snippet's highlight marks are control characters
    expect(words.ok && words.value[0]?.snippet).toMatch(/\u0001(permit|figures)\u0002/iu)
    expect(names(await documents.searchDocuments(officer, reference, { text: '"figures attached"' }))).toEqual([
      'reply.eml',
    ])
    expect(names(await documents.searchDocuments(officer, reference, { text: '"attached figures"' }))).toEqual([])
    expect(names(await documents.searchDocuments(officer, reference, { text: 'permit -attached' }))).toEqual([
      'first.eml',
    ])
    expect(names(await documents.searchDocuments(officer, reference, { text: 'catering OR cleaning' }))).toEqual([
      'letter-draft.txt',
      'letter-final.txt',
    ])
    expect(
      names(await documents.searchDocuments(officer, reference, { text: 'permit', sender: 'Alex Colleague' })),
    ).toEqual(['reply.eml'])
    expect(
      names(await documents.searchDocuments(officer, reference, { sender: 'sam.officer', from: '2024-03-04' })),
    ).toEqual(['first.eml'])
    expect(
      names(await documents.searchDocuments(officer, reference, { from: '2024-03-05', to: '2024-03-05' })),
    ).toEqual(['reply.eml'])
    // Search syntax typed by accident is read as words, never as the engine's own syntax.
    const hostile = await documents.searchDocuments(officer, reference, { text: 'NEAR(" permit * : )' })
    expect(hostile.ok).toBe(true)
    const badDate = await documents.searchDocuments(officer, reference, { from: '5 March' })
    expect(!badDate.ok && badDate.error.kind).toBe('invalid')
  })

  it('keeps another organisation out of the documents and the jobs', async () => {
    const listed = await documents.searchDocuments(officer, reference)
    const id = listed.ok ? (listed.value[0]?.document.id ?? '') : ''
    const seen = await documents.getDocument(otherOrganisation, id)
    expect(!seen.ok && seen.error.kind).toBe('not-found')
    const search = await documents.searchDocuments(otherOrganisation, reference, { text: 'permit' })
    expect(!search.ok && search.error.kind).toBe('not-found')
    const jobs = await documents.listJobs(officer, reference)
    const job = jobs.ok ? jobs.value[0] : undefined
    const other = await documents.getJob(otherOrganisation, job?.id ?? '')
    expect(!other.ok && other.error.kind).toBe('not-found')
  })

  it('applies a reviewer’s decision to the same text in the thread and in near-duplicates', async () => {
    const findings = await documents.listFindings(officer, reference, { type: 'phone' })
    if (!findings.ok) throw new Error('no findings')
    const phones = findings.value.filter((finding) => finding.textKey === '07700900456')
    expect(phones.length).toBe(2)
    const [first] = phones
    const decided = await documents.decideFinding(officer, first?.id ?? '', 'accepted')
    expect(decided.ok && decided.value.decided).toBe(2)
    const after = await documents.listFindings(officer, reference, { type: 'phone', status: 'accepted' })
    const how = after.ok
      ? after.value
          .filter((f) => f.textKey === '07700900456')
          .map((f) => f.decidedHow)
          .sort()
      : []
    expect(how).toEqual(['duplicate', 'reviewer'])
    const wrong = await documents.decideFinding(officer, first?.id ?? '', 'maybe')
    expect(!wrong.ok && wrong.error.kind).toBe('invalid')
  })

  it('remembers a decision for the case and applies it to documents added later', async () => {
    const emails = await documents.listFindings(officer, reference, { type: 'email' })
    const priya = emails.ok ? emails.value.find((finding) => finding.text === PERSON.email) : undefined
    expect(priya).toBeDefined()
    const decided = await documents.decideFinding(officer, priya?.id ?? '', 'rejected', 'case')
    expect(decided.ok).toBe(true)
    const { job } = await ingest([upload('note.txt', `Please copy ${PERSON.email.toUpperCase()} into the reply.`)])
    expect(job.summary?.findingsByType.email).toBe(1)
    const later = await documents.listFindings(officer, reference, { type: 'email', status: 'rejected' })
    const remembered = later.ok ? later.value.filter((finding) => finding.decidedHow === 'case') : []
    expect(remembered.map((finding) => finding.text)).toContain(PERSON.email.toUpperCase())
  })

  it('refuses a file over the size limit, keeps nothing of it, and reads the others', async () => {
    const filesIn = async () =>
      (await readdir(fileRoot, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length
    const before = await filesIn()
    const { job } = await ingest([
      upload('huge.txt', 'x'.repeat(65 * 1024)),
      upload('small.txt', 'Ring 020 7946 0123 about the permits.'),
    ])
    expect(job.summary?.documents).toBe(1)
    expect(job.summary?.failures.map((failure) => [failure.name, failure.code])).toEqual([['huge.txt', 'too-large']])
    expect(job.summary?.failures[0]?.message).toMatch(/larger than .* Split it/u)
    // One new file, small.txt: nothing of the refused one, not even a partial file.
    expect((await filesIn()) - before).toBe(1)
  })

  it('resumes a job that stopped part-way without reading a file twice', async () => {
    const queued = await documents.addDocuments(officer, reference, [
      upload('resume-1.txt', 'First file about permits.'),
      upload('resume-2.txt', 'Second file about permits.'),
    ])
    if (!queued.ok) throw new Error('not queued')
    // The first run is stopped after the first file, as a crash would stop it.
    await services.store.transaction((repositories) => repositories.jobs.claim(queued.value.id, services.clock.now()))
    const ingestion = createDocumentIngestion({
      store: services.store,
      files: createLocalFileStore(fileRoot),
      clock: services.clock,
      read: createDocumentReader({ limits: { ...DEFAULT_READ_LIMITS, ocr: false } }),
      logger,
    })
    const claimed = await services.store.read.jobs.get(queued.value.id)
    await expect(
      ingestion.run(claimed ?? queued.value, (step) => {
        if (step.done === 1) throw new Error('stopped')
      }),
    ).rejects.toThrow('stopped')
    await services.store.transaction((repositories) => repositories.jobs.requeueAbandoned())
    const job = await runner.runNow(queued.value.id)
    expect(job?.state).toBe('finished')
    // The summary carries on from what was counted before the stop.
    expect(job?.summary?.documents).toBe(2)
    const listed = await documents.searchDocuments(officer, reference, { text: 'permits' })
    const names = listed.ok ? listed.value.map((hit) => hit.document.name).filter((n) => n.startsWith('resume')) : []
    expect(names.sort()).toEqual(['resume-1.txt', 'resume-2.txt'])
  })

  it('counts a case’s documents, failures and findings to review', async () => {
    const counted = await documents.countDocuments(officer, reference)
    if (!counted.ok) throw new Error('not counted')
    const listed = await documents.searchDocuments(officer, reference, { limit: 1000 })
    const pending = await documents.listFindings(officer, reference, { status: 'pending' })
    expect(counted.value.documents).toBe(listed.ok ? listed.value.length : -1)
    expect(counted.value.failed).toBe(
      listed.ok ? listed.value.filter((hit) => hit.document.status === 'failed').length : -1,
    )
    expect(counted.value.toReview).toBe(pending.ok ? pending.value.length : -1)
    expect(counted.value.jobsUnderWay).toBe(0)
    const elsewhere = await documents.countDocuments(otherOrganisation, reference)
    expect(!elsewhere.ok && elsewhere.error.kind).toBe('not-found')
  })

  it('marks documents of a case in scope, and refuses a document that is not the case’s', async () => {
    const listed = await documents.searchDocuments(officer, reference)
    const id = listed.ok ? (listed.value[0]?.document.id ?? '') : ''
    const marked = await documents.setScopeInCase(officer, reference, [id, id], 'in-scope')
    expect(marked.ok && marked.value.changed).toBe(1)
    const other = await services.cases.logRequest(officer, {
      receivedOn: '2024-03-02',
      requestText: 'Another request.',
    })
    if (!other.ok) throw new Error('not logged')
    const wrongCase = await documents.setScopeInCase(officer, other.value.case.reference, [id], 'out-of-scope')
    expect(!wrongCase.ok && wrongCase.error.kind).toBe('not-found')
    const detail = await documents.getDocument(officer, id)
    expect(detail.ok && detail.value.document.scope).toBe('in-scope')
  })

  it('refuses a role that cannot change cases', async () => {
    const auditor = await addTestActor(
      services,
      (await services.store.read.organisations.findById(officer.organisationId)) ??
        (() => {
          throw new Error('no organisation')
        })(),
      ['auditor'],
    )
    const refused = await documents.addDocuments(auditor, reference, [upload('a.txt', 'text')])
    expect(!refused.ok && refused.error.kind).toBe('forbidden')
    const read = await documents.searchDocuments(auditor, reference, { text: 'permit' })
    expect(read.ok).toBe(true)
  })
})
