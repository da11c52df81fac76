import { beforeAll, expect, it } from 'vitest'
import { describeEachDialect, useTestDatabase } from '../../../test/database.ts'
import { addTestOrganisation, buildTestServices, type TestServices } from '../../../test/services.ts'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import { commandLineActor, type Actor } from '../actor.ts'
import { verifyAuditTrail } from '../audit/audit-trail.ts'
import {
  describeDemoCases,
  describeDemoSignIn,
  generateDemoPassword,
  loadDemo,
  loadDemoOnFirstStart,
  type DemoLoad,
} from './load-demo.ts'

const PASSWORD = 'correct horse battery staple'

const dependenciesOf = (services: TestServices) => ({
  store: services.store,
  clock: services.clock,
  calendar: defaultUkCalendar,
})

const auditEvents = async (services: TestServices): Promise<number> =>
  (await verifyAuditTrail(services.store)).reduce((total, report) => total + report.events, 0)

describeEachDialect('loading the demonstration', (dialect) => {
  const database = useTestDatabase(dialect)
  let services: TestServices
  let load: DemoLoad
  let operator: Actor

  beforeAll(async () => {
    services = buildTestServices(database())
    const loaded = await loadDemo(dependenciesOf(services), { password: PASSWORD })
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error))
    load = loaded.value
    operator = commandLineActor(load.organisation.id)
  }, 120_000)

  it('adds an organisation modelled on the ICO, with its letter settings', () => {
    expect(load.status).toBe('loaded')
    expect(load.organisation).toMatchObject({
      slug: 'ico',
      name: "Information Commissioner's Office",
      nation: 'england-and-wales',
      defaultRegime: 'foia',
      referencePattern: 'IC-######-@#@#',
      letters: {
        teamName: 'Information Access Team',
        postalAddress: 'Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF',
        telephone: '0303 123 1113',
        website: 'ico.org.uk',
      },
    })
    for (const url of ['privacyNoticeUrl', 'retentionPolicyUrl', 'reviewProcedureUrl', 'complaintUrl'] as const) {
      expect(load.organisation.letters[url]).toMatch(/^https:\/\/ico\.org\.uk\//)
    }
  })

  it('adds a user for each role, each of whom can sign in with the password', { timeout: 60_000 }, async () => {
    expect(load.users.map((user) => [user.email, user.roles])).toEqual([
      ['officer@demo.disclose.example', ['officer']],
      ['applicant-blind-officer@demo.disclose.example', ['applicant-blind-officer']],
      ['approver@demo.disclose.example', ['approver']],
      ['administrator@demo.disclose.example', ['administrator']],
      ['auditor@demo.disclose.example', ['auditor']],
    ])
    expect(load.users.every((user) => user.canSignIn)).toBe(true)
    const signedIn = await services.users.signIn('auditor@demo.disclose.example', PASSWORD)
    expect(signedIn.ok).toBe(true)
  })

  it('gives the first seed case its real reference, dates and due date, and closes it', async () => {
    const read = await services.cases.getCase(operator, 'IC-335210-T7S5')
    if (!read.ok) throw new Error(read.error.message)
    const { case: subject, deadline, requester } = read.value
    expect(subject).toMatchObject({
      regime: 'foia',
      state: 'closed',
      receivedOn: '2024-10-01',
      respondedOn: '2024-10-29',
      closedOn: '2024-10-29',
      requestText:
        'I am writing this email to ask you for a copy of the requests for information to X, Meta, LinkedIn, Spotify, Microsoft, Google and OpenAI about the lawful basis for processing information to train AI and DPIAs.',
      links: [{ kind: 'previous-release', reference: 'IC-311642-V7P8' }],
    })
    expect(deadline?.due).toBe('2024-10-29')
    expect(requester).toMatchObject({ name: 'Sample Requester', email: 'requester@example.com' })
  })

  it('answers each of the seven organisations in the first seed case as the ICO did', async () => {
    const read = await services.cases.getCase(operator, 'IC-335210-T7S5')
    if (!read.ok) throw new Error(read.error.message)
    const parts = read.value.case.parts
    const organisationOf = (question: string) => /to (\w+) about/.exec(question)?.[1] ?? 'published'
    expect(
      parts.map((part) => [
        organisationOf(part.question),
        part.outcome,
        part.exemptionIds,
        part.disclosureLogReference,
      ]),
    ).toEqual([
      ['X', 'disclosed-in-part', ['foia-s40-2', 'foia-s31-1-g', 'foia-s44-1-a'], null],
      ['Meta', 'not-held', [], null],
      ['LinkedIn', 'disclosed-in-part', ['foia-s40-2', 'foia-s31-1-g', 'foia-s44-1-a'], null],
      ['Spotify', 'not-held', [], null],
      ['Microsoft', 'disclosed-in-part', ['foia-s40-2'], null],
      ['Google', 'released-before', [], 'IC-311642-V7P8'],
      ['OpenAI', 'released-before', [], 'IC-311642-V7P8'],
      ['published', 'already-published', [], null],
    ])
    expect(parts[1]?.explanation).toBe('As Meta proactively contacted us there is no equivalent letter.')
    expect(parts[3]?.explanation).toContain('we did not engage with them as part of this piece of work')
    expect(parts[7]?.publishedLinks.map((link) => [link.title, link.publishedOn])).toEqual([
      ["Statement in response to Meta's plans to train generative AI with user data", '2024-06-14'],
      ["ICO statement in response to Meta's announcement on user data to train AI", '2024-09-14'],
    ])
  })

  it('gives the second seed case its outcome letter and withheld deliberations, due on 9 December 2024', async () => {
    const read = await services.cases.getCase(operator, 'IC-342993-L6W4')
    if (!read.ok) throw new Error(read.error.message)
    const { case: subject, deadline } = read.value
    expect(subject).toMatchObject({ state: 'responded', receivedOn: '2024-11-08', respondedOn: '2024-12-04' })
    expect(subject.requestText).toMatch(/^I am writing to request information on this case, surrounding/)
    expect(subject.requestText).toMatch(/why did the party not face the penalties that follow from such breaches\?$/)
    expect(subject.parts.map((part) => [part.outcome, part.exemptionIds])).toEqual([
      ['disclosed-in-part', ['foia-s40-2']],
      ['withheld', ['foia-s31-1-g']],
    ])
    expect(deadline?.due).toBe('2024-12-09')
  })

  it('records every step in an intact audit trail, by the user who took it', async () => {
    const [report] = await verifyAuditTrail(services.store, load.organisation.id)
    expect(report?.broken).toBeNull()
    const history = await services.cases.history(operator, 'IC-335210-T7S5')
    if (!history.ok) throw new Error(history.error.message)
    expect(history.value.map((event) => [event.action, event.by])).toEqual([
      ['case.created', 'officer@demo.disclose.example'],
      ['case.start-work', 'officer@demo.disclose.example'],
      ['case.parts-saved', 'officer@demo.disclose.example'],
      ['case.decisions-saved', 'officer@demo.disclose.example'],
      ['case.submit-for-approval', 'officer@demo.disclose.example'],
      ['case.approve', 'approver@demo.disclose.example'],
      ['case.issue-response', 'officer@demo.disclose.example'],
      ['case.letter-issued', 'officer@demo.disclose.example'],
      ['case.close', 'officer@demo.disclose.example'],
    ])
  })

  it('says it is already loaded the second time, and changes nothing', async () => {
    const before = await auditEvents(services)
    const again = await loadDemo(dependenciesOf(services))
    expect(again.ok && again.value.status).toBe('already-loaded')
    expect(again.ok && again.value.users).toHaveLength(5)
    expect(await auditEvents(services)).toBe(before)
  })

  it('describes how to sign in and the cases it loaded', () => {
    const signIn = describeDemoSignIn(load, 'http://localhost:3000/sign-in')
    expect(signIn[0]).toBe('Sign in at http://localhost:3000/sign-in as any of these users:')
    expect(signIn).toContain(`Password for each of them: ${PASSWORD}`)
    expect(signIn.some((line) => /^ {2}approver@demo\.disclose\.example +Approver$/.test(line))).toBe(true)
    if (load.status !== 'loaded') throw new Error('expected the demonstration to be loaded')
    expect(describeDemoCases(load.cases)).toEqual([
      '  IC-335210-T7S5  closed, due on Tuesday 29 October 2024, answered on Tuesday 29 October 2024',
      '  IC-342993-L6W4  responded, due on Monday 9 December 2024, answered on Wednesday 4 December 2024',
    ])
  })
})

