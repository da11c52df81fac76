import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../../test/app.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import {
  addOrganisation,
  addTokenHolder,
  bearer,
  bodyOf,
  logCase,
  messageFor,
  namedIn,
  problemOf,
  type TokenHolder,
} from './api.test-support.ts'

// The limit is 1 MB here, so that a file over it is small enough to send in a test.
const testApp = useTestApp({ env: { DISCLOSE_MAX_UPLOAD_MB: '1', DISCLOSE_OCR: 'false' } })
const api = () => request(testApp().app)

const PROBLEM = /^application\/problem\+json/

interface JobBody {
  readonly id: string
  readonly state: string
  readonly done: number
  readonly total: number
  readonly summary: {
    readonly documents: number
    readonly findingsByType: Record<string, number>
    readonly failures: readonly { name: string; code: string; message: string }[]
  } | null
}

interface DocumentBody {
  readonly id: string
  readonly name: string
  readonly custodian: string | null
  readonly status: string
  readonly scope: string
  readonly emailFrom: string | null
  readonly organisationId?: string
  readonly fingerprint?: string
  readonly _links: Record<string, { href: string }>
}

interface HitBody {
  readonly document: DocumentBody
  readonly snippet: string | null
  readonly highlights: readonly { start: number; end: number }[]
}

interface FindingBody {
  readonly id: string
  readonly documentId: string
  readonly type: string
  readonly text: string
  readonly status: string
  readonly decidedHow: string | null
}

interface DetailBody {
  readonly document: DocumentBody
  readonly pages: readonly Record<string, unknown>[]
  readonly findings: readonly FindingBody[]
  readonly children: readonly DocumentBody[]
  readonly text?: string
}

const NOTE = 'Please ring Sam Testperson about the bridge repairs: sam.testperson@example.com or 07700 900123.'
const EMAIL = [
  'From: Alex Colleague <alex.colleague@example.gov.uk>',
  'To: Sam Officer <sam.officer@example.gov.uk>',
  'Subject: Bridge repairs',
  'Date: Tue, 05 Mar 2024 10:30:00 +0000',
  'Message-ID: <bridge-1@example.gov.uk>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'The bridge inspection report is attached as promised.',
  '',
].join('\r\n')

let organisation: Organisation
let officer: TokenHolder
let auditor: TokenHolder
let reference: string
let otherReference: string

beforeAll(async () => {
  const { deps } = testApp()
  organisation = await addOrganisation(deps)
  officer = await addTokenHolder(deps, organisation, ['officer'])
  auditor = await addTokenHolder(deps, organisation, ['auditor'])
  reference = await logCase(deps, organisation, { requestText: 'All correspondence about the bridge repairs.' })
  otherReference = await logCase(deps, organisation, { requestText: 'Another request.' })
})

/** Runs the job as the worker would, and reads it back through the API. */
const finish = async (jobId: string): Promise<JobBody> => {
  await testApp().deps.jobs.runNow(jobId)
  const response = await api().get(`/api/v1/jobs/${jobId}`).set(bearer(officer))
  expect(response.status).toBe(200)
  return bodyOf<JobBody>(response)
}

const documentsOf = async (ref: string, query = ''): Promise<HitBody[]> => {
  const response = await api().get(`/api/v1/cases/${ref}/documents${query}`).set(bearer(officer))
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return bodyOf<{ items: HitBody[] }>(response).items
}

