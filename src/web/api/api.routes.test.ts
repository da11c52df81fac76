import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, useTestApp } from '../../../test/app.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import { MAX_REQUEST_TEXT_BYTES } from '../../domain/case/case.ts'
import { systemClock } from '../../services/clock.ts'
import {
  addOrganisation,
  addTokenHolder,
  bearer,
  bodyOf,
  caseOf,
  daysFromToday,
  importCaseIn,
  logCase,
  messageFor,
  namedIn,
  newRequest,
  problemOf,
  referencesIn,
  versionOf,
  writtenFor,
  type CaseEventsBody,
  type CaseListBody,
  type TokenHolder,
  type UserBody,
} from './api.test-support.ts'

const testApp = useTestApp()
const api = () => request(testApp().app)

let organisation: Organisation
let officer: TokenHolder
let secondOfficer: TokenHolder
let administrator: TokenHolder
let blind: TokenHolder
let auditor: TokenHolder

beforeAll(async () => {
  const { deps } = testApp()
  organisation = await addOrganisation(deps)
  officer = await addTokenHolder(deps, organisation, ['officer'])
  secondOfficer = await addTokenHolder(deps, organisation, ['officer'])
  administrator = await addTokenHolder(deps, organisation, ['administrator'])
  blind = await addTokenHolder(deps, organisation, ['applicant-blind-officer'])
  auditor = await addTokenHolder(deps, organisation, ['auditor'])
})

const PROBLEM = /^application\/problem\+json/

/** Runs `act` and checks that it wrote no case and no audit event. */
const writesNothing = async (act: () => Promise<void>): Promise<void> => {
  const before = await writtenFor(testApp().deps, organisation)
  await act()
  expect(await writtenFor(testApp().deps, organisation)).toEqual(before)
}

