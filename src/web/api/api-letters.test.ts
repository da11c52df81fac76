import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../../test/app.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import { EXEMPTION_CATALOGUE } from '../../domain/exemptions/catalogue.ts'
import { loadDemo } from '../../services/demo/load-demo.ts'
import {
  addOrganisation,
  addTokenHolder,
  asBytes,
  bearer,
  bodyOf,
  caseOf,
  COMPLETE_LETTER_SETTINGS,
  importCaseIn,
  logCase,
  messageFor,
  namedIn,
  problemOf,
  versionOf,
  writtenFor,
  type CheckBody,
  type LetterBody,
  type TokenHolder,
} from './api.test-support.ts'

const testApp = useTestApp()
const api = () => request(testApp().app)

const PROBLEM = /^application\/problem\+json/
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
/** The second seed case of the demonstration: a response issued, every exemption decided. */
const SEED = 'IC-342993-L6W4'

let organisation: Organisation
let officer: TokenHolder
let blind: TokenHolder
let demoOfficer: TokenHolder

beforeAll(async () => {
  const { deps } = testApp()
  organisation = await addOrganisation(deps, COMPLETE_LETTER_SETTINGS)
  officer = await addTokenHolder(deps, organisation, ['officer'])
  blind = await addTokenHolder(deps, organisation, ['applicant-blind-officer'])
  const demo = await loadDemo(
    { store: deps.store, clock: deps.clock, calendar: () => deps.calendar.current() },
    { password: 'a demonstration password' },
  )
  if (!demo.ok) throw new Error(JSON.stringify(demo.error))
  demoOfficer = await addTokenHolder(deps, demo.value.organisation, ['officer'])
}, 120_000)

const PUBLIC_INTEREST_TEST = {
  forDisclosure: ['Openness about how public money is spent'],
  forWithholding: ['The supplier’s ability to compete for other contracts'],
  conclusion: 'maintain-exemption',
  reasoning: 'The harm to the supplier outweighs the public interest in the prices.',
  decidedOn: '2024-10-15',
}

/** A decision on section 43(2) with everything the check asks for, bar what `change` takes away. */
const commercialDecision = (change: Record<string, unknown> = {}) => ({
  exemptionId: 'foia-s43-2',
  prejudice: 'would-be-likely-to',
  reasons: 'Publishing the unit prices would let the supplier’s competitors undercut it.',
  publicInterestTest: PUBLIC_INTEREST_TEST,
  ...change,
})

/** A request being worked on: part 1 disclosed, part 2 withheld under section 43(2). */
const workedCase = (decisions: readonly Record<string, unknown>[] = [commercialDecision()]) =>
  importCaseIn(testApp().deps, organisation, 'in-progress', {
    parts: [
      { question: 'The contract', outcome: 'disclosed-in-full' },
      { question: 'The unit prices', outcome: 'withheld', exemptionIds: ['foia-s43-2'] },
    ],
    exemptionDecisions: decisions,
  })

const letterOf = (response: { readonly body: unknown }): LetterBody => bodyOf<LetterBody>(response)

