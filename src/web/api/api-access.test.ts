import { Readable } from 'node:stream'
import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../../test/app.ts'
import { PERMISSION_ROLES, ROLES, type Permission, type Role } from '../../domain/access/role.ts'
import type { CaseState } from '../../domain/case/case.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import { transitionFor, type CaseAction } from '../../domain/case/case-workflow.ts'
import { commandLineActor } from '../../services/actor.ts'
import {
  addOrganisation,
  addTokenHolder,
  bearer,
  caseOf,
  freshReference,
  importCaseIn,
  logCase,
  newRequest,
  type TokenHolder,
} from './api.test-support.ts'

/**
 * Who may do what through the API, written out by hand: each operation and the roles that get a 2xx. Every other
 * role must get 403. A second test checks this table against PERMISSION_ROLES and the workflow table, so that a
 * change to either shows up here as a failure to think about, not a silent widening of access.
 */
const O: Role = 'officer'
const B: Role = 'applicant-blind-officer'
const A: Role = 'approver'
const D: Role = 'administrator'
const U: Role = 'auditor'

const EXPECTED: Readonly<Record<string, readonly Role[]>> = {
  'list cases': [O, B, A, D, U],
  'read a case': [O, B, A, D, U],
  'search cases': [O, B, A, D, U],
  'read a case’s history': [O, B, A, D, U],
  'log a case': [O, B, A, D],
  'change a case’s details': [O, B, A, D],
  'save the parts': [O, B, A, D],
  'save the links': [O, B, A, D],
  'change the regime': [O, B, A, D],
  'save the decisions': [O, B, A, D],
  'check a case': [O, B, A, D, U],
  'read a letter': [O, B, A, D, U],
  'download a letter': [O, B, A, D, U],
  'edit a letter': [O, B, A, D],
  'discard an edit of a letter': [O, B, A, D],
  'list exemptions': [O, B, A, D, U],
  'start work': [O, B, A, D],
  'approve a response': [A, D],
  'return for changes': [A, D],
  'reopen a closed case': [D],
  'export a case': [O, A, D, U],
  'import a case': [D],
  'list users': [O, B, A, D, U],
  'read a user': [O, B, A, D, U],
  'add a user': [D],
  'add documents to a case': [O, B, A, D],
  'read a job': [O, B, A, D, U],
  'list a case’s documents': [O, B, A, D, U],
  'read a document': [O, B, A, D, U],
  'list a case’s findings': [O, B, A, D, U],
  'decide a finding': [O, B, A, D],
  'mark documents in or out of scope': [O, B, A, D],
}

/** Roles that see who asked: the rest are applicant-blind. */
const SEES_REQUESTER: readonly Role[] = [O, A, D, U]

type Rule = { readonly permission: Permission } | { readonly action: CaseAction; readonly from: CaseState }

const testApp = useTestApp()
const api = () => request(testApp().app)

let organisation: Organisation
const holders = new Map<Role, TokenHolder>()
let shared: string
/** A job, a document and a finding of the shared case, read before the tests start. */
const documents = { jobId: '', documentId: '', findingId: '' }

const holder = (role: Role): TokenHolder => {
  const found = holders.get(role)
  if (found === undefined) throw new Error(`no user with the role ${role}`)
  return found
}

beforeAll(async () => {
  const { deps } = testApp()
  organisation = await addOrganisation(deps)
  for (const role of ROLES) holders.set(role, await addTokenHolder(deps, organisation, [role]))
  shared = await logCase(deps, organisation)
  const added = await deps.documents.addDocuments(commandLineActor(organisation.id), shared, [
    { name: 'note.txt', content: Readable.from([Buffer.from('Write to jo.testperson@example.com about the lights.')]) },
  ])
  if (!added.ok) throw new Error(JSON.stringify(added.error))
  await deps.jobs.runNow(added.value.id)
  const found = await deps.documents.listFindings(commandLineActor(organisation.id), shared)
  if (!found.ok || found.value[0] === undefined) throw new Error('The document’s finding was not found')
  documents.jobId = added.value.id
  documents.documentId = found.value[0].documentId
  documents.findingId = found.value[0].id
})

interface Operation {
  readonly rule: Rule
  readonly send: (who: TokenHolder) => Promise<request.Response>
}