describe('authentication', () => {
  it('serves the OpenAPI document to anyone', async () => {
    const response = await api().get('/api/v1/openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(bodyOf<{ openapi: string }>(response).openapi).toBe('3.1.0')
  })

  it('answers 401 with WWW-Authenticate: Bearer when no token or session is sent', async () => {
    const response = await api().get('/api/v1/cases')
    expect(response.status).toBe(401)
    expect(response.headers['content-type']).toMatch(PROBLEM)
    expect(response.headers['www-authenticate']).toBe('Bearer realm="Disclose"')
    expect(response.body).toMatchObject({ type: 'https://disclose.example/problems/unauthenticated', status: 401 })
    expect(problemOf(response).title).not.toBe('')
    expect(problemOf(response).detail).toContain('API token')
  })

  it('answers 401 to an unknown token, saying the token is invalid', async () => {
    const response = await api().get('/api/v1/cases').set('Authorization', 'Bearer dsc_not-a-real-token')
    expect(response.status).toBe(401)
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"')
    expect(response.headers['content-type']).toMatch(PROBLEM)
  })

  it('stops accepting a token once it is revoked', async () => {
    const { deps } = testApp()
    const holder = await addTokenHolder(deps, organisation, ['officer'])
    expect((await api().get('/api/v1/cases').set(bearer(holder))).status).toBe(200)
    await deps.store.read.users.revokeApiToken(holder.tokenId, systemClock.now())
    const response = await api().get('/api/v1/cases').set(bearer(holder))
    expect(response.status).toBe(401)
    expect(response.headers['www-authenticate']).toContain('invalid_token')
  })

  it('refuses a state-changing request signed in by session cookie without the CSRF token, and accepts it with', async () => {
    const { deps } = testApp()
    const password = 'correct horse battery staple 42'
    const holder = await addTokenHolder(deps, organisation, ['officer'], password)
    const signedIn = await deps.users.signIn(holder.user.email, password)
    if (!signedIn.ok) throw new Error(signedIn.error)
    const cookie = `disclose-session=${signedIn.value.sessionToken}`

    expect((await api().get('/api/v1/cases').set('Cookie', cookie)).status).toBe(200)
    await writesNothing(async () => {
      const refused = await api().post('/api/v1/cases').set('Cookie', cookie).send(newRequest())
      expect(refused.status).toBe(403)
      expect(refused.headers['content-type']).toMatch(PROBLEM)
      expect(problemOf(refused).type).toBe('https://disclose.example/problems/csrf')
      const wrong = await api()
        .post('/api/v1/cases')
        .set('Cookie', cookie)
        .set('X-CSRF-Token', 'not-the-token')
        .send(newRequest())
      expect(wrong.status).toBe(403)
    })
    const accepted = await api()
      .post('/api/v1/cases')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', signedIn.value.csrfToken)
      .send(newRequest())
    expect(accepted.status).toBe(201)
  }, 30_000)
})

describe('problems, never HTML', () => {
  it('answers an unknown API address with a 404 problem', async () => {
    const response = await api().get('/api/v1/nothing-here').set(bearer(officer))
    expect(response.status).toBe(404)
    expect(response.headers['content-type']).toMatch(PROBLEM)
    expect(problemOf(response).type).toBe('https://disclose.example/problems/not-found')
    expect(response.text).not.toContain('<html')
  })

  it('answers a known address with the wrong method with 405 and Allow', async () => {
    const response = await api().delete('/api/v1/cases').set(bearer(officer))
    expect(response.status).toBe(405)
    expect(response.headers['allow']).toBe('GET, POST, HEAD')
    expect(response.headers['content-type']).toMatch(PROBLEM)
  })

  it('answers 404 for a case that does not exist', async () => {
    const response = await api().get('/api/v1/cases/IC-000000-A0A0').set(bearer(officer))
    expect(response.status).toBe(404)
    expect(response.body).toMatchObject({ status: 404, detail: 'There is no case IC-000000-A0A0' })
  })

  it('answers a failure inside Disclose with a 500 problem that gives nothing away', async () => {
    const failing = await buildTestApp({
      override: (deps) => ({
        ...deps,
        cases: {
          ...deps.cases,
          listCases: () => Promise.reject(new Error('disk full at /var/lib/disclose/secret-path')),
        },
      }),
    })
    try {
      const holder = await addTokenHolder(failing.deps, await addOrganisation(failing.deps), ['officer'])
      const response = await request(failing.app).get('/api/v1/cases').set(bearer(holder))
      expect(response.status).toBe(500)
      expect(response.headers['content-type']).toMatch(PROBLEM)
      expect(response.body).toMatchObject({ type: 'https://disclose.example/problems/server-error', status: 500 })
      expect(response.text).not.toMatch(/disk full|secret-path|Error:|at .*\.ts/)
    } finally {
      await failing.cleanUp()
    }
  })

  it('keeps personal answers out of caches', async () => {
    const response = await api().get('/api/v1/cases').set(bearer(officer))
    expect(response.headers['cache-control']).toBe('no-store')
  })
})

describe('logging a case', () => {
  it('answers 201 with the Location, the reference and the deadline', async () => {
    const response = await api().post('/api/v1/cases').set(bearer(officer)).send(newRequest())
    expect(response.status).toBe(201)
    const logged = caseOf(response)
    expect(logged.reference).toMatch(/^IC-\d{6}-[A-Z]\d[A-Z]\d$/)
    expect(response.headers['location']).toBe(`/api/v1/cases/${logged.reference}`)
    expect(response.headers['etag']).toBe('"1"')
    expect(logged.deadline).toMatchObject({ due: '2024-10-29', limit: '20 working days' })
    expect(logged.deadline?.explanation.length).toBeGreaterThan(0)
    expect(logged.case).toMatchObject({ state: 'received', regime: 'foia', receivedOn: '2024-10-01' })

    const read = await api()
      .get(response.headers['location'] as string)
      .set(bearer(officer))
    expect(read.status).toBe(200)
    expect(read.headers['etag']).toBe('"1"')
    expect(read.body).toMatchObject({ reference: logged.reference, version: 1 })
    expect(caseOf(read).requester?.name).toBe('A. Requester')
    expect(caseOf(read).availableActions).toContain('start-work')
  })

  const badCases: [string, Record<string, unknown>, string, RegExp][] = [
    ['an unknown regime', { regime: 'gdpr' }, '/regime', /Regime must be one of foia, eir, foisa or sar/],
    ['a date of receipt in the future', { receivedOn: daysFromToday(10) }, '/receivedOn', /today or in the past/],
    ['empty request text', { requestText: '   ' }, '/requestText', /Enter the request text/],
    ['request text over 1 MB', { requestText: 'a'.repeat(MAX_REQUEST_TEXT_BYTES + 1) }, '/requestText', /1 MB or less/],
    ['a field that is not part of a case', { colour: 'blue' }, '/colour', /Remove “colour”/],
  ]

  for (const [what, change, field, message] of badCases) {
    it(`refuses ${what} with a validation problem naming the field, and writes nothing`, async () => {
      await writesNothing(async () => {
        const response = await api().post('/api/v1/cases').set(bearer(officer)).send(newRequest(change))
        expect(response.status).toBe(422)
        expect(response.headers['content-type']).toMatch(PROBLEM)
        expect(problemOf(response).type).toBe('https://disclose.example/problems/validation')
        expect(namedIn(response)).toContain(field)
        expect(messageFor(response, field)).toMatch(message)
      })
    })
  }

  it('refuses a duplicate reference, and writes nothing', async () => {
    const existing = await logCase(testApp().deps, organisation)
    await writesNothing(async () => {
      const response = await api()
        .post('/api/v1/cases')
        .set(bearer(officer))
        .send(newRequest({ reference: existing }))
      expect(response.status).toBe(422)
      expect(messageFor(response, '/reference')).toContain('already the reference of another case')
    })
  })

  it('answers malformed JSON with a 400 problem naming the body, and writes nothing', async () => {
    await writesNothing(async () => {
      const response = await api()
        .post('/api/v1/cases')
        .set(bearer(officer))
        .set('Content-Type', 'application/json')
        .send('{"receivedOn": "2024-10-01", "requestText": ')
      expect(response.status).toBe(400)
      expect(response.headers['content-type']).toMatch(PROBLEM)
      expect(response.body).toMatchObject({
        type: 'https://disclose.example/problems/malformed-body',
        status: 400,
        errors: [{ field: '', message: 'The request body is not valid JSON' }],
      })
      expect(response.text).not.toMatch(/at .*\.js|SyntaxError/)
    })
  })

  it('answers a body over 2 MB with a 413 problem giving the limit', async () => {
    await writesNothing(async () => {
      const response = await api()
        .post('/api/v1/cases')
        .set(bearer(officer))
        .send(newRequest({ requestText: 'a'.repeat(2 * 1024 * 1024 + 10) }))
      expect(response.status).toBe(413)
      expect(response.headers['content-type']).toMatch(PROBLEM)
      expect(response.body).toMatchObject({ status: 413, limit: 2 * 1024 * 1024 })
      expect(problemOf(response).detail).toContain('2 MB')
    })
  })

  it('answers a body that is not JSON with 415', async () => {
    await writesNothing(async () => {
      const response = await api()
        .post('/api/v1/cases')
        .set(bearer(officer))
        .set('Content-Type', 'text/plain')
        .send('receivedOn=2024-10-01')
      expect(response.status).toBe(415)
      expect(response.headers['content-type']).toMatch(PROBLEM)
    })
  })

  it('answers a JSON array or no body at all with a validation problem', async () => {
    await writesNothing(async () => {
      const array = await api().post('/api/v1/cases').set(bearer(officer)).send([newRequest()])
      expect(array.status).toBe(422)
      expect(problemOf(array).errors).toEqual([{ field: '', message: 'Send a JSON object' }])
      const empty = await api().post('/api/v1/cases').set(bearer(officer))
      expect(empty.status).toBe(422)
      expect(namedIn(empty)).toEqual([''])
      expect(messageFor(empty, '')).toContain('Send a JSON body')
    })
  })

  it('does not let an applicant-blind officer see who asked', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const response = await api().get(`/api/v1/cases/${reference}`).set(bearer(blind))
    expect(response.status).toBe(200)
    expect(response.body).not.toHaveProperty('requester')
    expect(caseOf(response).case.requesterId).toBeNull()
    expect(response.text).not.toContain('requester@example.com')
  })
})

