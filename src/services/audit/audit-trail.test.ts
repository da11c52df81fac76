import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { describeEachDialect, useTestDatabase } from '../../../test/database.ts'
import { addTestActor, addTestOrganisation, buildTestServices, type TestServices } from '../../../test/services.ts'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import { isIsoDate, type IsoDate } from '../../domain/calendar/calendar-date.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import type { Result } from '../../domain/result.ts'
import type { Store } from '../../storage/store.ts'
import type { Actor } from '../actor.ts'
import { createCaseService } from '../cases/case.service.ts'
import type { ServiceError } from '../service-error.ts'
import { verifyAuditTrail } from './audit-trail.ts'

const iso = (text: string): IsoDate => {
  if (!isIsoDate(text)) throw new Error(`not a date: ${text}`)
  return text
}

const valueOf = <T>(result: Result<T, ServiceError>): T => {
  if (!result.ok) throw new Error(`Expected it to succeed, but: ${JSON.stringify(result.error)}`)
  return result.value
}

const aRequest = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  regime: 'foia',
  receivedOn: '2024-11-08',
  channel: 'email',
  requestText: 'Synthetic request for the grounds maintenance contract.',
  requester: { name: 'Robin Synthetic', email: 'robin.synthetic@example.com' },
  ...overrides,
})

/** A store whose audit trail cannot be written: whatever the change wrote before it must be rolled back. */
const storeWithBrokenAuditTrail = (store: Store): Store => ({
  ...store,
  transaction: (work) =>
    store.transaction((repositories) =>
      work({
        ...repositories,
        audit: { ...repositories.audit, append: () => Promise.reject(new Error('The audit trail is unavailable')) },
      }),
    ),
})