describe('adding documents', () => {
  it('takes files as multipart/form-data, answers 202 with the job, and reads them', async () => {
    const response = await api()
      .post(`/api/v1/cases/${reference}/documents`)
      .set(bearer(officer))
      .field('custodian', 'Sam Officer')
      .attach('files', Buffer.from(NOTE), 'note.txt')
      .attach('files', Buffer.from(EMAIL), 'bridge.eml')
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const queued = bodyOf<JobBody>(response)
    expect(response.headers['location']).toBe(`/api/v1/jobs/${queued.id}`)
    expect(queued).toMatchObject({ state: 'queued', done: 0, total: 2 })

    const job = await finish(queued.id)
    expect(job).toMatchObject({ state: 'finished', done: 2, total: 2 })
    expect(job.summary?.documents).toBe(2)
    expect(job.summary?.findingsByType['email']).toBeGreaterThanOrEqual(1)
    const documents = await documentsOf(reference)
    expect(documents.map((hit) => [hit.document.name, hit.document.custodian]).sort()).toEqual([
      ['bridge.eml', 'Sam Officer'],
      ['note.txt', 'Sam Officer'],
    ])
    expect(documents[0]?.document).not.toHaveProperty('organisationId')
    expect(documents[0]?.document).not.toHaveProperty('fingerprint')
  })

  it('takes one file as the raw body, named in the query string', async () => {
    const response = await api()
      .post(`/api/v1/cases/${reference}/documents?name=minutes.txt&custodian=Records%20team`)
      .set(bearer(officer))
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('Minutes of the bridge board. Present: the chair.'))
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const job = await finish(bodyOf<JobBody>(response).id)
    expect(job.summary?.documents).toBe(1)
    const minutes = (await documentsOf(reference)).find((hit) => hit.document.name === 'minutes.txt')
    expect(minutes?.document.custodian).toBe('Records team')
  })

  it('records a file over the size limit as a failure, keeps nothing of it, and reads the rest', async () => {
    const response = await api()
      .post(`/api/v1/cases/${reference}/documents`)
      .set(bearer(officer))
      .attach('files', Buffer.alloc(1024 * 1024 + 10, 'x'), 'huge.txt')
      .attach('files', Buffer.from('A short file after the large one.'), 'after.txt')
    expect(response.status).toBe(202)
    const job = await finish(bodyOf<JobBody>(response).id)
    expect(job.summary?.documents).toBe(1)
    expect(job.summary?.failures).toEqual([
      { name: 'huge.txt', code: 'too-large', message: expect.stringMatching(/larger than 1 MB/) as string },
    ])
    const names = (await documentsOf(reference)).map((hit) => hit.document.name)
    expect(names).toContain('after.txt')
    expect(names).toContain('huge.txt')
  })

  it('answers 422 to a request with no file, naming what to send, and queues nothing', async () => {
    const jobsNow = async () => {
      const listed = await testApp().deps.documents.listJobs(officer.actor, reference)
      return listed.ok ? listed.value.length : -1
    }
    const jobsBefore = await jobsNow()
    const multipart = await api()
      .post(`/api/v1/cases/${reference}/documents`)
      .set(bearer(officer))
      .field('custodian', 'Sam Officer')
    expect(multipart.status).toBe(422)
    expect(multipart.headers['content-type']).toMatch(PROBLEM)
    expect(namedIn(multipart)).toEqual(['/files'])
    const raw = await api()
      .post(`/api/v1/cases/${reference}/documents`)
      .set(bearer(officer))
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('bytes without a name'))
    expect(raw.status).toBe(422)
    expect(messageFor(raw, 'name')).toMatch(/\?name=report\.pdf/)
    expect(await jobsNow()).toBe(jobsBefore)
  })

  it('answers 400 to a multipart body without a boundary, and 422 to an unknown parameter', async () => {
    const malformed = await api()
      .post(`/api/v1/cases/${reference}/documents`)
      .set(bearer(officer))
      .set('Content-Type', 'multipart/form-data')
      .send('nothing like a form')
    expect(malformed.status).toBe(400)
    expect(problemOf(malformed).type).toBe('https://disclose.example/problems/malformed-upload')
    const unknown = await api().post(`/api/v1/cases/${reference}/documents?nmae=a.txt`).set(bearer(officer)).send('x')
    expect(unknown.status).toBe(422)
    expect(namedIn(unknown)).toEqual(['nmae'])
  })

  it('refuses an auditor (403) and a case elsewhere (404)', async () => {
    const refused = await api()
      .post(`/api/v1/cases/${reference}/documents`)
      .set(bearer(auditor))
      .attach('files', Buffer.from('text'), 'a.txt')
    expect(refused.status).toBe(403)
    const missing = await api()
      .post('/api/v1/cases/IC-000000-ZZZZ/documents')
      .set(bearer(officer))
      .attach('files', Buffer.from('text'), 'a.txt')
    expect(missing.status).toBe(404)
  })

  it('needs the CSRF header when signed in with the session cookie', async () => {
    const { deps } = testApp()
    const password = 'correct horse battery staple 42'
    const holder = await addTokenHolder(deps, organisation, ['officer'], password)
    const signedIn = await deps.users.signIn(holder.user.email, password)
    if (!signedIn.ok) throw new Error(signedIn.error)
    const cookie = `disclose-session=${signedIn.value.sessionToken}`
    const refused = await api()
      .post(`/api/v1/cases/${reference}/documents`)
      .set('Cookie', cookie)
      .attach('files', Buffer.from('text'), 'a.txt')
    expect(refused.status).toBe(403)
    expect(problemOf(refused).type).toBe('https://disclose.example/problems/csrf')
    const accepted = await api()
      .post(`/api/v1/cases/${reference}/documents`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', signedIn.value.csrfToken)
      .attach('files', Buffer.from('text'), 'a.txt')
    expect(accepted.status).toBe(202)
    await deps.jobs.runNow(bodyOf<JobBody>(accepted).id)
  }, 30_000)
})