describe('changing a case', () => {
  it('changes the details with If-Match, and sends the new ETag', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const response = await api()
      .patch(`/api/v1/cases/${reference}`)
      .set(bearer(officer))
      .set('If-Match', '"1"')
      .send({ team: 'Highways' })
    expect(response.status).toBe(200)
    expect(response.headers['etag']).toBe('"2"')
    expect(caseOf(response).case['team']).toBe('Highways')
  })

  it('accepts the version in the body instead of If-Match', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const response = await api()
      .patch(`/api/v1/cases/${reference}`)
      .set(bearer(officer))
      .send({ team: 'Highways', version: 1 })
    expect(response.status).toBe(200)
    expect(caseOf(response).version).toBe(2)
  })

  it('answers 428 when neither If-Match nor a version is sent, and changes nothing', async () => {
    const reference = await logCase(testApp().deps, organisation)
    await writesNothing(async () => {
      const response = await api().patch(`/api/v1/cases/${reference}`).set(bearer(officer)).send({ team: 'Highways' })
      expect(response.status).toBe(428)
      expect(response.headers['content-type']).toMatch(PROBLEM)
      expect(problemOf(response).detail).toContain('If-Match')
    })
    expect(await versionOf(testApp().deps, organisation, reference)).toBe(1)
  })

  it('refuses an If-Match that is not a version, naming the header', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const response = await api()
      .patch(`/api/v1/cases/${reference}`)
      .set(bearer(officer))
      .set('If-Match', '*')
      .send({ team: 'Highways' })
    expect(response.status).toBe(422)
    expect(namedIn(response)).toEqual(['If-Match'])
    expect(messageFor(response, 'If-Match')).toContain('"3"')
  })

  it('tells the second of two officers saving the same version what changed and by whom, and keeps the first', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const first = await api()
      .patch(`/api/v1/cases/${reference}`)
      .set(bearer(officer))
      .set('If-Match', '"1"')
      .send({ requestText: 'The number of streetlights repaired in 2023 and 2024, by ward.' })
    expect(first.status).toBe(200)
    await writesNothing(async () => {
      const second = await api()
        .patch(`/api/v1/cases/${reference}`)
        .set(bearer(secondOfficer))
        .set('If-Match', '"1"')
        .send({ requestText: 'Something else entirely.' })
      expect(second.status).toBe(409)
      expect(second.headers['content-type']).toMatch(PROBLEM)
      expect(second.body).toMatchObject({
        type: 'https://disclose.example/problems/conflict',
        status: 409,
        currentVersion: 2,
        changes: [{ version: 2, by: officer.user.email, fields: ['requestText'], action: 'case.details-updated' }],
      })
      expect(problemOf(second).detail).toContain(officer.user.email)
    })
    const read = await api().get(`/api/v1/cases/${reference}`).set(bearer(officer))
    expect(caseOf(read).case.requestText).toBe('The number of streetlights repaired in 2023 and 2024, by ward.')
  })

  it('saves the parts and the links', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const parts = await api()
      .put(`/api/v1/cases/${reference}/parts`)
      .set(bearer(officer))
      .set('If-Match', '"1"')
      .send({ parts: [{ question: 'Streetlights repaired', outcome: 'not-held' }, { question: 'By ward' }] })
    expect(parts.status).toBe(200)
    expect(caseOf(parts).case['parts']).toMatchObject([
      { position: 1, question: 'Streetlights repaired', outcome: 'not-held' },
      { position: 2, question: 'By ward', outcome: null },
    ])
    const links = await api()
      .put(`/api/v1/cases/${reference}/links`)
      .set(bearer(officer))
      .send({ links: [{ kind: 'repeat-of', reference: 'ic-111111-a1a1' }], version: 2 })
    expect(links.status).toBe(200)
    expect(caseOf(links).case['links']).toEqual([{ kind: 'repeat-of', reference: 'IC-111111-A1A1', note: '' }])
  })

  it('names the bad field of a part as a JSON pointer', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const response = await api()
      .put(`/api/v1/cases/${reference}/parts`)
      .set(bearer(officer))
      .send({ parts: [{ question: 'Streetlights', outcome: 'lost' }], version: 1 })
    expect(response.status).toBe(422)
    expect(namedIn(response)).toContain('/parts/0/outcome')
    expect(await versionOf(testApp().deps, organisation, reference)).toBe(1)
  })

  it('changes the regime with a reason', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const response = await api()
      .post(`/api/v1/cases/${reference}/regime`)
      .set(bearer(officer))
      .send({ regime: 'eir', reason: 'The information is about emissions', version: 1 })
    expect(response.status).toBe(200)
    expect(caseOf(response).case.regime).toBe('eir')
    const unknown = await api()
      .post(`/api/v1/cases/${reference}/regime`)
      .set(bearer(officer))
      .send({ regime: 'gdpr', reason: 'x', version: 2 })
    expect(unknown.status).toBe(422)
    expect(messageFor(unknown, '/regime')).toContain('foia')
  })
})

