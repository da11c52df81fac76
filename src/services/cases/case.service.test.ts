import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { describeEachDialect, useTestDatabase } from '../../../test/database.ts'
import { addTestActor, addTestOrganisation, buildTestServices, type TestServices } from '../../../test/services.ts'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import { matchesReferencePattern } from '../../domain/case/case-reference.ts'
import { isIsoDate, type IsoDate } from '../../domain/calendar/calendar-date.ts'
import { EMPTY_LETTER_SETTINGS, type Organisation } from '../../domain/case/organisation.ts'
import type { Result } from '../../domain/result.ts'
import type { Database } from '../../storage/database.ts'
import type { Actor } from '../actor.ts'
import { verifyAuditTrail } from '../audit/audit-trail.ts'
import type { ServiceError } from '../service-error.ts'
import { createCaseService, type CaseView } from './case.service.ts'

const iso = (text: string): IsoDate => {
  if (!isIsoDate(text)) throw new Error(`not a date: ${text}`)
  return text
}

const valueOf = <T>(result: Result<T, ServiceError>): T => {
  if (!result.ok) throw new Error(`Expected it to succeed, but: ${JSON.stringify(result.error)}`)
  return result.value
}

const errorOf = <T>(result: Result<T, ServiceError>): ServiceError => {
  if (result.ok) throw new Error('Expected it to fail, but it succeeded')
  return result.error
}

const problemFields = (error: ServiceError): string[] =>
  error.kind === 'invalid' ? error.problems.map((problem) => problem.field) : []

/** Rows in every table a case writes to: a change that fails must leave each count as it was. */
const rowCounts = async (database: Database): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {}
  for (const table of ['case', 'case_part', 'case_link', 'requester', 'audit_event']) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      database.db,
    )
    counts[table] = Number(rows[0]?.n)
  }
  return counts
}

/** A synthetic FOIA request; the second seed's date of receipt unless overridden. */
const aRequest = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  regime: 'foia',
  receivedOn: '2024-11-08',
  channel: 'post',
  requestText: 'Please send the minutes of the parks committee for 2023 (synthetic test request).',
  requester: { name: 'Sam Synthetic', email: 'sam.synthetic@example.com', type: 'journalist' },
  ...overrides,
})

const decidedParts = [
  { question: 'Minutes of the March meeting', outcome: 'disclosed-in-full' },
  { question: 'Minutes of the closed session', outcome: 'withheld', exemptionIds: ['foia-s36-2-b-ii'] },
]

/** What the refusal notice for the closed session needs: section 36 with its qualified person and the test. */
const closedSessionDecisions = [
  {
    exemptionId: 'foia-s36-2-b-ii',
    prejudice: 'would',
    reasons: 'Members must be able to exchange views freely in closed session.',
    qualifiedPerson: {
      name: 'A Synthetic Monitoring Officer',
      role: 'Monitoring Officer',
      opinionOn: '2024-11-25',
      whatTheySaw: 'the minutes and a summary of the arguments',
    },
    publicInterestTest: {
      forDisclosure: ['Openness about the committee’s decisions'],
      forWithholding: ['A safe space for deliberation'],
      conclusion: 'maintain-exemption',
      decidedOn: '2024-11-26',
    },
  },
]