describe('the documents’ addresses', () => {
  it('answer 401 without a token, and 405 with Allow to another method', async () => {
    const anonymous = await api()
      .post(`/api/v1/cases/${reference}/documents`)
      .attach('files', Buffer.from('x'), 'a.txt')
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers['content-type']).toMatch(PROBLEM)
    const wrongMethod = await api().post('/api/v1/jobs/some-job').set(bearer(officer)).send({})
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers['allow']).toBe('GET, HEAD')
    const put = await api().put(`/api/v1/cases/${reference}/documents`).set(bearer(officer)).send({})
    expect(put.status).toBe(405)
    expect(put.headers['allow']).toBe('POST, GET, HEAD')
  })
})

describe('searching and reading documents', () => {
  it('finds documents by their words, with where the words are in the passage', async () => {
    const hits = await documentsOf(reference, '?q=bridge%20repairs')
    const note = hits.find((hit) => hit.document.name === 'note.txt')
    expect(note).toBeDefined()
    const [first] = note?.highlights ?? []
    expect(note?.snippet?.slice(first?.start, first?.end).toLowerCase()).toMatch(/^(bridge|repairs)$/)
    // eslint-disable-next-line no-control-regex -- the database's highlight marks are control characters
    expect(note?.snippet).not.toMatch(/[\u0001\u0002]/)
    const bySender = await documentsOf(reference, '?sender=alex.colleague&from=2024-03-05&to=2024-03-05')
    expect(bySender.map((hit) => hit.document.name)).toEqual(['bridge.eml'])
    const page = await api().get(`/api/v1/cases/${reference}/documents?limit=1`).set(bearer(officer))
    expect(bodyOf<{ items: unknown[]; _links: { next?: { href: string } } }>(page).items).toHaveLength(1)
    expect(bodyOf<{ _links: { next?: { href: string } } }>(page)._links.next?.href).toContain('offset=1')
  })

  it('names each bad filter', async () => {
    const response = await api()
      .get(`/api/v1/cases/${reference}/documents?from=5%20March&scope=maybe&limit=0&state=open`)
      .set(bearer(officer))
    expect(response.status).toBe(422)
    expect(namedIn(response).sort()).toEqual(['from', 'limit', 'scope', 'state'])
  })

  it('reads a document with its findings; the words and the text only when asked for', async () => {
    const note = (await documentsOf(reference)).find((hit) => hit.document.name === 'note.txt')
    const plain = await api().get(`/api/v1/documents/${note?.document.id}`).set(bearer(auditor))
    expect(plain.status).toBe(200)
    const detail = bodyOf<DetailBody>(plain)
    expect(detail.document.name).toBe('note.txt')
    expect(detail.findings.map((finding) => finding.text)).toContain('sam.testperson@example.com')
    expect(detail).not.toHaveProperty('text')
    const withText = await api().get(`/api/v1/documents/${note?.document.id}?text=true&words=true`).set(bearer(officer))
    expect(bodyOf<DetailBody>(withText).text).toBe(NOTE)
    const refused = await api().get(`/api/v1/documents/${note?.document.id}?text=yes`).set(bearer(officer))
    expect(refused.status).toBe(422)
    expect((await api().get('/api/v1/documents/no-such-document').set(bearer(officer))).status).toBe(404)
  })
})