const fresh = () => logCase(testApp().deps, organisation)
const inState = (state: CaseState) => importCaseIn(testApp().deps, organisation, state)
const transition = async (who: TokenHolder, state: CaseState, action: CaseAction) =>
  api()
    .post(`/api/v1/cases/${await inState(state)}/transitions`)
    .set(bearer(who))
    .send({ action, version: 1 })

const OPERATIONS: Readonly<Record<keyof typeof EXPECTED, Operation>> = {
  'list cases': { rule: { permission: 'read-cases' }, send: (who) => api().get('/api/v1/cases').set(bearer(who)) },
  'read a case': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get(`/api/v1/cases/${shared}`).set(bearer(who)),
  },
  'search cases': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get('/api/v1/search?q=streetlights').set(bearer(who)),
  },
  'read a case’s history': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get(`/api/v1/cases/${shared}/events`).set(bearer(who)),
  },
  'log a case': {
    rule: { permission: 'create-cases' },
    send: (who) => api().post('/api/v1/cases').set(bearer(who)).send(newRequest()),
  },
  'change a case’s details': {
    rule: { permission: 'edit-cases' },
    send: async (who) =>
      api()
        .patch(`/api/v1/cases/${await fresh()}`)
        .set(bearer(who))
        .set('If-Match', '"1"')
        .send({ team: 'Highways' }),
  },
  'save the parts': {
    rule: { permission: 'edit-cases' },
    send: async (who) =>
      api()
        .put(`/api/v1/cases/${await fresh()}/parts`)
        .set(bearer(who))
        .send({ parts: [{ question: 'Streetlights repaired' }], version: 1 }),
  },
  'save the links': {
    rule: { permission: 'edit-cases' },
    send: async (who) =>
      api()
        .put(`/api/v1/cases/${await fresh()}/links`)
        .set(bearer(who))
        .send({ links: [{ kind: 'related', reference: 'IC-123456-A1B2' }], version: 1 }),
  },
  'change the regime': {
    rule: { permission: 'change-regime' },
    send: async (who) =>
      api()
        .post(`/api/v1/cases/${await fresh()}/regime`)
        .set(bearer(who))
        .send({ regime: 'eir', reason: 'The information is environmental', version: 1 }),
  },
  'save the decisions': {
    rule: { permission: 'edit-cases' },
    send: async (who) =>
      api()
        .put(`/api/v1/cases/${await fresh()}/decisions`)
        .set(bearer(who))
        .set('If-Match', '"1"')
        .send({ decisions: [] }),
  },
  'check a case': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get(`/api/v1/cases/${shared}/check`).set(bearer(who)),
  },
  'read a letter': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get(`/api/v1/cases/${shared}/letters/acknowledgement`).set(bearer(who)),
  },
  'download a letter': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get(`/api/v1/cases/${shared}/letters/acknowledgement?format=html`).set(bearer(who)),
  },
  'edit a letter': {
    rule: { permission: 'edit-cases' },
    send: async (who) =>
      api()
        .put(`/api/v1/cases/${await fresh()}/letters/acknowledgement`)
        .set(bearer(who))
        .send({ text: '## When we will respond\n\nWithin 20 working days.' }),
  },
  'discard an edit of a letter': {
    rule: { permission: 'edit-cases' },
    send: async (who) =>
      api()
        .put(`/api/v1/cases/${await fresh()}/letters/acknowledgement`)
        .set(bearer(who))
        .send({ text: null }),
  },
  'list exemptions': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get('/api/v1/exemptions?regime=foia').set(bearer(who)),
  },
  'start work': {
    rule: { action: 'start-work', from: 'received' },
    send: (who) => transition(who, 'received', 'start-work'),
  },
  'approve a response': {
    rule: { action: 'approve', from: 'awaiting-approval' },
    send: (who) => transition(who, 'awaiting-approval', 'approve'),
  },
  'return for changes': {
    rule: { action: 'return-for-changes', from: 'awaiting-approval' },
    send: (who) => transition(who, 'awaiting-approval', 'return-for-changes'),
  },
  'reopen a closed case': {
    rule: { action: 'reopen', from: 'closed' },
    send: (who) => transition(who, 'closed', 'reopen'),
  },
  'export a case': {
    rule: { permission: 'export-cases' },
    send: (who) => api().get(`/api/v1/cases/${shared}/export`).set(bearer(who)),
  },
  'import a case': {
    rule: { permission: 'import-cases' },
    send: (who) =>
      api()
        .post('/api/v1/cases/import')
        .set(bearer(who))
        .send({ ...newRequest(), reference: freshReference(), state: 'in-progress' }),
  },
  'list users': { rule: { permission: 'read-cases' }, send: (who) => api().get('/api/v1/users').set(bearer(who)) },
  'read a user': {
    rule: { permission: 'read-cases' },
    send: (who) =>
      api()
        .get(`/api/v1/users/${holder(D).user.id}`)
        .set(bearer(who)),
  },
  'add a user': {
    rule: { permission: 'manage-users' },
    send: (who) =>
      api()
        .post('/api/v1/users')
        .set(bearer(who))
        .send({ email: `added-by-${who.user.id}@example.org`, roles: ['officer'] }),
  },
  'add documents to a case': {
    rule: { permission: 'edit-cases' },
    send: (who) =>
      api()
        .post(`/api/v1/cases/${shared}/documents`)
        .set(bearer(who))
        .attach('files', Buffer.from('A note about the streetlights.'), 'streetlights.txt'),
  },
  'read a job': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get(`/api/v1/jobs/${documents.jobId}`).set(bearer(who)),
  },
  'list a case’s documents': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get(`/api/v1/cases/${shared}/documents?q=lights`).set(bearer(who)),
  },
  'read a document': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get(`/api/v1/documents/${documents.documentId}?text=true`).set(bearer(who)),
  },
  'list a case’s findings': {
    rule: { permission: 'read-cases' },
    send: (who) => api().get(`/api/v1/cases/${shared}/findings?status=pending`).set(bearer(who)),
  },
  'decide a finding': {
    rule: { permission: 'edit-cases' },
    send: (who) =>
      api().post(`/api/v1/findings/${documents.findingId}/decision`).set(bearer(who)).send({ decision: 'pending' }),
  },
  'mark documents in or out of scope': {
    rule: { permission: 'edit-cases' },
    send: (who) =>
      api()
        .post(`/api/v1/cases/${shared}/documents/scope`)
        .set(bearer(who))
        .send({ documentIds: [documents.documentId], scope: 'in-scope' }),
  },
}