describe('moving a case through its workflow', () => {
  it('starts work and asks for clarification, and the history shows both with the clock event', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const started = await api()
      .post(`/api/v1/cases/${reference}/transitions`)
      .set(bearer(officer))
      .send({ action: 'start-work', version: 1 })
    expect(started.status).toBe(200)
    expect(caseOf(started).case.state).toBe('in-progress')
    const asked = await api()
      .post(`/api/v1/cases/${reference}/transitions`)
      .set(bearer(officer))
      .set('If-Match', started.headers['etag'] as string)
      .send({ action: 'request-clarification', on: '2024-10-03' })
    expect(asked.status).toBe(200)
    expect(caseOf(asked).deadline?.status).toBe('awaiting-clarification')

    const events = await api().get(`/api/v1/cases/${reference}/events`).set(bearer(auditor))
    expect(events.status).toBe(200)
    const history = bodyOf<CaseEventsBody>(events)
    expect(history.events.map((event) => event.action)).toEqual([
      'case.created',
      'case.start-work',
      'case.request-clarification',
    ])
    expect(history.events[1]).toMatchObject({ by: officer.user.email, name: 'Start work' })
    expect(history.clockEvents).toEqual([{ type: 'clarification-requested', on: '2024-10-03' }])
  })

  it('answers 403 to a transition the role may not make, and changes nothing', async () => {
    const reference = await importCaseIn(testApp().deps, organisation, 'awaiting-approval')
    await writesNothing(async () => {
      const response = await api()
        .post(`/api/v1/cases/${reference}/transitions`)
        .set(bearer(officer))
        .send({ action: 'approve', version: 1 })
      expect(response.status).toBe(403)
      expect(response.headers['content-type']).toMatch(PROBLEM)
      expect(response.body).toMatchObject({ type: 'https://disclose.example/problems/forbidden', status: 403 })
      expect(problemOf(response).detail).toContain('approve')
    })
    expect(await versionOf(testApp().deps, organisation, reference)).toBe(1)
  })

  it('answers 409 with the reason to a transition the state does not allow, and changes nothing', async () => {
    const reference = await logCase(testApp().deps, organisation)
    await writesNothing(async () => {
      const response = await api()
        .post(`/api/v1/cases/${reference}/transitions`)
        .set(bearer(officer))
        .send({ action: 'close', version: 1 })
      expect(response.status).toBe(409)
      expect(response.body).toMatchObject({
        type: 'https://disclose.example/problems/refused',
        code: 'not-from-this-state',
        detail: 'You cannot close the case while the case is received',
      })
    })
    expect(await versionOf(testApp().deps, organisation, reference)).toBe(1)
  })

  it('answers 409 with the guard’s reason when sending for approval a case with no parts', async () => {
    const reference = await importCaseIn(testApp().deps, organisation, 'in-progress', { parts: [] })
    const response = await api()
      .post(`/api/v1/cases/${reference}/transitions`)
      .set(bearer(officer))
      .send({ action: 'submit-for-approval', version: 1 })
    expect(response.status).toBe(409)
    expect(response.body).toMatchObject({ code: 'has-parts' })
    expect(problemOf(response).detail).toContain('at least one part')
  })

  it('refuses an unknown action or a bad date with a validation problem', async () => {
    const reference = await logCase(testApp().deps, organisation)
    const response = await api()
      .post(`/api/v1/cases/${reference}/transitions`)
      .set(bearer(officer))
      .send({ action: 'fly', on: '2024-02-30', version: 1 })
    expect(response.status).toBe(422)
    expect(namedIn(response).sort()).toEqual(['/action', '/on'])
  })
})

