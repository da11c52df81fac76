import { Readable } from 'node:stream'
import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../../test/app.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import { commandLineActor } from '../../services/actor.ts'
import {
  addOrganisation,
  addTokenHolder,
  bearer,
  bodyOf,
  logCase,
  referencesIn,
  versionOf,
  writtenFor,
  type TokenHolder,
  type UserBody,
} from './api.test-support.ts'

const testApp = useTestApp()
const api = () => request(testApp().app)

let councilA: Organisation
let councilB: Organisation
let officerA: TokenHolder
let administratorB: TokenHolder
let reference: string
/** Council A's job, document and finding. */
const documents = { jobId: '', documentId: '', findingId: '' }

beforeAll(async () => {
  const { deps } = testApp()
  councilA = await addOrganisation(deps)
  councilB = await addOrganisation(deps)
  officerA = await addTokenHolder(deps, councilA, ['officer'])
  administratorB = await addTokenHolder(deps, councilB, ['administrator'])
  reference = await logCase(deps, councilA, { requestText: 'Gritting routes for the winter of 2024' })
  await logCase(deps, councilB, { requestText: 'Gritting routes for the winter of 2025' })
  const added = await deps.documents.addDocuments(commandLineActor(councilA.id), reference, [
    { name: 'gritting.txt', content: Readable.from([Buffer.from('Gritting plan: ask pat.testperson@example.com.')]) },
  ])
  if (!added.ok) throw new Error(JSON.stringify(added.error))
  await deps.jobs.runNow(added.value.id)
  const found = await deps.documents.listFindings(commandLineActor(councilA.id), reference)
  if (!found.ok || found.value[0] === undefined) throw new Error('The document’s finding was not found')
  documents.jobId = added.value.id
  documents.documentId = found.value[0].documentId
  documents.findingId = found.value[0].id
})

describe('one organisation’s cases are invisible to another', () => {
  it('answers 404 to every read of a case in another organisation', async () => {
    for (const path of [
      '',
      '/events',
      '/export',
      '/check',
      '/letters/acknowledgement',
      '/letters/acknowledgement?format=pdf',
      '/documents',
      '/documents?q=gritting',
      '/findings',
    ]) {
      const response = await api().get(`/api/v1/cases/${reference}${path}`).set(bearer(administratorB))
      expect(response.status, path).toBe(404)
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    }
    expect((await api().get(`/api/v1/cases/${reference}`).set(bearer(officerA))).status).toBe(200)
  })

  it('answers 404 to every read of another organisation’s job, document or finding', async () => {
    for (const path of [`/jobs/${documents.jobId}`, `/documents/${documents.documentId}?text=true`]) {
      const response = await api().get(`/api/v1${path}`).set(bearer(administratorB))
      expect(response.status, path).toBe(404)
      expect(JSON.stringify(response.body)).not.toContain('pat.testperson')
      expect((await api().get(`/api/v1${path}`).set(bearer(officerA))).status, path).toBe(200)
    }
  })

  it('answers 404 to every change of a case in another organisation, and changes nothing', async () => {
    const before = await writtenFor(testApp().deps, councilA)
    const changes = [
      api().patch(`/api/v1/cases/${reference}`).set(bearer(administratorB)).send({ team: 'B', version: 1 }),
      api().put(`/api/v1/cases/${reference}/parts`).set(bearer(administratorB)).send({ parts: [], version: 1 }),
      api().put(`/api/v1/cases/${reference}/links`).set(bearer(administratorB)).send({ links: [], version: 1 }),
      api()
        .post(`/api/v1/cases/${reference}/regime`)
        .set(bearer(administratorB))
        .send({ regime: 'eir', reason: 'x', version: 1 }),
      api()
        .post(`/api/v1/cases/${reference}/transitions`)
        .set(bearer(administratorB))
        .send({ action: 'withdraw', version: 1 }),
      api().put(`/api/v1/cases/${reference}/decisions`).set(bearer(administratorB)).send({ decisions: [], version: 1 }),
      api()
        .put(`/api/v1/cases/${reference}/letters/acknowledgement`)
        .set(bearer(administratorB))
        .send({ text: '## When we will respond\n\nSoon.' }),
      api().put(`/api/v1/cases/${reference}/letters/acknowledgement`).set(bearer(administratorB)).send({ text: null }),
      api()
        .post(`/api/v1/cases/${reference}/documents`)
        .set(bearer(administratorB))
        .attach('files', Buffer.from('Planted'), 'planted.txt'),
      api()
        .post(`/api/v1/cases/${reference}/documents/scope`)
        .set(bearer(administratorB))
        .send({ documentIds: [documents.documentId], scope: 'out-of-scope' }),
      api()
        .post(`/api/v1/findings/${documents.findingId}/decision`)
        .set(bearer(administratorB))
        .send({ decision: 'rejected', reach: 'case' }),
    ]
    for (const response of await Promise.all(changes)) expect(response.status).toBe(404)
    expect(await writtenFor(testApp().deps, councilA)).toEqual(before)
    expect(await versionOf(testApp().deps, councilA, reference)).toBe(1)
    const finding = await testApp().deps.documents.listFindings(commandLineActor(councilA.id), reference)
    expect(finding.ok && finding.value.length > 0 && finding.value.every((item) => item.status === 'pending')).toBe(
      true,
    )
    const detail = await testApp().deps.documents.getDocument(commandLineActor(councilA.id), documents.documentId)
    expect(detail.ok && detail.value.document.scope).toBe('undecided')
  })

  it('never lists or finds another organisation’s cases', async () => {
    const list = await api().get('/api/v1/cases?limit=500').set(bearer(administratorB))
    expect(referencesIn(list)).toHaveLength(1)
    expect(referencesIn(list)).not.toContain(reference)
    expect(JSON.stringify(list.body)).not.toContain('winter of 2024')
    const byReference = await api().get(`/api/v1/search?q=${reference}`).set(bearer(administratorB))
    expect(referencesIn(byReference)).toEqual([])
    const byWords = await api().get('/api/v1/search?q=gritting').set(bearer(administratorB))
    expect(referencesIn(byWords)).toHaveLength(1)
    expect(referencesIn(byWords)).not.toContain(reference)
  })

  it('never lists or shows another organisation’s users', async () => {
    const list = await api().get('/api/v1/users').set(bearer(administratorB))
    expect(bodyOf<{ items: UserBody[] }>(list).items.map((user) => user.email)).not.toContain(officerA.user.email)
    const read = await api().get(`/api/v1/users/${officerA.user.id}`).set(bearer(administratorB))
    expect(read.status).toBe(404)
  })
})