describe('the role × operation matrix', () => {
  it('agrees with PERMISSION_ROLES and the workflow table', () => {
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      const fromTables =
        'permission' in operation.rule
          ? PERMISSION_ROLES[operation.rule.permission]
          : (transitionFor(operation.rule.action, operation.rule.from)?.roles ?? [])
      expect([...fromTables].sort(), name).toEqual([...(EXPECTED[name] ?? [])].sort())
    }
  })

  for (const [name, operation] of Object.entries(OPERATIONS)) {
    for (const role of ROLES) {
      const allowed = EXPECTED[name]?.includes(role) === true
      it(`${allowed ? 'lets' : 'does not let'} the ${role} ${name}`, async () => {
        const response = await operation.send(holder(role))
        if (allowed) {
          expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(200)
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(300)
        } else {
          expect(response.status, JSON.stringify(response.body)).toBe(403)
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
          expect(response.body).toMatchObject({ type: 'https://disclose.example/problems/forbidden', status: 403 })
        }
      })
    }
  }

  for (const role of ROLES) {
    const sees = SEES_REQUESTER.includes(role)
    it(`${sees ? 'shows' : 'hides'} who asked to the ${role}`, async () => {
      const response = await api()
        .get(`/api/v1/cases/${shared}`)
        .set(bearer(holder(role)))
      expect(response.status).toBe(200)
      const view = caseOf(response)
      if (sees) expect(view.requester?.name).toBe('A. Requester')
      else expect(view).not.toHaveProperty('requester')
      expect(view.case.requesterId === null).toBe(!sees)
    })
  }

  it('agrees with PERMISSION_ROLES about who sees requesters', () => {
    expect([...PERMISSION_ROLES['see-requester']].sort()).toEqual([...SEES_REQUESTER].sort())
  })
})