describeEachDialect('the case service', (dialect) => {
  const database = useTestDatabase(dialect)

  interface Team {
    readonly services: TestServices
    readonly organisation: Organisation
    readonly officer: Actor
  }

  const newTeam = async (overrides: Partial<Organisation> = {}): Promise<Team> => {
    const services = buildTestServices(database())
    const organisation = await addTestOrganisation(services, overrides)
    const officer = await addTestActor(services, organisation, ['officer'])
    return { services, organisation, officer }
  }

  const logCase = async (team: Team, overrides: Record<string, unknown> = {}, actor = team.officer) =>
    valueOf(await team.services.cases.logRequest(actor, aRequest(overrides)))

  const reread = async (team: Team, reference: string, actor = team.officer): Promise<CaseView> =>
    valueOf(await team.services.cases.getCase(actor, reference))

  const auditHead = async (team: Team, organisation = team.organisation) =>
    team.services.store.read.audit.head(organisation.id)

  describe('logging a request', () => {
    it('logs the first seed request and works out that it is due on 29 October 2024', async () => {
      const team = await newTeam()
      const logged = await logCase(team, {
        receivedOn: '2024-10-01',
        channel: 'email',
        requestText: 'A copy of the requests for information sent to seven organisations.',
        requester: { name: 'A. Requester', email: 'requester@example.com' },
      })
      expect(logged.deadline?.due).toBe('2024-10-29')
      expect(logged.case.reference).toMatch(/^IC-\d{6}-[A-HJ-NP-Z]\d[A-HJ-NP-Z]\d$/)
      expect(logged.case).toMatchObject({ state: 'received', version: 1, regime: 'foia' })
      const read = await reread(team, logged.case.reference)
      expect(read.requester?.name).toBe('A. Requester')
      expect(read.deadline?.due).toBe('2024-10-29')
    })

    it('works out that the second seed request, received on 8 November 2024, is due on 9 December 2024', async () => {
      const team = await newTeam()
      const logged = await logCase(team)
      expect(logged.deadline).toMatchObject({ due: '2024-12-09', received: '2024-11-08', status: 'running' })
      expect((await reread(team, logged.case.reference)).deadline?.due).toBe('2024-12-09')
    })

    it('gives each new case a different reference in the default pattern', async () => {
      const team = await newTeam()
      const references: string[] = []
      for (let i = 0; i < 12; i += 1) references.push((await logCase(team)).case.reference)
      for (const reference of references) expect(matchesReferencePattern('IC-######-@#@#', reference)).toBe(true)
      expect(new Set(references).size).toBe(references.length)
    })

    it('draws again when a new reference is already taken, even by another organisation', async () => {
      const first = await newTeam()
      const second = await newTeam()
      // A source that repeats itself: the second case's first draw is the first case's reference.
      let calls = 0
      const randomIndex = (n: number): number => {
        calls += 1
        return calls <= 20 ? 0 : 1 % n
      }
      const cases = (team: Team) =>
        createCaseService({
          store: team.services.store,
          clock: team.services.clock,
          calendar: defaultUkCalendar,
          randomIndex,
        })
      const a = valueOf(await cases(first).logRequest(first.officer, aRequest()))
      const b = valueOf(await cases(second).logRequest(second.officer, aRequest()))
      expect(a.case.reference).toBe('IC-000000-A0A0')
      expect(b.case.reference).toBe('IC-111111-B1B1')
    })

    it('makes references in the organisation’s own pattern', async () => {
      const team = await newTeam({ referencePattern: 'NSC/####/@@@@@' })
      const logged = await logCase(team)
      expect(logged.case.reference).toMatch(/^NSC\/\d{4}\/[A-HJ-NP-Z]{5}$/)
      expect((await reread(team, logged.case.reference)).case.reference).toBe(logged.case.reference)
    })

    it('keeps a reference the officer gives, in capitals', async () => {
      const team = await newTeam()
      const reference = `FOI-2024-${Math.floor(Math.random() * 1e9)}`
      const logged = await logCase(team, { reference: reference.toLowerCase() })
      expect(logged.case.reference).toBe(reference)
      expect((await reread(team, reference.toLowerCase())).case.reference).toBe(reference)
    })

    it('accepts a telephone request under the EIR, and request text of exactly 1 MB of UTF-8', async () => {
      const team = await newTeam()
      const byPhone = await logCase(team, { regime: 'eir', channel: 'phone' })
      expect(byPhone.case).toMatchObject({ regime: 'eir', channel: 'phone' })
      const oneMegabyte = 'é'.repeat(512 * 1024)
      const long = await logCase(team, { requestText: oneMegabyte })
      expect((await reread(team, long.case.reference)).case.requestText).toBe(oneMegabyte)
    })

    const badRequests: [string, Record<string, unknown>, string][] = [
      ['an unknown regime', { regime: 'gdpr' }, 'regime'],
      ['a date of receipt that does not exist', { receivedOn: '2024-02-30' }, 'receivedOn'],
      ['a date of receipt written day first', { receivedOn: '08/11/2024' }, 'receivedOn'],
      ['a date of receipt in the future', { receivedOn: '2024-12-05' }, 'receivedOn'],
      ['empty request text', { requestText: '  \n\t ' }, 'requestText'],
      // 524,289 characters, but 1,048,578 bytes: the limit is on bytes.
      ['request text over 1 MB of UTF-8', { requestText: 'é'.repeat(512 * 1024 + 1) }, 'requestText'],
      ['a telephone request under FOIA', { channel: 'phone' }, 'channel'],
      [
        'a part with an outcome that does not exist',
        { parts: [{ question: 'Q', outcome: 'lost' }] },
        'parts/0/outcome',
      ],
      ['a requester with a malformed email address', { requester: { name: 'Sam', email: 'sam@' } }, 'requester/email'],
    ]

    it.each(badRequests)('refuses %s, naming the field, and writes nothing', async (_name, overrides, field) => {
      const team = await newTeam()
      const before = await rowCounts(database())
      const error = errorOf(await team.services.cases.logRequest(team.officer, aRequest(overrides)))
      expect(error.kind).toBe('invalid')
      expect(problemFields(error)).toContain(field)
      expect(await rowCounts(database())).toEqual(before)
    })

    it('refuses keys that are not part of a case, naming them, and writes nothing', async () => {
      const team = await newTeam()
      const before = await rowCounts(database())
      const error = errorOf(await team.services.cases.logRequest(team.officer, aRequest({ colour: 'blue' })))
      expect(error.kind).toBe('invalid')
      expect(error.kind === 'invalid' && error.problems).toEqual([
        { field: 'colour', message: 'Remove “colour”: it is not part of a case' },
      ])
      expect(await rowCounts(database())).toEqual(before)
    })

    it('refuses a reference another case already has, even in another organisation, and writes nothing', async () => {
      const team = await newTeam()
      const other = await newTeam()
      const existing = await logCase(other)
      const before = await rowCounts(database())
      const error = errorOf(
        await team.services.cases.logRequest(team.officer, aRequest({ reference: existing.case.reference })),
      )
      expect(problemFields(error)).toEqual(['reference'])
      expect(await rowCounts(database())).toEqual(before)
    })

    it('lists every problem at once', async () => {
      const team = await newTeam()
      const error = errorOf(
        await team.services.cases.logRequest(
          team.officer,
          aRequest({ receivedOn: '2025-01-01', requestText: '', channel: 'phone' }),
        ),
      )
      expect(problemFields(error).sort()).toEqual(['channel', 'receivedOn', 'requestText'])
    })

    it('does not let an auditor log a request', async () => {
      const team = await newTeam()
      const auditor = await addTestActor(team.services, team.organisation, ['auditor'])
      const before = await rowCounts(database())
      expect(errorOf(await team.services.cases.logRequest(auditor, aRequest())).kind).toBe('forbidden')
      expect(await rowCounts(database())).toEqual(before)
    })
  })

  describe('organisations sharing an installation', () => {
    it('hides a case from every user of another organisation, even one who knows its reference', async () => {
      const ours = await newTeam()
      const theirs = await newTeam()
      const theirAdministrator = await addTestActor(theirs.services, theirs.organisation, ['administrator'])
      const logged = await logCase(ours, { requestText: 'Synthetic request about the unique word zephyrine.' })
      const reference = logged.case.reference
      const ourHead = await auditHead(ours)
      const cases = theirs.services.cases

      expect(errorOf(await cases.getCase(theirAdministrator, reference)).kind).toBe('not-found')
      expect(errorOf(await cases.exportCase(theirAdministrator, reference)).kind).toBe('not-found')
      expect(errorOf(await cases.history(theirAdministrator, reference)).kind).toBe('not-found')
      expect(valueOf(await cases.listCases(theirAdministrator)).map((c) => c.reference)).not.toContain(reference)
      expect(valueOf(await cases.listCases(theirAdministrator, { text: reference }))).toEqual([])
      expect(valueOf(await cases.listCases(theirAdministrator, { text: 'zephyrine' }))).toEqual([])
      expect(
        valueOf(await cases.dueSoon(theirAdministrator, ours.officer.userId ?? '', 100)).map((due) => due.case.id),
      ).toEqual([])

      const attempts: Result<unknown, ServiceError>[] = [
        await cases.moveCase(theirAdministrator, reference, 1, 'start-work'),
        await cases.moveCase(theirAdministrator, reference, 1, 'withdraw'),
        await cases.updateDetails(theirAdministrator, reference, 1, { requestText: 'Overwritten' }),
        await cases.changeRegime(theirAdministrator, reference, 1, 'eir', 'Environmental information'),
        await cases.saveParts(theirAdministrator, reference, 1, decidedParts),
        await cases.saveLinks(theirAdministrator, reference, 1, [{ kind: 'related', reference: 'IC-000001-A1A1' }]),
      ]
      for (const attempt of attempts) expect(errorOf(attempt).kind).toBe('not-found')

      const after = await reread(ours, reference)
      expect(after.case).toMatchObject({ version: 1, state: 'received', regime: 'foia' })
      expect(after.case.requestText).toBe(logged.case.requestText)
      expect(await auditHead(ours)).toEqual(ourHead)
    })

    it('does not let a case be assigned to an officer of another organisation', async () => {
      const ours = await newTeam()
      const theirs = await newTeam()
      const theirUser = valueOf(await theirs.services.users.findUser(theirs.officer, theirs.officer.userId ?? ''))
      const byEmail = errorOf(
        await ours.services.cases.logRequest(ours.officer, aRequest({ assignedOfficer: { email: theirUser.email } })),
      )
      expect(problemFields(byEmail)).toEqual(['assignedOfficer/email'])
      const logged = await logCase(ours)
      const byId = errorOf(
        await ours.services.cases.updateDetails(ours.officer, logged.case.reference, 1, {
          assignedOfficerId: theirUser.id,
        }),
      )
      expect(problemFields(byId)).toEqual(['assignedOfficerId'])
    })

    it('keeps a separate audit chain for each organisation', async () => {
      const ours = await newTeam()
      const theirs = await newTeam()
      const ourHead = await auditHead(ours)
      // Each chain starts at 1: organisation added, then the officer.
      expect(ourHead?.seq).toBe(2)
      const logged = await logCase(theirs)
      valueOf(await theirs.services.cases.moveCase(theirs.officer, logged.case.reference, 1, 'start-work'))
      expect(await auditHead(ours)).toEqual(ourHead)
      expect((await auditHead(theirs))?.seq).toBe(4)
      const events = await theirs.services.store.read.audit.forEntity(theirs.organisation.id, 'case', logged.case.id)
      expect(events.map((event) => [event.seq, event.organisationId])).toEqual([
        [3, theirs.organisation.id],
        [4, theirs.organisation.id],
      ])
      expect(await ours.services.store.read.audit.forEntity(ours.organisation.id, 'case', logged.case.id)).toEqual([])
      const reports = await verifyAuditTrail(ours.services.store)
      const reportOf = (organisation: Organisation) =>
        reports.find((report) => report.organisationId === organisation.id)
      expect(reportOf(ours.organisation)).toMatchObject({ events: 2, broken: null })
      expect(reportOf(theirs.organisation)).toMatchObject({ events: 4, broken: null })
    })
  })

  describe('an applicant-blind officer', () => {
    it('works a case without seeing who asked', async () => {
      const team = await newTeam()
      const blind = await addTestActor(team.services, team.organisation, ['applicant-blind-officer'])
      const logged = await logCase(team)
      const reference = logged.case.reference
      expect(logged.case.requesterId).not.toBeNull()

      const seen = await reread(team, reference, blind)
      expect(seen.requester).toBeNull()
      expect(seen.case.requesterId).toBeNull()
      expect(JSON.stringify(seen)).not.toContain('Sam Synthetic')
      expect(JSON.stringify(seen)).not.toContain(logged.case.requesterId)

      const listed = valueOf(await team.services.cases.listCases(blind))
      expect(listed.find((c) => c.reference === reference)?.requesterId).toBeNull()

      const moved = valueOf(await team.services.cases.moveCase(blind, reference, 1, 'start-work'))
      expect(moved.case.state).toBe('in-progress')
      expect(moved.requester).toBeNull()
      expect(moved.case.requesterId).toBeNull()

      const ownRequest = await logCase(team, {}, blind)
      expect(ownRequest.requester).toBeNull()
      expect(ownRequest.case.requesterId).toBeNull()
      // The requester was still recorded, for officers who may see it.
      expect((await reread(team, ownRequest.case.reference)).requester?.name).toBe('Sam Synthetic')
    })

    it('cannot look cases up by requester or export them, where an officer can', async () => {
      const team = await newTeam()
      const blind = await addTestActor(team.services, team.organisation, ['applicant-blind-officer'])
      const logged = await logCase(team)
      const requesterId = logged.case.requesterId ?? ''
      expect(errorOf(await team.services.cases.listCases(blind, { requesterId })).kind).toBe('forbidden')
      expect(errorOf(await team.services.cases.exportCase(blind, logged.case.reference)).kind).toBe('forbidden')
      const found = valueOf(await team.services.cases.listCases(team.officer, { requesterId }))
      expect(found.map((c) => c.reference)).toEqual([logged.case.reference])
    })
  })

  describe('two officers saving the same case', () => {
    it('tells the second who changed which fields, and saves nothing of theirs', async () => {
      const team = await newTeam()
      const colleague = await addTestActor(team.services, team.organisation, ['officer'])
      const logged = await logCase(team)
      const reference = logged.case.reference
      const loadedByBoth = logged.case.version
      expect(loadedByBoth).toBe(1)

      valueOf(
        await team.services.cases.updateDetails(team.officer, reference, loadedByBoth, {
          requestText: 'The first officer’s wording.',
          team: 'Corporate information',
        }),
      )
      const before = await rowCounts(database())
      const error = errorOf(
        await team.services.cases.updateDetails(colleague, reference, loadedByBoth, {
          requestText: 'The second officer’s wording.',
        }),
      )
      expect(error).toMatchObject({
        kind: 'conflict',
        currentVersion: 2,
        changes: [{ version: 2, by: team.officer.label, action: 'case.details-updated' }],
      })
      if (error.kind !== 'conflict') throw new Error('not a conflict')
      expect([...(error.changes[0]?.fields ?? [])].sort()).toEqual(['requestText', 'team'])
      expect(error.message).toContain(team.officer.label)
      expect(error.message).toContain('requestText')
      expect(await rowCounts(database())).toEqual(before)
      const saved = await reread(team, reference)
      expect(saved.case).toMatchObject({ version: 2, requestText: 'The first officer’s wording.' })
    })

    it('refuses a workflow move made from an old version', async () => {
      const team = await newTeam()
      const logged = await logCase(team)
      valueOf(await team.services.cases.moveCase(team.officer, logged.case.reference, 1, 'start-work'))
      const error = errorOf(await team.services.cases.moveCase(team.officer, logged.case.reference, 1, 'withdraw'))
      expect(error).toMatchObject({ kind: 'conflict', currentVersion: 2 })
      expect((await reread(team, logged.case.reference)).case.state).toBe('in-progress')
    })

    it('lets exactly one of two changes made at the same moment win', async () => {
      const team = await newTeam()
      const colleague = await addTestActor(team.services, team.organisation, ['officer'])
      const logged = await logCase(team)
      const reference = logged.case.reference
      const results = await Promise.all([
        team.services.cases.moveCase(team.officer, reference, 1, 'start-work'),
        team.services.cases.moveCase(colleague, reference, 1, 'withdraw'),
        team.services.cases.updateDetails(colleague, reference, 1, { team: 'Parks' }),
      ])
      expect(results.filter((result) => result.ok)).toHaveLength(1)
      expect(results.filter((result) => !result.ok).map((result) => errorOf(result).kind)).toEqual([
        'conflict',
        'conflict',
      ])
      const saved = await reread(team, reference)
      expect(saved.case.version).toBe(2)
      const events = await team.services.store.read.audit.forEntity(team.organisation.id, 'case', logged.case.id)
      expect(events).toHaveLength(2)
      expect((await verifyAuditTrail(team.services.store, team.organisation.id))[0]?.broken).toBeNull()
    })

    it('lets exactly one of two regime changes made at the same moment win, recording one reason', async () => {
      const team = await newTeam()
      const colleague = await addTestActor(team.services, team.organisation, ['officer'])
      const logged = await logCase(team)
      const reference = logged.case.reference
      const results = await Promise.allSettled([
        team.services.cases.changeRegime(team.officer, reference, 1, 'eir', 'It is about air quality'),
        team.services.cases.changeRegime(colleague, reference, 1, 'eir', 'Emissions data'),
        team.services.cases.moveCase(colleague, reference, 1, 'start-work'),
      ])
      const settled = results.map((result) => {
        if (result.status === 'rejected') throw result.reason
        return result.value
      })
      expect(settled.filter((result) => result.ok)).toHaveLength(1)
      const events = await team.services.store.read.audit.forEntity(team.organisation.id, 'case', logged.case.id)
      const winner = settled.findIndex((result) => result.ok)
      expect(events.map((event) => event.action)).toEqual(
        winner === 2
          ? ['case.created', 'case.start-work']
          : ['case.created', 'case.regime-change-reason', 'case.regime-changed'],
      )
      expect((await verifyAuditTrail(team.services.store, team.organisation.id))[0]?.broken).toBeNull()
    })

    it('keeps every organisation’s audit chain whole when many cases are logged at once', async () => {
      const team = await newTeam()
      const logged = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          team.services.cases.logRequest(team.officer, aRequest({ requestText: `Concurrent synthetic request ${i}` })),
        ),
      )
      expect(logged.every((result) => result.ok)).toBe(true)
      const [report] = await verifyAuditTrail(team.services.store, team.organisation.id)
      expect(report).toMatchObject({ events: 2 + 8, broken: null })
    })
  })

  describe('changing a case’s details', () => {
    it('keeps the clock, the channel and the team when only the request text changes', async () => {
      const team = await newTeam()
      const logged = await logCase(team, { channel: 'post', team: 'Parks and leisure' })
      const reference = logged.case.reference
      valueOf(
        await team.services.cases.moveCase(team.officer, reference, 1, 'request-clarification', iso('2024-11-12')),
      )
      const changed = valueOf(
        await team.services.cases.updateDetails(team.officer, reference, 2, { requestText: 'Clarified wording.' }),
      )
      expect(changed.case).toMatchObject({
        requestText: 'Clarified wording.',
        channel: 'post',
        team: 'Parks and leisure',
        clock: { events: [{ type: 'clarification-requested', on: '2024-11-12' }] },
      })
      const events = await team.services.store.read.audit.forEntity(team.organisation.id, 'case', logged.case.id)
      expect(JSON.parse(events[events.length - 1]?.payload ?? 'null')).toEqual({
        before: { requestText: logged.case.requestText, version: 2 },
        after: { requestText: 'Clarified wording.', version: 3 },
      })
    })

    it('refuses a date of receipt in the future and a telephone FOIA request, writing nothing', async () => {
      const team = await newTeam()
      const logged = await logCase(team)
      const before = await rowCounts(database())
      const error = errorOf(
        await team.services.cases.updateDetails(team.officer, logged.case.reference, 1, {
          receivedOn: '2024-12-25',
          channel: 'phone',
          unknown: true,
        }),
      )
      expect(error.kind).toBe('invalid')
      expect(await rowCounts(database())).toEqual(before)
      const error2 = errorOf(
        await team.services.cases.updateDetails(team.officer, logged.case.reference, 1, {
          receivedOn: '2024-12-25',
          channel: 'phone',
        }),
      )
      expect(problemFields(error2).sort()).toEqual(['channel', 'receivedOn'])
      expect(await rowCounts(database())).toEqual(before)
    })
  })

  describe('the workflow, through the service', () => {
    it('takes a request through its whole life, restarting the clock when clarification arrives', async () => {
      // A refusal must give the review procedure (FOIA s17(7)): the organisation's letter settings have it.
      const team = await newTeam({
        letters: {
          ...EMPTY_LETTER_SETTINGS,
          reviewProcedureUrl: 'https://authority.example/foi/review',
          complaintUrl: 'https://ico.example/complain',
        },
      })
      const sender = await addTestActor(team.services, team.organisation, ['officer', 'approver'])
      const approver = await addTestActor(team.services, team.organisation, ['approver'])
      const cases = team.services.cases
      const logged = await logCase(team, { exemptionDecisions: closedSessionDecisions })
      const reference = logged.case.reference
      expect(logged.deadline?.due).toBe('2024-12-09')

      let view = valueOf(await cases.moveCase(team.officer, reference, 1, 'start-work'))
      expect(view.case.state).toBe('in-progress')

      view = valueOf(await cases.moveCase(team.officer, reference, 2, 'request-clarification', iso('2024-11-12')))
      expect(view.case.state).toBe('awaiting-clarification')
      expect(view.deadline).toMatchObject({ status: 'awaiting-clarification', due: null })

      view = valueOf(await cases.moveCase(team.officer, reference, 3, 'receive-clarification', iso('2024-11-20')))
      expect(view.case.state).toBe('in-progress')
      // A fresh 20 working days from Wed 20 Nov 2024, passing over Scotland's St Andrew's Day substitute (2 Dec).
      expect(view.deadline).toMatchObject({ status: 'running', countedFrom: '2024-11-20', due: '2024-12-19' })
      expect(view.case.clock.events).toEqual([
        { type: 'clarification-requested', on: '2024-11-12' },
        { type: 'clarification-received', on: '2024-11-20' },
      ])

      const noParts = errorOf(await cases.moveCase(sender, reference, 4, 'submit-for-approval'))
      expect(noParts).toMatchObject({ kind: 'refused', code: 'has-parts' })
      valueOf(await cases.saveParts(team.officer, reference, 4, [decidedParts[0], { question: 'Attendance lists' }]))
      const undecided = errorOf(await cases.moveCase(sender, reference, 5, 'submit-for-approval'))
      expect(undecided).toMatchObject({ kind: 'refused', code: 'every-part-decided' })
      expect(undecided.message).toContain('Part 2')
      valueOf(await cases.saveParts(team.officer, reference, 5, decidedParts))

      view = valueOf(await cases.moveCase(sender, reference, 6, 'submit-for-approval'))
      expect(view.case.state).toBe('awaiting-approval')

      const ownApproval = errorOf(await cases.moveCase(sender, reference, 7, 'approve'))
      expect(ownApproval).toMatchObject({ kind: 'refused', code: 'approver-did-not-submit' })
      view = valueOf(await cases.moveCase(approver, reference, 7, 'approve'))
      expect(view.case.state).toBe('approved')

      view = valueOf(await cases.moveCase(team.officer, reference, 8, 'issue-response'))
      expect(view.case).toMatchObject({ state: 'responded', respondedOn: '2024-12-04' })

      view = valueOf(await cases.moveCase(team.officer, reference, 9, 'close'))
      expect(view.case).toMatchObject({ state: 'closed', closedOn: '2024-12-04', version: 10 })

      const history = valueOf(await cases.history(team.officer, reference))
      expect(history.map((event) => event.action)).toEqual([
        'case.created',
        'case.start-work',
        'case.request-clarification',
        'case.receive-clarification',
        'case.parts-saved',
        'case.parts-saved',
        'case.submit-for-approval',
        'case.approve',
        'case.issue-response',
        'case.letter-issued',
        'case.close',
      ])
      expect(history[7]).toMatchObject({ by: approver.label, name: 'Approve the response' })
      const closed = await reread(team, reference)
      expect(closed.case.parts.map((part) => part.outcome)).toEqual(['disclosed-in-full', 'withheld'])
      expect(errorOf(await cases.saveParts(team.officer, reference, 10, decidedParts))).toMatchObject({
        kind: 'refused',
        code: 'case-not-open',
      })
    })

    it('records a withdrawn request and then refuses to change its parts', async () => {
      const team = await newTeam()
      const logged = await logCase(team)
      const view = valueOf(await team.services.cases.moveCase(team.officer, logged.case.reference, 1, 'withdraw'))
      expect(view.case.state).toBe('withdrawn')
      expect(
        errorOf(await team.services.cases.saveParts(team.officer, logged.case.reference, 2, decidedParts)),
      ).toMatchObject({ kind: 'refused', code: 'case-not-open' })
    })

    it('forbids a move the role may not make, and writes nothing', async () => {
      const team = await newTeam()
      const auditor = await addTestActor(team.services, team.organisation, ['auditor'])
      const logged = await logCase(team)
      const before = await rowCounts(database())
      expect(errorOf(await team.services.cases.moveCase(auditor, logged.case.reference, 1, 'start-work')).kind).toBe(
        'forbidden',
      )
      expect(errorOf(await team.services.cases.moveCase(auditor, logged.case.reference, 1, 'withdraw')).kind).toBe(
        'forbidden',
      )
      expect(await rowCounts(database())).toEqual(before)
      expect((await reread(team, logged.case.reference)).case).toMatchObject({ state: 'received', version: 1 })
    })

    it('forbids an officer from approving a response', async () => {
      const team = await newTeam()
      const sender = await addTestActor(team.services, team.organisation, ['officer'])
      const logged = await logCase(team, { parts: decidedParts })
      const reference = logged.case.reference
      valueOf(await team.services.cases.moveCase(sender, reference, 1, 'start-work'))
      valueOf(await team.services.cases.moveCase(sender, reference, 2, 'submit-for-approval'))
      const before = await rowCounts(database())
      expect(errorOf(await team.services.cases.moveCase(team.officer, reference, 3, 'approve')).kind).toBe('forbidden')
      expect(await rowCounts(database())).toEqual(before)
    })

    it('refuses a move the case’s state does not allow, saying why', async () => {
      const team = await newTeam()
      const logged = await logCase(team)
      const before = await rowCounts(database())
      const error = errorOf(await team.services.cases.moveCase(team.officer, logged.case.reference, 1, 'close'))
      expect(error).toMatchObject({ kind: 'refused', code: 'not-from-this-state' })
      expect(error.message).toBe('You cannot close the case while the case is received')
      expect(await rowCounts(database())).toEqual(before)
    })

    it('refuses a move dated in the future or before the request arrived', async () => {
      const team = await newTeam()
      const logged = await logCase(team)
      const reference = logged.case.reference
      const before = await rowCounts(database())
      const future = errorOf(
        await team.services.cases.moveCase(team.officer, reference, 1, 'withdraw', iso('2024-12-05')),
      )
      expect(problemFields(future)).toEqual(['on'])
      const early = errorOf(
        await team.services.cases.moveCase(team.officer, reference, 1, 'withdraw', iso('2024-11-07')),
      )
      expect(problemFields(early)).toEqual(['on'])
      expect(await rowCounts(database())).toEqual(before)
    })

    it('handles a request under the EIR instead of FOIA, recording the reason in the audit trail', async () => {
      const team = await newTeam()
      const logged = await logCase(team)
      const reference = logged.case.reference
      const view = valueOf(
        await team.services.cases.changeRegime(team.officer, reference, 1, 'eir', '  It asks about air quality  '),
      )
      expect(view.case).toMatchObject({ regime: 'eir', version: 2 })
      expect(view.deadline).toMatchObject({ regime: 'eir', due: '2024-12-09' })
      const events = await team.services.store.read.audit.forEntity(team.organisation.id, 'case', logged.case.id)
      expect(events.map((event) => event.action)).toEqual([
        'case.created',
        'case.regime-change-reason',
        'case.regime-changed',
      ])
      expect(JSON.parse(events[1]?.payload ?? 'null')).toEqual({
        before: { regime: 'foia' },
        after: { regime: 'eir', reason: 'It asks about air quality' },
      })
      expect(JSON.parse(events[2]?.payload ?? 'null')).toEqual({
        before: { regime: 'foia', version: 1 },
        after: { regime: 'eir', version: 2 },
      })
    })

    it('refuses a regime change without a reason, or to the same regime, and writes nothing', async () => {
      const team = await newTeam()
      const logged = await logCase(team)
      const reference = logged.case.reference
      const before = await rowCounts(database())
      expect(
        problemFields(errorOf(await team.services.cases.changeRegime(team.officer, reference, 1, 'eir', ' '))),
      ).toEqual(['reason'])
      expect(
        problemFields(errorOf(await team.services.cases.changeRegime(team.officer, reference, 1, 'foia', 'Because'))),
      ).toEqual(['regime'])
      expect(await rowCounts(database())).toEqual(before)
      expect((await reread(team, reference)).case).toMatchObject({ regime: 'foia', version: 1 })
    })
  })
})