describe('decisions on exemptions', () => {
  it('saves the decisions with If-Match, and the case shows them with its new ETag', async () => {
    const reference = await workedCase([])
    const response = await api()
      .put(`/api/v1/cases/${reference}/decisions`)
      .set(bearer(officer))
      .set('If-Match', '"1"')
      .send({ decisions: [commercialDecision()] })
    expect(response.status).toBe(200)
    expect(response.headers['etag']).toBe('"2"')
    expect(caseOf(response).case['exemptionDecisions']).toMatchObject([
      { exemptionId: 'foia-s43-2', prejudice: 'would-be-likely-to', publicInterestTest: PUBLIC_INTEREST_TEST },
    ])
    const read = await api().get(`/api/v1/cases/${reference}`).set(bearer(officer))
    expect(caseOf(read).case['exemptionDecisions']).toHaveLength(1)
    expect(read.body).toMatchObject({
      _links: {
        decisions: { href: `/api/v1/cases/${reference}/decisions` },
        check: { href: `/api/v1/cases/${reference}/check` },
        letter: { href: `/api/v1/cases/${reference}/letters/response` },
      },
    })
  })

  it('refuses an exemption id the catalogue does not know, suggesting the closest ids, and saves nothing', async () => {
    const reference = await workedCase([])
    const before = await writtenFor(testApp().deps, organisation)
    const response = await api()
      .put(`/api/v1/cases/${reference}/decisions`)
      .set(bearer(officer))
      .send({ decisions: [commercialDecision({ exemptionId: 'foia-s43-3' })], version: 1 })
    expect(response.status).toBe(422)
    expect(response.headers['content-type']).toMatch(PROBLEM)
    expect(namedIn(response)).toEqual(['/decisions/0/exemptionId'])
    expect(messageFor(response, '/decisions/0/exemptionId')).toMatch(/^There is no exemption foia-s43-3: did you mean /)
    expect(messageFor(response, '/decisions/0/exemptionId')).toContain('foia-s43-2')
    expect(problemOf(response).detail).toContain('did you mean')
    expect(await writtenFor(testApp().deps, organisation)).toEqual(before)
    expect(await versionOf(testApp().deps, organisation, reference)).toBe(1)
  })

  it('names a bad field of a decision as a JSON pointer into the body sent', async () => {
    const reference = await workedCase([])
    const response = await api()
      .put(`/api/v1/cases/${reference}/decisions`)
      .set(bearer(officer))
      .send({ decisions: [commercialDecision({ prejudice: 'perhaps' })], version: 1 })
    expect(response.status).toBe(422)
    expect(namedIn(response)).toEqual(['/decisions/0/prejudice'])
    const notAList = await api()
      .put(`/api/v1/cases/${reference}/decisions`)
      .set(bearer(officer))
      .send({ decisions: 'foia-s43-2', version: 1 })
    expect(notAList.status).toBe(422)
    expect(namedIn(notAList)).toEqual(['/decisions'])
  })

  it('asks for the version read, as every change of a case does', async () => {
    const reference = await workedCase([])
    const response = await api()
      .put(`/api/v1/cases/${reference}/decisions`)
      .set(bearer(officer))
      .send({ decisions: [] })
    expect(response.status).toBe(428)
  })
})

describe('the refusal-notice check', () => {
  it('lists what a refusal lacks, naming the part and the exemption', async () => {
    const reference = await workedCase([commercialDecision({ publicInterestTest: null })])
    const response = await api().get(`/api/v1/cases/${reference}/check`).set(bearer(officer))
    expect(response.status).toBe(200)
    const report = bodyOf<CheckBody>(response)
    expect(report).toMatchObject({ passes: false, errors: 1, warnings: 0 })
    expect(report.findings).toEqual([
      {
        severity: 'error',
        rule: 'public-interest-test',
        parts: [2],
        exemptionId: 'foia-s43-2',
        message: expect.stringContaining('public interest') as unknown,
      },
    ])
  })

  it('passes a refusal with everything the law asks for', async () => {
    const reference = await workedCase()
    const response = await api().get(`/api/v1/cases/${reference}/check`).set(bearer(officer))
    expect(bodyOf<CheckBody>(response)).toMatchObject({ passes: true, errors: 0, warnings: 0, findings: [] })
  })

  it('passes the demonstration’s second seed case', async () => {
    const response = await api().get(`/api/v1/cases/${SEED}/check`).set(bearer(demoOfficer))
    expect(response.status).toBe(200)
    expect(bodyOf<CheckBody>(response)).toMatchObject({ passes: true, errors: 0, findings: [] })
  })
})

