import { beforeAll, expect, it } from 'vitest'
import { describeEachDialect, useTestDatabase } from '../../../test/database.ts'
import { addTestOrganisation, buildTestServices, type TestServices } from '../../../test/services.ts'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import { commandLineActor } from '../actor.ts'
import { verifyAuditTrail } from '../audit/audit-trail.ts'
import { loadDemo } from '../demo/load-demo.ts'
import { importCaseFile } from './import-case-file.ts'

const SEEDS = ['IC-335210-T7S5', 'IC-342993-L6W4']

const dependenciesOf = (services: TestServices) => ({
  store: services.store,
  clock: services.clock,
  calendar: defaultUkCalendar,
})

const auditEvents = async (services: TestServices): Promise<number> =>
  (await verifyAuditTrail(services.store)).reduce((total, report) => total + report.events, 0)

/** What a database holds, counted: nothing may change when an import is refused. */
const counts = async (services: TestServices) => {
  const organisations = await services.organisations.list()
  const users = await Promise.all(
    organisations.map(async (organisation) => {
      const listed = await services.users.listUsers(commandLineActor(organisation.id))
      return listed.ok ? listed.value.length : 0
    }),
  )
  const cases = await Promise.all(
    organisations.map(async (organisation) => {
      const listed = await services.cases.listCases(commandLineActor(organisation.id))
      return listed.ok ? listed.value.length : 0
    }),
  )
  return {
    organisations: organisations.length,
    users: users.reduce((a, b) => a + b, 0),
    cases: cases.reduce((a, b) => a + b, 0),
    auditEvents: await auditEvents(services),
  }
}

describeEachDialect('importing a case exported from another installation', (dialect) => {
  const source = useTestDatabase(dialect)
  const target = useTestDatabase(dialect)
  let from: TestServices
  let to: TestServices
  const exported = new Map<string, Record<string, unknown>>()

  beforeAll(async () => {
    from = buildTestServices(source())
    to = buildTestServices(target())
    const loaded = await loadDemo(dependenciesOf(from), { password: 'a demonstration password' })
    if (!loaded.ok) throw new Error(loaded.error.message)
    for (const reference of SEEDS) {
      const json = await from.cases.exportCase(commandLineActor(loaded.value.organisation.id), reference)
      if (!json.ok) throw new Error(json.error.message)
      // Through text, as a file would carry it.
      exported.set(reference, JSON.parse(JSON.stringify(json.value)) as Record<string, unknown>)
    }
  }, 120_000)

  it('adds the organisation and the officer from the export, then the case, which exports unchanged', async () => {
    const first = await importCaseFile(dependenciesOf(to), exported.get('IC-335210-T7S5'))
    if (!first.ok) throw new Error(JSON.stringify(first.error))
    expect(first.value.organisationAdded).toMatchObject({ slug: 'ico', name: "Information Commissioner's Office" })
    expect(first.value.officerAdded).toMatchObject({
      email: 'officer@demo.disclose.example',
      displayName: 'Demo Officer',
      roles: ['officer'],
      canSignIn: false,
    })
    expect(first.value.view.deadline?.due).toBe('2024-10-29')

    // What `disclose case show --json` prints: the JSON form with its deadline, which import leaves out.
    const shown = { ...exported.get('IC-342993-L6W4'), deadline: { due: '2024-12-09' } }
    const second = await importCaseFile(dependenciesOf(to), shown)
    if (!second.ok) throw new Error(JSON.stringify(second.error))
    expect(second.value.organisationAdded).toBeNull()
    expect(second.value.officerAdded).toBeNull()
    expect(second.value.view.deadline?.due).toBe('2024-12-09')

    const organisation = await to.organisations.findBySlug('ico')
    if (organisation === undefined) throw new Error('the organisation was not added')
    expect(organisation.letters).toEqual(first.value.organisationAdded?.letters)
    for (const reference of SEEDS) {
      const again = await to.cases.exportCase(commandLineActor(organisation.id), reference)
      expect(again.ok && again.value).toEqual(exported.get(reference))
    }
    const [report] = await verifyAuditTrail(to.store, organisation.id)
    expect(report?.broken).toBeNull()
  })

  it('refuses a case it already has, and writes nothing', async () => {
    const before = await counts(to)
    const again = await importCaseFile(dependenciesOf(to), exported.get('IC-335210-T7S5'))
    expect(again.ok).toBe(false)
    expect(!again.ok && again.error.kind === 'invalid' && again.error.problems.map((p) => p.field)).toEqual([
      'reference',
      'id',
    ])
    expect(await counts(to)).toEqual(before)
  })

  it('adds no organisation or officer when the case itself is refused', async () => {
    const before = await counts(to)
    const document = {
      ...exported.get('IC-342993-L6W4'),
      id: undefined,
      reference: 'IC-000001-A1A1',
      receivedOn: '2099-01-01',
      organisation: { ...(exported.get('IC-342993-L6W4')?.organisation as object), slug: 'another-authority' },
      assignedOfficer: { email: 'new.officer@example.org' },
    }
    const refused = await importCaseFile(dependenciesOf(to), document)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.kind === 'invalid' && refused.error.problems).toEqual([
      {
        field: 'receivedOn',
        message: expect.stringMatching(/^Date of receipt must be today or in the past/) as string,
      },
    ])
    expect(await counts(to)).toEqual(before)
    expect(await to.organisations.findBySlug('another-authority')).toBeUndefined()
  })

  it('refuses a file that is not a case, naming each problem', async () => {
    const refused = await importCaseFile(dependenciesOf(to), { receivedOn: 'yesterday', regime: 'gdpr', extra: 1 })
    expect(!refused.ok && refused.error.kind === 'invalid' && refused.error.problems.map((p) => p.field)).toEqual([
      'regime',
      'receivedOn',
      'requestText',
      'extra',
    ])
  })
})

describeEachDialect('importing a case into a chosen organisation', (dialect) => {
  const database = useTestDatabase(dialect)

  it('imports into the only organisation when the case names none, or into the one asked for', async () => {
    const services = buildTestServices(database())
    const only = await addTestOrganisation(services)
    const bare = { reference: 'IC-100000-A0A0', receivedOn: '2024-11-08', requestText: 'How many bins?' }
    const imported = await importCaseFile(dependenciesOf(services), bare)
    expect(imported.ok && imported.value.view.organisation.id).toBe(only.id)

    const second = await addTestOrganisation(services)
    const ambiguous = await importCaseFile(dependenciesOf(services), { ...bare, reference: 'IC-100000-A0A1' })
    expect(!ambiguous.ok && ambiguous.error.message).toMatch(/^The case does not say which organisation/)
    const chosen = await importCaseFile(
      dependenciesOf(services),
      { ...bare, reference: 'IC-100000-A0A1' },
      { organisationSlug: second.slug },
    )
    expect(chosen.ok && chosen.value.view.organisation.id).toBe(second.id)
    const missing = await importCaseFile(
      dependenciesOf(services),
      { ...bare, reference: 'IC-100000-A0A2' },
      { organisationSlug: 'nowhere' },
    )
    expect(!missing.ok && missing.error).toEqual({
      kind: 'not-found',
      message: 'There is no organisation nowhere here',
    })
  })
})