describe('reviewing findings and scope', () => {
  it('lists a case’s findings by status and type, and accepts one', async () => {
    const listed = await api().get(`/api/v1/cases/${reference}/findings?type=email&status=pending`).set(bearer(officer))
    expect(listed.status).toBe(200)
    const findings = bodyOf<{ items: FindingBody[] }>(listed).items
    const email = findings.find((finding) => finding.text === 'sam.testperson@example.com')
    expect(email?.status).toBe('pending')
    const decided = await api()
      .post(`/api/v1/findings/${email?.id}/decision`)
      .set(bearer(officer))
      .send({ decision: 'accepted', reach: 'case' })
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)
    expect(bodyOf<{ decided: number }>(decided).decided).toBeGreaterThanOrEqual(1)
    const accepted = await api().get(`/api/v1/cases/${reference}/findings?status=accepted`).set(bearer(officer))
    expect(bodyOf<{ items: FindingBody[] }>(accepted).items.map((finding) => [finding.id, finding.decidedHow])).toEqual(
      [[email?.id, 'reviewer']],
    )
  })

  it('refuses a decision that is not one, a filter that is not one, and an auditor', async () => {
    const findings = bodyOf<{ items: FindingBody[] }>(
      await api().get(`/api/v1/cases/${reference}/findings`).set(bearer(officer)),
    ).items
    const id = findings[0]?.id ?? ''
    const wrong = await api().post(`/api/v1/findings/${id}/decision`).set(bearer(officer)).send({ decision: 'maybe' })
    expect(wrong.status).toBe(422)
    expect(namedIn(wrong)).toEqual(['/decision'])
    const badType = await api().get(`/api/v1/cases/${reference}/findings?type=shoe-size`).set(bearer(officer))
    expect(badType.status).toBe(422)
    expect(namedIn(badType)).toEqual(['type'])
    const auditorDecides = await api()
      .post(`/api/v1/findings/${id}/decision`)
      .set(bearer(auditor))
      .send({ decision: 'rejected' })
    expect(auditorDecides.status).toBe(403)
  })

  it('marks documents of the case in scope, and refuses a document of another case', async () => {
    const [first] = await documentsOf(reference)
    const marked = await api()
      .post(`/api/v1/cases/${reference}/documents/scope`)
      .set(bearer(officer))
      .send({ documentIds: [first?.document.id], scope: 'in-scope' })
    expect(marked.status, JSON.stringify(marked.body)).toBe(200)
    expect(bodyOf<{ changed: number }>(marked).changed).toBe(1)
    expect((await documentsOf(reference, '?scope=in-scope')).map((hit) => hit.document.id)).toEqual([
      first?.document.id,
    ])
    const elsewhere = await api()
      .post(`/api/v1/cases/${otherReference}/documents/scope`)
      .set(bearer(officer))
      .send({ documentIds: [first?.document.id], scope: 'out-of-scope' })
    expect(elsewhere.status).toBe(404)
    const badScope = await api()
      .post(`/api/v1/cases/${reference}/documents/scope`)
      .set(bearer(officer))
      .send({ documentIds: [], scope: 'sideways' })
    expect(badScope.status).toBe(422)
    expect(namedIn(badScope).sort()).toEqual(['/documentIds', '/scope'])
  })
})
