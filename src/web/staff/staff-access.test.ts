import request from 'supertest'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { useTestApp } from '../../../test/app.ts'
import type { Role } from '../../domain/access/role.ts'
import { addOrganisation, addSignedInStaff, logTestRequest, type SignedInStaff } from './staff.test-support.ts'

// Each password hash or check is a deliberately slow scrypt, slower still on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

const testApp = useTestApp()

type Who = Role | 'public'
type Route =
  'GET /cases' | 'GET /cases/{ref}' | 'GET /cases/{ref}/documents' | 'POST /sign-out without _csrf' | 'POST /sign-out'

/**
 * What each role, and the public, gets from each staff route: written out by hand, not derived from the role table,
 * so that a change to who may do what has to change this table too. Every role reads cases (auditors read-only);
 * the public is sent to sign in; a sign-out without the session's CSRF token is refused.
 */
const EXPECTED: Readonly<Record<Who, Readonly<Record<Route, number>>>> = {
  public: {
    'GET /cases': 302,
    'GET /cases/{ref}': 302,
    'GET /cases/{ref}/documents': 302,
    'POST /sign-out without _csrf': 303,
    'POST /sign-out': 303,
  },
  officer: {
    'GET /cases': 200,
    'GET /cases/{ref}': 200,
    'GET /cases/{ref}/documents': 200,
    'POST /sign-out without _csrf': 403,
    'POST /sign-out': 303,
  },
  'applicant-blind-officer': {
    'GET /cases': 200,
    'GET /cases/{ref}': 200,
    'GET /cases/{ref}/documents': 200,
    'POST /sign-out without _csrf': 403,
    'POST /sign-out': 303,
  },
  approver: {
    'GET /cases': 200,
    'GET /cases/{ref}': 200,
    'GET /cases/{ref}/documents': 200,
    'POST /sign-out without _csrf': 403,
    'POST /sign-out': 303,
  },
  administrator: {
    'GET /cases': 200,
    'GET /cases/{ref}': 200,
    'GET /cases/{ref}/documents': 200,
    'POST /sign-out without _csrf': 403,
    'POST /sign-out': 303,
  },
  auditor: {
    'GET /cases': 200,
    'GET /cases/{ref}': 200,
    'GET /cases/{ref}/documents': 200,
    'POST /sign-out without _csrf': 403,
    'POST /sign-out': 303,
  },
}

const ROLES_TESTED: readonly Role[] = ['officer', 'applicant-blind-officer', 'approver', 'administrator', 'auditor']

let reference = ''
let otherReference = ''
const staff = new Map<Role, SignedInStaff>()
let otherOrganisationOfficer: SignedInStaff

beforeAll(async () => {
  const { deps } = testApp()
  const organisationA = await addOrganisation(deps, 'Authority A')
  const organisationB = await addOrganisation(deps, 'Authority B')
  for (const role of ROLES_TESTED) staff.set(role, await addSignedInStaff(deps, organisationA, [role]))
  otherOrganisationOfficer = await addSignedInStaff(deps, organisationB, ['officer'])
  const today = deps.clock.today()
  reference = await logTestRequest(deps, organisationA, { receivedOn: today, requestText: 'Authority A’s request' })
  otherReference = await logTestRequest(deps, organisationB, { receivedOn: today, requestText: 'B’s request' })
}, 120_000)

/** Sends the route as the person (their cookie and, for a sign-out with a token, their `_csrf`); returns the status. */
const send = async (route: Route, who: SignedInStaff | undefined): Promise<request.Response> => {
  const app = testApp().app
  const withCookie = (test: request.Test) => (who === undefined ? test : test.set('Cookie', who.cookie))
  switch (route) {
    case 'GET /cases':
      return withCookie(request(app).get('/cases'))
    case 'GET /cases/{ref}':
      return withCookie(request(app).get(`/cases/${reference}`))
    case 'GET /cases/{ref}/documents':
      return withCookie(request(app).get(`/cases/${reference}/documents`))
    case 'POST /sign-out without _csrf':
      return withCookie(request(app).post('/sign-out')).type('form').send({})
    case 'POST /sign-out':
      return withCookie(request(app).post('/sign-out'))
        .type('form')
        .send(who === undefined ? {} : { _csrf: who.csrfToken })
  }
}

// Signing out last: it ends the session the other routes need.
const ROUTES: readonly Route[] = [
  'GET /cases',
  'GET /cases/{ref}',
  'GET /cases/{ref}/documents',
  'POST /sign-out without _csrf',
  'POST /sign-out',
]

describe('who may use the staff pages', () => {
  it.each(Object.keys(EXPECTED) as Who[])('gives %s the statuses in the table', async (who) => {
    const person = who === 'public' ? undefined : staff.get(who)
    if (who !== 'public' && person === undefined) throw new Error(`no user for ${who}`)
    const statuses: Partial<Record<Route, number>> = {}
    for (const route of ROUTES) statuses[route] = (await send(route, person)).status
    expect(statuses).toEqual(EXPECTED[who])
  })

  it('sends the public to sign in, to come back to the page they asked for', async () => {
    const response = await send('GET /cases/{ref}', undefined)
    expect(response.headers['location']).toBe(`/sign-in?next=${encodeURIComponent(`/cases/${reference}`)}`)
  })

  it('never lists another organisation’s case, and answers 404 for it', async () => {
    const app = testApp().app
    const list = await request(app).get('/cases?show=all-open').set('Cookie', otherOrganisationOfficer.cookie)
    expect(list.status).toBe(200)
    expect(list.text).toContain(otherReference)
    expect(list.text).not.toContain(reference)
    const page = await request(app).get(`/cases/${reference}`).set('Cookie', otherOrganisationOfficer.cookie)
    expect(page.status).toBe(404)
    expect(page.text).not.toContain('Authority A’s request')
    const documents = await request(app)
      .get(`/cases/${reference}/documents`)
      .set('Cookie', otherOrganisationOfficer.cookie)
    expect(documents.status).toBe(404)
  })

  it('refuses any staff form sent without the CSRF token before it reaches a route', async () => {
    const app = testApp().app
    const withoutToken = await request(app)
      .post('/cases')
      .set('Cookie', otherOrganisationOfficer.cookie)
      .type('form')
      .send({ anything: 'x' })
    expect(withoutToken.status).toBe(403)
    const withToken = await request(app)
      .post('/cases')
      .set('Cookie', otherOrganisationOfficer.cookie)
      .type('form')
      .send({ _csrf: otherOrganisationOfficer.csrfToken })
    expect(withToken.status).toBe(404)
    const publicPost = await request(app).post('/cases').type('form').send({})
    expect(publicPost.status).toBe(303)
    expect(publicPost.headers['location']).toBe('/sign-in')
  })
})