describe('lists and search', () => {
  let searchable: Organisation
  let reader: TokenHolder
  const references: Record<string, string> = {}

  beforeAll(async () => {
    const { deps } = testApp()
    searchable = await addOrganisation(deps)
    reader = await addTokenHolder(deps, searchable, ['auditor'])
    references['foia'] = await logCase(deps, searchable, {
      receivedOn: '2024-09-02',
      requestText: 'Potholes on the A1',
    })
    references['eir'] = await logCase(deps, searchable, {
      regime: 'eir',
      receivedOn: '2024-09-10',
      requestText: 'Air quality readings',
    })
    references['closed'] = await importCaseIn(deps, searchable, 'closed', { receivedOn: '2024-08-01' })
  })

  it('lists every case of the organisation, newest first, each with its due date and link', async () => {
    const response = await api().get('/api/v1/cases').set(bearer(reader))
    expect(response.status).toBe(200)
    expect(referencesIn(response)).toEqual([references['eir'], references['foia'], references['closed']])
    expect(bodyOf<CaseListBody>(response).items[1]).toMatchObject({
      reference: references['foia'],
      state: 'received',
      regime: 'foia',
      receivedOn: '2024-09-02',
      dueOn: '2024-09-30',
      _links: { self: { href: `/api/v1/cases/${references['foia']}` } },
    })
  })

  it('filters by state, regime, date of receipt and text', async () => {
    const of = async (query: string) => referencesIn(await api().get(`/api/v1/cases?${query}`).set(bearer(reader)))
    expect(await of('state=closed')).toEqual([references['closed']])
    expect(await of('state=received,closed&regime=foia')).toEqual([references['foia'], references['closed']])
    expect(await of('regime=eir')).toEqual([references['eir']])
    expect(await of('receivedFrom=2024-09-01&receivedTo=2024-09-05')).toEqual([references['foia']])
    expect(await of('q=pothole')).toEqual([references['foia']])
    expect(await of(`q=${references['eir']}`)).toEqual([references['eir']])
    expect(await of(`officer=${reader.user.id}`)).toEqual([])
  })

  it('pages with limit and offset, linking to the next page', async () => {
    const first = await api().get('/api/v1/cases?limit=2').set(bearer(reader))
    const next = bodyOf<CaseListBody>(first)._links.next?.href ?? ''
    expect(referencesIn(first)).toHaveLength(2)
    expect(next).toBe('/api/v1/cases?limit=2&offset=2')
    const second = await api().get(next).set(bearer(reader))
    expect(referencesIn(second)).toEqual([references['closed']])
    expect(bodyOf<CaseListBody>(second)._links.next).toBeUndefined()
  })

  it('refuses a bad filter naming the parameter', async () => {
    const response = await api().get('/api/v1/cases?state=open&limit=0&status=closed').set(bearer(reader))
    expect(response.status).toBe(422)
    expect(namedIn(response).sort()).toEqual(['limit', 'state', 'status'])
  })

  it('finds cases by reference or words in the request', async () => {
    const byWords = await api().get('/api/v1/search?q=air%20quality').set(bearer(reader))
    expect(byWords.status).toBe(200)
    expect(referencesIn(byWords)).toEqual([references['eir']])
    const byReference = await api()
      .get(`/api/v1/search?q=${(references['foia'] ?? '').toLowerCase()}`)
      .set(bearer(reader))
    expect(referencesIn(byReference)).toEqual([references['foia']])
    const nothing = await api().get('/api/v1/search').set(bearer(reader))
    expect(nothing.status).toBe(422)
    expect(namedIn(nothing)).toEqual(['q'])
  })
})