describeEachDialect('the audit trail', (dialect) => {
  const database = useTestDatabase(dialect)

  interface Team {
    readonly services: TestServices
    readonly organisation: Organisation
    readonly officer: Actor
  }

  const newTeam = async (): Promise<Team> => {
    const services = buildTestServices(database())
    const organisation = await addTestOrganisation(services)
    const officer = await addTestActor(services, organisation, ['officer'])
    return { services, organisation, officer }
  }

  const eventCount = async (organisation: Organisation): Promise<number> => {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from audit_event where organisation_id = ${organisation.id}`.execute(database().db)
    return Number(rows[0]?.n)
  }

  const actionsSince = async (organisation: Organisation, seq: number): Promise<string[]> => {
    const { rows } = await sql<{ action: string }>`
      select action from audit_event where organisation_id = ${organisation.id} and seq > ${seq} order by seq`.execute(
      database().db,
    )
    return rows.map((row) => row.action)
  }

  const verify = async (organisation: Organisation) => {
    const [report] = await verifyAuditTrail(buildTestServices(database()).store, organisation.id)
    if (report === undefined) throw new Error('No report for the organisation')
    return report
  }

  describe('recording changes', () => {
    it('writes exactly one event for each change, and two for a change of regime', async () => {
      const team = await newTeam()
      const { cases, users } = team.services
      const administrator = await addTestActor(team.services, team.organisation, ['administrator'])
      const steps: [string, () => Promise<Result<unknown, ServiceError>>, string[]][] = [
        [
          'log a request',
          () => cases.logRequest(team.officer, aRequest({ reference: 'AUD-1000-0001' })),
          ['case.created'],
        ],
        ['start work', () => cases.moveCase(team.officer, 'AUD-1000-0001', 1, 'start-work'), ['case.start-work']],
        [
          'change the details',
          () => cases.updateDetails(team.officer, 'AUD-1000-0001', 2, { team: 'Estates' }),
          ['case.details-updated'],
        ],
        [
          'save the parts',
          () => cases.saveParts(team.officer, 'AUD-1000-0001', 3, [{ question: 'The contract' }]),
          ['case.parts-saved'],
        ],
        [
          'save the links',
          () => cases.saveLinks(team.officer, 'AUD-1000-0001', 4, [{ kind: 'repeat-of', reference: 'IC-100000-A1A1' }]),
          ['case.links-saved'],
        ],
        [
          'change the regime',
          () => cases.changeRegime(team.officer, 'AUD-1000-0001', 5, 'eir', 'It concerns land use'),
          ['case.regime-change-reason', 'case.regime-changed'],
        ],
        [
          'import a case',
          () => cases.importCase(administrator, aRequest({ reference: 'AUD-1000-0002' })),
          ['case.imported'],
        ],
        [
          'add a user',
          () => users.addUser(administrator, { email: `audit-${Date.now()}@example.org`, roles: ['auditor'] }),
          ['user.added'],
        ],
        [
          'make an API token',
          () => users.createApiToken(administrator, team.officer.userId ?? '', 'Records system'),
          ['user.api-token-created'],
        ],
      ]
      for (const [name, step, actions] of steps) {
        const head = (await team.services.store.read.audit.head(team.organisation.id))?.seq ?? 0
        valueOf(await step())
        expect({ name, actions: await actionsSince(team.organisation, head) }).toEqual({ name, actions })
      }
      expect(await verify(team.organisation)).toMatchObject({ broken: null })
    })

    it('records who made the change and what it was before and after', async () => {
      const team = await newTeam()
      const logged = valueOf(await team.services.cases.logRequest(team.officer, aRequest()))
      valueOf(await team.services.cases.moveCase(team.officer, logged.case.reference, 1, 'withdraw', iso('2024-11-15')))
      const events = await team.services.store.read.audit.forEntity(team.organisation.id, 'case', logged.case.id)
      const last = events[events.length - 1]
      expect(last).toMatchObject({
        actorId: team.officer.userId,
        actorLabel: team.officer.label,
        action: 'case.withdraw',
        at: '2024-12-04T10:00:00.000Z',
      })
      expect(JSON.parse(last?.payload ?? 'null')).toEqual({
        before: { state: 'received', version: 1 },
        after: { state: 'withdrawn', version: 2 },
      })
    })

    it('writes no event when a change fails', async () => {
      const team = await newTeam()
      const auditor = await addTestActor(team.services, team.organisation, ['auditor'])
      const { cases, users } = team.services
      const logged = valueOf(await cases.logRequest(team.officer, aRequest()))
      const reference = logged.case.reference
      const before = await eventCount(team.organisation)
      const failures: Result<unknown, ServiceError>[] = [
        await cases.logRequest(team.officer, aRequest({ receivedOn: '2030-01-01' })),
        await cases.logRequest(auditor, aRequest()),
        await cases.moveCase(team.officer, reference, 7, 'start-work'),
        await cases.moveCase(auditor, reference, 1, 'start-work'),
        await cases.moveCase(team.officer, reference, 1, 'close'),
        await cases.updateDetails(team.officer, reference, 1, { requestText: '' }),
        await cases.changeRegime(team.officer, reference, 1, 'eir', ''),
        await cases.saveParts(team.officer, reference, 1, [{ question: '' }]),
        await cases.moveCase(team.officer, 'IC-999999-Z9Z9', 1, 'start-work'),
        await users.addUser(team.officer, { email: 'someone@example.org', roles: ['officer'] }),
      ]
      for (const failure of failures) expect(failure.ok).toBe(false)
      expect(await eventCount(team.organisation)).toBe(before)
    })

    it('writes the change and its event in one transaction: if the event cannot be written, neither is', async () => {
      const team = await newTeam()
      const logged = valueOf(await team.services.cases.logRequest(team.officer, aRequest()))
      const broken = createCaseService({
        store: storeWithBrokenAuditTrail(team.services.store),
        clock: team.services.clock,
        calendar: defaultUkCalendar,
      })
      const casesBefore = valueOf(await team.services.cases.listCases(team.officer)).length
      await expect(broken.moveCase(team.officer, logged.case.reference, 1, 'start-work')).rejects.toThrow(
        'The audit trail is unavailable',
      )
      await expect(broken.logRequest(team.officer, aRequest())).rejects.toThrow('The audit trail is unavailable')
      await expect(broken.changeRegime(team.officer, logged.case.reference, 1, 'eir', 'Land use')).rejects.toThrow(
        'The audit trail is unavailable',
      )
      const after = valueOf(await team.services.cases.getCase(team.officer, logged.case.reference))
      expect(after.case).toMatchObject({ state: 'received', version: 1, regime: 'foia' })
      expect(valueOf(await team.services.cases.listCases(team.officer))).toHaveLength(casesBefore)
      expect(await verify(team.organisation)).toMatchObject({ events: 3, broken: null })
    })
  })

  describe('verifying the chain', () => {
    /** An organisation with events 1 to 6: added, officer added, case created, then three moves. */
    const chainOfSix = async (): Promise<Team & { reference: string }> => {
      const team = await newTeam()
      const { cases } = team.services
      const logged = valueOf(await cases.logRequest(team.officer, aRequest()))
      const reference = logged.case.reference
      valueOf(await cases.moveCase(team.officer, reference, 1, 'start-work'))
      valueOf(await cases.updateDetails(team.officer, reference, 2, { team: 'Estates' }))
      valueOf(await cases.moveCase(team.officer, reference, 3, 'withdraw'))
      return { ...team, reference }
    }

    const eventId = async (organisation: Organisation, seq: number): Promise<string> => {
      const { rows } = await sql<{ id: string }>`
        select id from audit_event where organisation_id = ${organisation.id} and seq = ${seq}`.execute(database().db)
      return rows[0]?.id ?? 'missing'
    }

    it('finds an intact chain after many changes', async () => {
      const team = await newTeam()
      const logged = valueOf(await team.services.cases.logRequest(team.officer, aRequest()))
      for (let version = 1; version <= 25; version += 1) {
        valueOf(
          await team.services.cases.updateDetails(team.officer, logged.case.reference, version, {
            requestText: `Synthetic wording, revision ${version}`,
          }),
        )
      }
      expect(await verify(team.organisation)).toEqual({
        organisationId: team.organisation.id,
        events: 28,
        broken: null,
      })
    })

    it('still verifies once disposal has erased an event’s before and after', async () => {
      const team = await chainOfSix()
      await sql`update audit_event set payload = null where organisation_id = ${team.organisation.id} and seq = 3`.execute(
        database().db,
      )
      expect(await verify(team.organisation)).toMatchObject({ events: 6, broken: null })
    })

    it('names the event whose before-and-after record was edited', async () => {
      const team = await chainOfSix()
      const { rows } = await sql<{ payload: string }>`
        select payload from audit_event where organisation_id = ${team.organisation.id} and seq = 4`.execute(
        database().db,
      )
      const edited = (rows[0]?.payload ?? '').replace('"in-progress"', '"closed"')
      expect(edited).toContain('"closed"')
      await sql`update audit_event set payload = ${edited} where organisation_id = ${team.organisation.id} and seq = 4`.execute(
        database().db,
      )
      expect((await verify(team.organisation)).broken).toEqual({
        seq: 4,
        id: await eventId(team.organisation, 4),
        reason: 'its before-and-after record was changed',
      })
    })

    it('names the event whose author was changed', async () => {
      const team = await chainOfSix()
      await sql`update audit_event set actor_label = ${'someone-else@example.org'}
        where organisation_id = ${team.organisation.id} and seq = 5`.execute(database().db)
      expect((await verify(team.organisation)).broken).toEqual({
        seq: 5,
        id: await eventId(team.organisation, 5),
        reason: 'its details (who, when, what) were changed',
      })
    })

    it('names the event after one that was deleted', async () => {
      const team = await chainOfSix()
      await sql`delete from audit_event where organisation_id = ${team.organisation.id} and seq = 3`.execute(
        database().db,
      )
      const report = await verify(team.organisation)
      expect(report.broken).toMatchObject({ seq: 4, id: await eventId(team.organisation, 4) })
      expect(report.broken?.reason).toContain('3')
      expect(report.broken?.reason).toContain('missing')
    })

    it('notices that the last event was deleted', async () => {
      const team = await chainOfSix()
      const fifth = await eventId(team.organisation, 5)
      await sql`delete from audit_event where organisation_id = ${team.organisation.id} and seq = 6`.execute(
        database().db,
      )
      const report = await verify(team.organisation)
      expect(report.events).toBe(5)
      expect(report.broken).toMatchObject({ seq: 6, id: fifth })
      expect(report.broken?.reason).toContain('should end at event 6')
    })

    it('notices two events swapped in order', async () => {
      const team = await chainOfSix()
      const organisationId = team.organisation.id
      const db = database().db
      await sql`update audit_event set seq = -3 where organisation_id = ${organisationId} and seq = 3`.execute(db)
      await sql`update audit_event set seq = 3 where organisation_id = ${organisationId} and seq = 4`.execute(db)
      await sql`update audit_event set seq = 4 where organisation_id = ${organisationId} and seq = -3`.execute(db)
      expect((await verify(team.organisation)).broken).toMatchObject({
        seq: 3,
        reason: 'it does not follow the event before it (an event was removed, added or reordered)',
      })
    })

    it('notices an event’s hash recomputed to match an edit, at the event after it', async () => {
      const team = await chainOfSix()
      const organisationId = team.organisation.id
      const db = database().db
      // Someone who edits the payload and fixes its digest still breaks the event's own hash.
      const forged = '{"after":null,"before":null}'
      const digest = createHash('sha256').update(forged, 'utf8').digest('hex')
      await sql`update audit_event set payload = ${forged}, payload_digest = ${digest}
        where organisation_id = ${organisationId} and seq = 3`.execute(db)
      expect((await verify(team.organisation)).broken).toMatchObject({
        seq: 3,
        reason: 'its details (who, when, what) were changed',
      })
    })

    it('reports each organisation’s chain on its own: one broken chain does not hide another', async () => {
      const tampered = await chainOfSix()
      const untouched = await chainOfSix()
      await sql`update audit_event set action = ${'case.reopen'}
        where organisation_id = ${tampered.organisation.id} and seq = 6`.execute(database().db)
      const reports = await verifyAuditTrail(buildTestServices(database()).store)
      expect(reports.find((report) => report.organisationId === tampered.organisation.id)?.broken?.seq).toBe(6)
      expect(reports.find((report) => report.organisationId === untouched.organisation.id)).toEqual({
        organisationId: untouched.organisation.id,
        events: 6,
        broken: null,
      })
    })
  })
})