describe('reading a letter', () => {
  it('sends the letter as JSON by default: the letter as data and its body as text to edit', async () => {
    const reference = await workedCase()
    const response = await api().get(`/api/v1/cases/${reference}/letters/response`).set(bearer(officer))
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    const letter = letterOf(response)
    expect(letter).toMatchObject({ kind: 'response', edited: false, issued: false })
    expect(letter.letter.title).toBe(`Response to your request ${reference}`)
    expect(letter.markup).toMatch(/^## Request$/m)
    expect(letter.markup).toMatch(/^## Our response$/m)
    expect(letter.markup).toMatch(/^## Next steps$/m)
    expect(letter._links['pdf']?.href).toBe(`/api/v1/cases/${reference}/letters/response?format=pdf`)
  })

  it('sends a PDF with its headers when format=pdf', async () => {
    const reference = await workedCase()
    const response = await api()
      .get(`/api/v1/cases/${reference}/letters/response?format=pdf`)
      .set(bearer(officer))
      .buffer(true)
      .parse(asBytes)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${reference}-response.pdf"`)
    expect(response.headers['cache-control']).toBe('no-store')
    expect((response.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('sends a Word document when the Accept header asks for one', async () => {
    const reference = await workedCase()
    const response = await api()
      .get(`/api/v1/cases/${reference.toLowerCase()}/letters/response`)
      .set(bearer(officer))
      .set('Accept', DOCX)
      .buffer(true)
      .parse(asBytes)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe(DOCX)
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${reference}-response.docx"`)
    expect(response.headers['vary']).toContain('Accept')
    expect((response.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('sends a whole HTML page, to save or print, when asked for text/html', async () => {
    const reference = await workedCase()
    const response = await api()
      .get(`/api/v1/cases/${reference}/letters/response`)
      .set(bearer(officer))
      .set('Accept', 'text/html')
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${reference}-response.html"`)
    expect(response.text).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/)
    expect(response.text).toContain(`<title>Response to your request ${reference}</title>`)
    expect(response.text).toContain('<h2 class="govuk-heading-m">Our response</h2>')
    expect(response.text.trimEnd()).toMatch(/<\/html>$/)
  })

  it('answers an unknown kind or format with a 400 naming those there are', async () => {
    const reference = await workedCase()
    const kind = await api().get(`/api/v1/cases/${reference}/letters/apology`).set(bearer(officer))
    expect(kind.status).toBe(400)
    expect(kind.headers['content-type']).toMatch(PROBLEM)
    expect(problemOf(kind).type).toBe('https://disclose.example/problems/bad-parameter')
    expect(namedIn(kind)).toEqual(['kind'])
    expect(messageFor(kind, 'kind')).toBe(
      'apology: The letter kind must be one of acknowledgement, clarification, fees, extension, response or review',
    )
    const format = await api().get(`/api/v1/cases/${reference}/letters/response?format=rtf`).set(bearer(officer))
    expect(format.status).toBe(400)
    expect(messageFor(format, 'format')).toBe('rtf: format must be one of html, pdf or docx')
    const unknown = await api().get(`/api/v1/cases/${reference}/letters/response?colour=blue`).set(bearer(officer))
    expect(unknown.status).toBe(422)
    expect(namedIn(unknown)).toEqual(['colour'])
  })

  it('refuses a letter that makes no sense for the case with the reason, and asks for a missing fact by name', async () => {
    const received = await logCase(testApp().deps, organisation)
    const response = await api().get(`/api/v1/cases/${received}/letters/response`).set(bearer(officer))
    expect(response.status).toBe(409)
    expect(response.body).toMatchObject({
      type: 'https://disclose.example/problems/refused',
      code: 'kind-not-for-this-case',
    })
    const fees = await api().get(`/api/v1/cases/${received}/letters/fees`).set(bearer(officer))
    expect(fees.status).toBe(422)
    expect(namedIn(fees)).toEqual(['fee'])
    expect(messageFor(fees, 'fee')).toBe('Enter the fee to charge, in pounds')
    const withFee = await api()
      .get(`/api/v1/cases/${received}/letters/fees?fee=45&date=2024-10-03`)
      .set(bearer(officer))
    expect(withFee.status).toBe(200)
    expect(letterOf(withFee).markup).toContain('£45.00')
    const badFee = await api()
      .get(`/api/v1/cases/${received}/letters/fees?fee=lots&date=2024-02-30`)
      .set(bearer(officer))
    expect(badFee.status).toBe(422)
    expect(namedIn(badFee).sort()).toEqual(['date', 'fee'])
  })

  it('leaves out who asked for an applicant-blind officer', async () => {
    const reference = await workedCase()
    const response = await api().get(`/api/v1/cases/${reference}/letters/response`).set(bearer(blind))
    expect(response.status).toBe(200)
    expect(bodyOf<{ letter: { recipient: unknown } }>(response).letter.recipient).toBeNull()
    expect(response.text).not.toContain('requester@example.com')
  })
})

describe('editing a letter', () => {
  it('keeps an edit, reads it back as edited, and throws it away on text: null', async () => {
    const reference = await workedCase()
    const path = `/api/v1/cases/${reference}/letters/response`
    const before = letterOf(await api().get(path).set(bearer(officer)))
    const text = before.markup.replace('This concludes our response', 'That concludes our response')
    const edited = await api().put(path).set(bearer(officer)).send({ text })
    expect(edited.status).toBe(200)
    expect(letterOf(edited)).toMatchObject({ edited: true, issued: false })
    const read = await api().get(path).set(bearer(officer))
    expect(letterOf(read).edited).toBe(true)
    expect(letterOf(read).markup).toContain('That concludes our response')
    const discarded = await api().put(path).set(bearer(officer)).send({ text: null })
    expect(discarded.status).toBe(200)
    expect(letterOf(discarded).edited).toBe(false)
    expect(letterOf(discarded).markup).toBe(before.markup)
  })

  it('refuses a javascript: link, naming the line, and keeps nothing', async () => {
    const reference = await workedCase()
    const path = `/api/v1/cases/${reference}/letters/response`
    const response = await api()
      .put(path)
      .set(bearer(officer))
      .send({ text: '## Our response\n\nSee [our answer](javascript:alert(1)) for more.' })
    expect(response.status).toBe(422)
    expect(response.headers['content-type']).toMatch(PROBLEM)
    expect(namedIn(response)).toEqual(['/text'])
    expect(messageFor(response, '/text')).toMatch(/^Line 3: .*must start https:\/\/, http:\/\/ or mailto:/)
    expect(letterOf(await api().get(path).set(bearer(officer))).edited).toBe(false)
  })

  it('refuses an empty letter, and a body without text', async () => {
    const reference = await workedCase()
    const path = `/api/v1/cases/${reference}/letters/response`
    const empty = await api().put(path).set(bearer(officer)).send({ text: '  \n' })
    expect(empty.status).toBe(422)
    expect(messageFor(empty, '/text')).toContain('The letter is empty')
    const nothing = await api().put(path).set(bearer(officer)).send({})
    expect(nothing.status).toBe(422)
    expect(namedIn(nothing)).toEqual(['/text'])
  })

  it('shows a letter that has gone out as issued, and refuses to change or discard it', async () => {
    const path = `/api/v1/cases/${SEED}/letters/response`
    const read = await api().get(path).set(bearer(demoOfficer))
    expect(read.status).toBe(200)
    expect(letterOf(read)).toMatchObject({ issued: true, edited: false })
    for (const text of ['## Our response\n\nSomething else.', null]) {
      const response = await api().put(path).set(bearer(demoOfficer)).send({ text })
      expect(response.status).toBe(409)
      expect(response.body).toMatchObject({ code: 'letter-issued' })
    }
  })
})

describe('the exemption catalogue', () => {
  it('lists every exemption, or those of one law', async () => {
    const all = await api().get('/api/v1/exemptions').set(bearer(officer))
    expect(all.status).toBe(200)
    const items = bodyOf<{ items: { id: string; regime: string }[] }>(all).items
    expect(items.map((item) => item.id)).toEqual(EXEMPTION_CATALOGUE.map((item) => item.id))
    const eir = await api().get('/api/v1/exemptions?regime=eir').set(bearer(officer))
    const eirItems = bodyOf<{ regime: string; items: { id: string; regime: string }[] }>(eir)
    expect(eirItems.regime).toBe('eir')
    expect(new Set(eirItems.items.map((item) => item.regime))).toEqual(new Set(['eir']))
    expect(eirItems.items.map((item) => item.id)).toContain('eir-r13')
  })

  it('refuses a law it has no exemptions for, or another parameter', async () => {
    const response = await api().get('/api/v1/exemptions?regime=sar&colour=blue').set(bearer(officer))
    expect(response.status).toBe(422)
    expect(namedIn(response).sort()).toEqual(['colour', 'regime'])
    expect(messageFor(response, 'regime')).toBe('sar: regime must be one of foia, eir or foisa')
  })
})