describe('users', () => {
  it('lets an administrator add a user, and anyone in the organisation read them', async () => {
    const email = `new-officer-${Date.now()}@example.org`
    const added = await api()
      .post('/api/v1/users')
      .set(bearer(administrator))
      .send({ email, displayName: 'New Officer', roles: ['officer'] })
    expect(added.status).toBe(201)
    expect(added.headers['location']).toBe(`/api/v1/users/${bodyOf<UserBody>(added).id}`)
    expect(added.body).toMatchObject({ email, roles: ['officer'], canSignIn: false })
    expect(added.body).not.toHaveProperty('passwordHash')

    const read = await api()
      .get(added.headers['location'] as string)
      .set(bearer(auditor))
    expect(read.status).toBe(200)
    expect(bodyOf<UserBody>(read).email).toBe(email)
    const listed = await api().get('/api/v1/users').set(bearer(blind))
    expect(bodyOf<{ items: UserBody[] }>(listed).items.map((user) => user.email)).toContain(email)

    const again = await api()
      .post('/api/v1/users')
      .set(bearer(administrator))
      .send({ email, roles: ['officer'] })
    expect(again.status).toBe(422)
    expect(messageFor(again, '/email')).toContain('already')
  })

  it('refuses an unknown role, naming the field', async () => {
    const response = await api()
      .post('/api/v1/users')
      .set(bearer(administrator))
      .send({ email: 'someone@example.org', roles: ['superuser'] })
    expect(response.status).toBe(422)
    expect(messageFor(response, '/roles')).toContain('superuser')
  })
})

describe('export and import', () => {
  it('exports a case in its JSON form and imports it into another organisation under a new reference', async () => {
    const { deps } = testApp()
    const reference = await logCase(deps, organisation)
    const exported = await api().get(`/api/v1/cases/${reference}/export`).set(bearer(officer))
    expect(exported.status).toBe(200)
    expect(exported.body).toMatchObject({ format: 'disclose-case/1', reference, requester: { name: 'A. Requester' } })

    const elsewhere = await addOrganisation(deps)
    const importer = await addTokenHolder(deps, elsewhere, ['administrator'])
    const { id: _id, organisation: _organisation, ...document } = exported.body as Record<string, unknown>
    const imported = await api()
      .post('/api/v1/cases/import')
      .set(bearer(importer))
      .send({ ...document, reference: `${reference}-COPY` })
    expect(imported.status).toBe(201)
    expect(caseOf(imported).case).toMatchObject({ reference: `${reference}-COPY`, state: 'received' })
    const duplicate = await api().post('/api/v1/cases/import').set(bearer(importer)).send(document)
    expect(duplicate.status).toBe(422)
    expect(namedIn(duplicate)).toContain('/reference')
  })
})