describeEachDialect('loading the demonstration on the first start', (dialect) => {
  const database = useTestDatabase(dialect)

  it('does nothing when DISCLOSE_DEMO=false, or when the installation already has an organisation', async () => {
    const services = buildTestServices(database())
    expect(await loadDemoOnFirstStart(dependenciesOf(services), false)).toEqual({
      ok: true,
      value: { status: 'disabled' },
    })
    expect(await services.organisations.list()).toEqual([])
    await addTestOrganisation(services)
    expect(await loadDemoOnFirstStart(dependenciesOf(services), true)).toEqual({
      ok: true,
      value: { status: 'not-empty' },
    })
    expect(await services.organisations.findBySlug('ico')).toBeUndefined()
  })
})

describeEachDialect('a demonstration that cannot be loaded', (dialect) => {
  const database = useTestDatabase(dialect)

  it('leaves nothing behind when one of its cases cannot be logged', { timeout: 120_000 }, async () => {
    const services = buildTestServices(database())
    const other = await addTestOrganisation(services)
    const taken = await services.cases.importCase(commandLineActor(other.id), {
      reference: 'IC-342993-L6W4',
      receivedOn: '2024-11-08',
      requestText: 'A request that already has the second seed case’s reference.',
    })
    expect(taken.ok).toBe(true)
    const before = await auditEvents(services)
    const loaded = await loadDemo(dependenciesOf(services), { password: PASSWORD })
    expect(loaded.ok).toBe(false)
    expect(!loaded.ok && loaded.error.message).toMatch(/^Logging IC-342993-L6W4: IC-342993-L6W4 is already/)
    expect(await services.organisations.findBySlug('ico')).toBeUndefined()
    expect(await auditEvents(services)).toBe(before)
  })
})

it('makes passwords of four groups of four letters and digits, without look-alike characters', () => {
  const password = generateDemoPassword()
  expect(password).toMatch(/^[a-hj-np-z2-9]{4}(-[a-hj-np-z2-9]{4}){3}$/)
  expect(generateDemoPassword(() => 0)).toBe('aaaa-aaaa-aaaa-aaaa')
})
