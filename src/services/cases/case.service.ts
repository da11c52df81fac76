import { z } from 'zod'
import { dayNumberOfIso, formatLongDate, type IsoDate } from '../../domain/calendar/calendar-date.ts'
import type { UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import { addWorkingDays } from '../../domain/calendar/working-day-calendar.ts'
import type { Role } from '../../domain/access/role.ts'
import {
  CASE_STATE_NAMES,
  deadlineOfCase,
  dueDateOfCase,
  isOpen,
  MAX_REQUEST_TEXT_BYTES,
  type Case,
  type CaseLink,
  type CaseSummary,
} from '../../domain/case/case.ts'
import { generateReference, readCaseReference } from '../../domain/case/case-reference.ts'
import { CASE_ACTION_NAMES, decideTransition, transitionFor, type CaseAction } from '../../domain/case/case-workflow.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import type { Part } from '../../domain/case/part.ts'
import type { Requester } from '../../domain/case/requester.ts'
import type { ClockProblem } from '../../domain/deadlines/clock-request.ts'
import type { Deadline } from '../../domain/deadlines/deadline.ts'
import { REGIME_ABBREVIATIONS, type Regime } from '../../domain/deadlines/regime.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import type { CaseFilter } from '../../storage/repositories/case.repository.ts'
import type { Repositories, Store } from '../../storage/store.ts'
import { actorMay, type Actor } from '../actor.ts'
import { recordAudit, type AuditEntry } from '../audit/audit-trail.ts'
import { exemptionDecisionsSchema } from './decision-document.ts'
import { checkEditedLetter } from '../../domain/decisions/refusal-notice-check.ts'
import { letterBodyText } from '../../domain/letters/letter-document.ts'
import { composeLetter } from '../../domain/letters/compose-letter.ts'
import { blocksToMarkup } from '../../domain/letters/letter-markup.ts'
import { letterFactsFor } from '../letters/letter-facts.ts'
import { closestExemptionIds, findExemption } from '../../domain/exemptions/catalogue.ts'
import type { Clock } from '../clock.ts'
import { newId, secureRandomIndex } from '../ids.ts'
import {
  forbidden,
  invalid,
  notFound,
  type ConcurrentChange,
  type FieldProblem,
  type ServiceError,
} from '../service-error.ts'
import { caseDocumentSchema, problemsFromZod, type CaseDocument } from './case-document.ts'

/** A case as a person with the actor's roles may see it, with its deadline worked out now. */
export interface CaseView {
  readonly case: Case
  /** Null when nobody is recorded, or when the actor's role is applicant-blind. */
  readonly requester: Requester | null
  readonly organisation: Organisation
  /** Null for a complaint to the regulator (its clocks are the regulator's). */
  readonly deadline: Deadline | null
  /** Why the deadline could not be worked out (a clock event before receipt, say). */
  readonly clockProblems: readonly ClockProblem[]
}

export interface CaseServiceDependencies {
  readonly store: Store
  readonly clock: Clock
  /** The calendar in force now (it changes when an administrator imports bank holidays). */
  readonly calendar: () => UkCalendar
  /** Where references come from: cryptographic by default, fixed in tests. */
  readonly randomIndex?: (n: number) => number
}

type CaseWithSubmitter = Case & { readonly submittedBy: string | null }

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/** The problems with a case's own fields that the JSON schema cannot see: dates against today, sizes, channels. */
const checkCaseFields = (
  subject: Pick<Case, 'regime' | 'receivedOn' | 'channel' | 'requestText' | 'kind'>,
  today: IsoDate,
): FieldProblem[] => {
  const problems: FieldProblem[] = []
  if (dayNumberOfIso(subject.receivedOn) > dayNumberOfIso(today)) {
    problems.push({
      field: 'receivedOn',
      message: `Date of receipt must be today or in the past (today is ${formatLongDate(dayNumberOfIso(today))})`,
    })
  }
  if (subject.requestText.trim() === '') {
    problems.push({ field: 'requestText', message: 'Enter the request text' })
  } else if (utf8Bytes(subject.requestText) > MAX_REQUEST_TEXT_BYTES) {
    problems.push({
      field: 'requestText',
      message: 'The request text must be 1 MB or less: attach longer material to the case as a document',
    })
  }
  if (subject.channel === 'phone' && subject.regime !== 'eir') {
    problems.push({
      field: 'channel',
      message: `Only requests for environmental information (EIR) can be made by telephone: a ${REGIME_ABBREVIATIONS[subject.regime]} request must be in writing`,
    })
  }
  return problems
}

const changedFields = (before: Case, after: Case): string[] =>
  (Object.keys(after) as (keyof Case)[]).filter(
    (key) => key !== 'version' && key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )

const pick = (subject: Case, fields: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(fields.map((field) => [field, subject[field as keyof Case]]))

const stripSubmitter = ({ submittedBy: _ignored, ...subject }: CaseWithSubmitter): Case => subject

/** "There is no exemption foia-s31-1-z: did you mean foia-s31-1-g, …?" */
export const unknownExemptionMessage = (id: string): string => {
  const closest = closestExemptionIds(id)
  return `There is no exemption ${id}${closest.length > 0 ? `: did you mean ${closest.join(', ')}?` : ''}`
}

/** Each exemption id a part names that the catalogue does not know, as a problem at its field. */
const unknownExemptionsIn = (
  parts: readonly { readonly exemptionIds: readonly string[] }[],
  prefix: string,
): { field: string; message: string }[] =>
  parts.flatMap((part, index) =>
    part.exemptionIds.flatMap((id, position) =>
      findExemption(id) === undefined
        ? [{ field: `${prefix}${index}/exemptionIds/${position}`, message: unknownExemptionMessage(id) }]
        : [],
    ),
  )

export const createCaseService = (dependencies: CaseServiceDependencies) => {
  const { store, clock } = dependencies
  const randomIndex = dependencies.randomIndex ?? secureRandomIndex

  const organisationOf = async (repositories: Repositories, actor: Actor): Promise<Organisation> => {
    const organisation = await repositories.organisations.findById(actor.organisationId)
    if (organisation === undefined) throw new Error('The actor’s organisation does not exist')
    return organisation
  }

  const view = (
    actor: Actor,
    subject: Case,
    requester: Requester | null,
    organisation: Organisation,
    deadline: ReturnType<typeof deadlineOfCase> = deadlineOfCase(dependencies.calendar(), organisation.nation, subject),
  ): CaseView => {
    const mayseeRequester = actorMay(actor, 'see-requester')
    return {
      case: mayseeRequester ? subject : { ...subject, requesterId: null },
      requester: mayseeRequester ? requester : null,
      organisation,
      deadline: deadline.ok ? deadline.value : null,
      clockProblems: deadline.ok ? [] : deadline.error,
    }
  }

  const loadView = async (repositories: Repositories, actor: Actor, subject: Case): Promise<CaseView> => {
    const organisation = await organisationOf(repositories, actor)
    const requester =
      subject.requesterId === null
        ? null
        : ((await repositories.cases.findRequester(actor.organisationId, subject.requesterId)) ?? null)
    return view(actor, subject, requester, organisation)
  }

  const findCase = async (
    repositories: Repositories,
    actor: Actor,
    reference: string,
  ): Promise<Result<CaseWithSubmitter, ServiceError>> => {
    const read = readCaseReference(reference)
    if (!read.ok) return fail(notFound(`There is no case ${reference.slice(0, 40)}: ${read.error}`))
    const found = await repositories.cases.findByReference(actor.organisationId, read.value)
    return found === undefined ? fail(notFound(`There is no case ${read.value}`)) : ok(found)
  }

  /** What others saved since `version`: the audit trail knows who changed which fields. */
  const changesSince = async (repositories: Repositories, actor: Actor, subject: Case, version: number) => {
    const events = await repositories.audit.forEntity(actor.organisationId, 'case', subject.id)
    return events.flatMap((event): ConcurrentChange[] => {
      if (event.payload === null) return []
      const payload = JSON.parse(event.payload) as { after?: { version?: number } & Record<string, unknown> }
      const eventVersion = payload.after?.version
      if (eventVersion === undefined || eventVersion <= version) return []
      return [
        {
          version: eventVersion,
          by: event.actorLabel,
          at: event.at,
          action: event.action,
          fields: Object.keys(payload.after ?? {}).filter((key) => key !== 'version'),
        },
      ]
    })
  }

  const conflict = async (
    repositories: Repositories,
    actor: Actor,
    current: Case,
    expectedVersion: number,
  ): Promise<ServiceError> => {
    const changes = await changesSince(repositories, actor, current, expectedVersion)
    const described = changes.map((change) => `${change.by} changed ${change.fields.join(', ') || 'the case'}`)
    return {
      kind: 'conflict',
      message: `Someone else saved this case after you opened it (${
        described.join('; ') || `it is now at version ${current.version}`
      }). Nothing of yours was saved: reload the case, check their changes and make yours again.`,
      currentVersion: current.version,
      changes,
    }
  }

  /**
   * Every change to a case goes through here: one transaction that checks the version, applies the change, saves
   * it and writes its audit event — all of it, or nothing.
   */
  const changeCase = async (
    actor: Actor,
    reference: string,
    expectedVersion: number,
    action: string,
    change: (
      subject: CaseWithSubmitter,
      repositories: Repositories,
    ) => Result<CaseWithSubmitter, ServiceError> | Promise<Result<CaseWithSubmitter, ServiceError>>,
    /**
     * An event to record just before the change's own (the reason for a regime change). Written after the save, so
     * that a change that loses a race writes nothing, and every change locks the case before the audit chain.
     */
    precedingAudit?: (current: Case, next: Case) => AuditEntry,
    /** Work to do once the case is saved, in the same transaction: keeping the letter that went out. */
    afterSave?: (saved: Case, repositories: Repositories) => Promise<void>,
  ): Promise<Result<CaseView, ServiceError>> => {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
      return fail(
        invalid([{ field: 'version', message: 'Send the version of the case you are changing (a whole number)' }]),
      )
    }
    return store.transaction(async (repositories) => {
      const found = await findCase(repositories, actor, reference)
      if (!found.ok) return found
      const current = found.value
      if (current.version !== expectedVersion)
        return fail(await conflict(repositories, actor, current, expectedVersion))
      const changed = await change(current, repositories)
      if (!changed.ok) return changed
      const next: CaseWithSubmitter = { ...changed.value, version: current.version + 1, updatedAt: clock.now() }
      const saved = await repositories.cases.update(stripSubmitter(next), expectedVersion, next.submittedBy)
      if (!saved) return fail(await conflict(repositories, actor, current, expectedVersion))
      if (precedingAudit !== undefined) {
        await recordAudit(repositories, actor, clock, precedingAudit(current, stripSubmitter(next)))
      }
      const fields = changedFields(current, next)
      await recordAudit(repositories, actor, clock, {
        action,
        entityType: 'case',
        entityId: current.id,
        before: { ...pick(current, fields), version: current.version },
        after: { ...pick(next, fields), version: next.version },
      })
      if (afterSave !== undefined) await afterSave(stripSubmitter(next), repositories)
      return ok(await loadView(repositories, actor, stripSubmitter(next)))
    })
  }

  const mustMay = (actor: Actor, permission: Parameters<typeof actorMay>[1], doing: string): ServiceError | null =>
    actorMay(actor, permission) ? null : forbidden(`Your role cannot ${doing}`)

  /** Saves a new case under a fresh reference from the organisation's pattern, trying another if one is taken. */
  const insertWithNewReference = async (
    repositories: Repositories,
    organisation: Organisation,
    subject: Case,
  ): Promise<Case> => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const withReference: Case = {
        ...subject,
        reference: generateReference(organisation.referencePattern, randomIndex),
      }
      if (await repositories.cases.insertUnlessReferenceTaken(withReference)) return withReference
    }
    throw new Error('Could not find an unused case reference after 20 tries: the reference pattern is too small')
  }

  const partsFrom = (document: CaseDocument): Part[] =>
    document.parts.map((part, index) => ({
      id: part.id ?? newId(),
      position: index + 1,
      question: part.question,
      outcome: part.outcome,
      publishedLinks: part.publishedLinks,
      disclosureLogReference: part.disclosureLogReference,
      transferredTo: part.transferredTo,
      exemptionIds: part.exemptionIds,
      documentIds: part.documentIds,
      explanation: part.explanation,
    }))

  const readDocument = (input: unknown): Result<CaseDocument, ServiceError> => {
    const parsed = caseDocumentSchema.safeParse(input)
    return parsed.success ? ok(parsed.data) : fail(invalid(problemsFromZod(parsed.error)))
  }

  /**
   * Writes a new case from its JSON form. `mode` create: a new request as logged today (state received, a fresh
   * reference unless one is given). `mode` import: a case from another installation or an export, kept as it was.
   */
  const insertCase = async (
    actor: Actor,
    input: unknown,
    mode: 'create' | 'import',
  ): Promise<Result<CaseView, ServiceError>> => {
    const denied =
      mode === 'create'
        ? mustMay(actor, 'create-cases', 'log new cases')
        : mustMay(actor, 'import-cases', 'import cases')
    if (denied !== null) return fail(denied)
    const read = readDocument(input)
    if (!read.ok) return read
    const document = read.value
    return store.transaction(async (repositories) => {
      const organisation = await organisationOf(repositories, actor)
      const regime: Regime = document.regime ?? organisation.defaultRegime
      const requestText = document.requestText
      const problems = checkCaseFields(
        { regime, receivedOn: document.receivedOn, channel: document.channel, requestText, kind: document.kind },
        clock.today(),
      )
      problems.push(...unknownExemptionsIn(document.parts, 'parts/'))
      for (const [index, decision] of document.exemptionDecisions.entries()) {
        if (findExemption(decision.exemptionId) === undefined) {
          problems.push({
            field: `exemptionDecisions/${index}/exemptionId`,
            message: unknownExemptionMessage(decision.exemptionId),
          })
        }
      }
      if (mode === 'create' && document.state !== undefined && document.state !== 'received') {
        problems.push({
          field: 'state',
          message: 'A new case starts as received: leave state out, or import the case instead',
        })
      }
      let reference: string | undefined
      if (document.reference !== undefined) {
        const readReference = readCaseReference(document.reference)
        if (!readReference.ok) problems.push({ field: 'reference', message: readReference.error })
        else if (await repositories.cases.referenceTaken(readReference.value)) {
          problems.push({
            field: 'reference',
            message: `${readReference.value} is already the reference of another case: choose another, or leave it out and Disclose will make one`,
          })
        } else reference = readReference.value
      } else if (mode === 'import') {
        problems.push({ field: 'reference', message: 'An imported case needs its reference' })
      }
      if (document.id !== undefined && (await repositories.cases.idTaken(document.id))) {
        problems.push({
          field: 'id',
          message: 'A case with this id is already in this installation: it has been imported before',
        })
      }
      let assignedOfficerId: string | null = null
      if (document.assignedOfficer !== null) {
        const officer = await repositories.users.findByEmail(document.assignedOfficer.email)
        if (officer?.organisationId !== actor.organisationId) {
          problems.push({
            field: 'assignedOfficer/email',
            message: `There is no user ${document.assignedOfficer.email} in ${organisation.name}: add them first (disclose user add), or leave the case unassigned`,
          })
        } else assignedOfficerId = officer.id
      }
      const links = document.links.map((link): CaseLink => ({ ...link, reference: link.reference.toUpperCase() }))
      const now = clock.now()
      const subject: Case = {
        id: document.id ?? newId(),
        organisationId: actor.organisationId,
        reference: reference ?? '',
        kind: document.kind,
        regime,
        state: mode === 'import' ? (document.state ?? 'received') : 'received',
        receivedOn: document.receivedOn,
        channel: document.channel,
        requestText,
        requesterId: null,
        assignedOfficerId,
        team: document.team,
        clock: document.clock,
        parts: partsFrom(document),
        links,
        exemptionDecisions: document.exemptionDecisions,
        respondedOn: document.respondedOn,
        closedOn: document.closedOn,
        version: 1,
        createdAt: mode === 'import' ? (document.createdAt ?? now) : now,
        updatedAt: now,
      }
      const deadline = deadlineOfCase(dependencies.calendar(), organisation.nation, subject)
      if (!deadline.ok) {
        problems.push(
          ...deadline.error.map((problem) => ({ field: `clock/${problem.field}`, message: problem.message })),
        )
      }
      if (problems.length > 0) return fail(invalid(problems))
      let requester: Requester | null = null
      if (document.requester !== null) {
        requester = { id: newId(), ...document.requester, erasedAt: null }
        await repositories.cases.insertRequester(actor.organisationId, requester, now)
      }
      const withRequester: Case = { ...subject, requesterId: requester?.id ?? null }
      let saved: Case
      if (reference === undefined) saved = await insertWithNewReference(repositories, organisation, withRequester)
      else {
        saved = withRequester
        await repositories.cases.insert(saved)
      }
      await recordAudit(repositories, actor, clock, {
        action: mode === 'create' ? 'case.created' : 'case.imported',
        entityType: 'case',
        entityId: saved.id,
        before: null,
        after: { ...saved, requester },
      })
      // The deadline was worked out from the same clock before saving; the reference and requester do not change it.
      return ok(view(actor, saved, requester, organisation, deadline))
    })
  }

  /**
   * Keeps the outcome letter as it went out, in the transaction that issues the response: the officer's edit if there
   * is one, otherwise the letter composed now from the case. It is addressed to the requester whoever issues it; an
   * applicant-blind reader is shown it without the address.
   */
  const keepIssuedLetter = async (actor: Actor, saved: Case, repositories: Repositories): Promise<void> => {
    if (saved.regime === 'sar' || saved.respondedOn === null) return
    const organisation = await organisationOf(repositories, actor)
    const requester =
      saved.requesterId === null
        ? null
        : ((await repositories.cases.findRequester(actor.organisationId, saved.requesterId)) ?? null)
    const deadline = deadlineOfCase(dependencies.calendar(), organisation.nation, saved)
    const kind = saved.kind === 'internal-review' ? 'review' : 'response'
    const made = composeLetter(
      letterFactsFor(
        { case: saved, organisation, requester, deadline: deadline.ok ? deadline.value : null },
        dependencies.calendar(),
        clock.today(),
        { date: saved.respondedOn },
      ),
      kind,
    )
    if (!made.ok) return
    const draft = await repositories.letters.find(actor.organisationId, saved.id, kind, 'draft')
    const letter = draft === undefined ? made.value : { ...made.value, blocks: draft.body.blocks }
    const now = clock.now()
    await repositories.letters.saveIssued({
      id: newId(),
      organisationId: actor.organisationId,
      caseId: saved.id,
      kind,
      status: 'issued',
      body: letter,
      editedBy: draft?.editedBy ?? null,
      issuedOn: saved.respondedOn,
      createdAt: now,
      updatedAt: now,
    })
    await recordAudit(repositories, actor, clock, {
      action: 'case.letter-issued',
      entityType: 'case',
      entityId: saved.id,
      before: null,
      after: { kind, issuedOn: saved.respondedOn, text: blocksToMarkup(letter.blocks) },
    })
  }

  return {
    /** Logs a new request (or review, or complaint) from its JSON form, and works out its deadline. */
    logRequest: (actor: Actor, input: unknown) => insertCase(actor, input, 'create'),

    /** Imports a case exported from this or another installation, keeping its reference, state and parts. */
    importCase: (actor: Actor, input: unknown) => insertCase(actor, input, 'import'),

    getCase: async (actor: Actor, reference: string): Promise<Result<CaseView, ServiceError>> => {
      const denied = mustMay(actor, 'read-cases', 'read cases')
      if (denied !== null) return fail(denied)
      const found = await findCase(store.read, actor, reference)
      if (!found.ok) return found
      return ok(await loadView(store.read, actor, stripSubmitter(found.value)))
    },

    listCases: async (actor: Actor, filter: CaseFilter = {}): Promise<Result<CaseSummary[], ServiceError>> => {
      const denied = mustMay(actor, 'read-cases', 'read cases')
      if (denied !== null) return fail(denied)
      if (filter.requesterId !== undefined && !actorMay(actor, 'see-requester')) {
        return fail(forbidden('Your role is applicant-blind: it cannot look up cases by requester'))
      }
      const cases = await store.read.cases.list(actor.organisationId, filter)
      return ok(actorMay(actor, 'see-requester') ? cases : cases.map((subject) => ({ ...subject, requesterId: null })))
    },

    /**
     * The open cases assigned to an officer whose response is due within `workingDays` working days from today
     * (overdue ones included), soonest first, with their deadlines.
     */
    dueSoon: async (
      actor: Actor,
      officerId: string,
      workingDays = 5,
    ): Promise<Result<{ case: CaseSummary; due: IsoDate }[], ServiceError>> => {
      const denied = mustMay(actor, 'read-cases', 'read cases')
      if (denied !== null) return fail(denied)
      const organisation = await organisationOf(store.read, actor)
      const calendar = dependencies.calendar()
      const today = clock.today()
      const cases = await store.read.cases.list(actor.organisationId, {
        assignedOfficerId: officerId,
        states: ['received', 'in-progress', 'awaiting-approval', 'approved'],
        limit: 100_000,
        unordered: true,
      })
      const limit = addWorkingDays(calendar.workingDays('united-kingdom'), dayNumberOfIso(today), workingDays)
      const due = cases.flatMap((subject) => {
        const dueOn = dueDateOfCase(calendar, organisation.nation, subject)
        return dueOn !== null && (limit === undefined || dayNumberOfIso(dueOn) <= limit)
          ? [{ case: subject, due: dueOn }]
          : []
      })
      return ok(due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0)))
    },

    /** Changes the case's own details: request text, receipt, channel, officer, team, clock, requester. */
    updateDetails: (actor: Actor, reference: string, expectedVersion: number, input: unknown) =>
      changeCase(actor, reference, expectedVersion, 'case.details-updated', async (current, repositories) => {
        const denied = mustMay(actor, 'edit-cases', 'change cases')
        if (denied !== null) return fail(denied)
        // Without the case form's defaults: a field that is not sent keeps its value (not email, no team, no clock).
        const shape = caseDocumentSchema.shape
        const schema = z
          .object({
            receivedOn: shape.receivedOn,
            channel: shape.channel.unwrap(),
            requestText: shape.requestText,
            team: shape.team.unwrap(),
            clock: shape.clock.unwrap(),
            assignedOfficerId: shape.id.unwrap().nullable(),
          })
          .partial()
          .strict()
        const parsed = schema.safeParse(input)
        if (!parsed.success) return fail(invalid(problemsFromZod(parsed.error)))
        const change = parsed.data
        const next: CaseWithSubmitter = {
          ...current,
          ...(change.receivedOn === undefined ? {} : { receivedOn: change.receivedOn }),
          ...(change.channel === undefined ? {} : { channel: change.channel }),
          ...(change.requestText === undefined ? {} : { requestText: change.requestText }),
          ...(change.team === undefined ? {} : { team: change.team }),
          ...(change.clock === undefined ? {} : { clock: change.clock }),
          ...(change.assignedOfficerId === undefined ? {} : { assignedOfficerId: change.assignedOfficerId ?? null }),
        }
        const problems = checkCaseFields(next, clock.today())
        if (change.assignedOfficerId !== undefined && change.assignedOfficerId !== null) {
          const officer = await repositories.users.findInOrganisation(actor.organisationId, change.assignedOfficerId)
          if (officer === undefined) {
            problems.push({ field: 'assignedOfficerId', message: 'Choose an officer from your organisation' })
          }
        }
        const organisation = await organisationOf(repositories, actor)
        const deadline = deadlineOfCase(dependencies.calendar(), organisation.nation, next)
        if (!deadline.ok)
          problems.push(...deadline.error.map((p) => ({ field: `clock/${p.field}`, message: p.message })))
        return problems.length > 0 ? fail(invalid(problems)) : ok(next)
      }),

    /** Handles the request under another regime (FOIA to EIR, say), with the reason recorded in the audit trail. */
    changeRegime: (actor: Actor, reference: string, expectedVersion: number, regime: Regime, reason: string) =>
      changeCase(
        actor,
        reference,
        expectedVersion,
        'case.regime-changed',
        async (current, repositories) => {
          const denied = mustMay(actor, 'change-regime', 'change a case’s regime')
          if (denied !== null) return fail(denied)
          const problems: FieldProblem[] = []
          if (reason.trim() === '') {
            problems.push({ field: 'reason', message: 'Say why the request is handled under another regime' })
          }
          if (regime === current.regime) {
            problems.push({
              field: 'regime',
              message: `The case is already handled under ${REGIME_ABBREVIATIONS[regime]}`,
            })
          }
          const next: CaseWithSubmitter = { ...current, regime }
          problems.push(...checkCaseFields(next, clock.today()))
          const organisation = await organisationOf(repositories, actor)
          const deadline = deadlineOfCase(dependencies.calendar(), organisation.nation, next)
          if (!deadline.ok)
            problems.push(...deadline.error.map((p) => ({ field: `clock/${p.field}`, message: p.message })))
          if (problems.length > 0) return fail(invalid(problems))
          return ok(next)
        },
        (current) => ({
          action: 'case.regime-change-reason',
          entityType: 'case',
          entityId: current.id,
          before: { regime: current.regime },
          after: { regime, reason: reason.trim() },
        }),
      ),

    /** Replaces the parts of the request: what was asked, and how each part is answered. */
    saveParts: (actor: Actor, reference: string, expectedVersion: number, input: unknown) =>
      changeCase(actor, reference, expectedVersion, 'case.parts-saved', (current) => {
        const denied = mustMay(actor, 'edit-cases', 'change cases')
        if (denied !== null) return fail(denied)
        const parsed = caseDocumentSchema.shape.parts.safeParse(input)
        if (!parsed.success) {
          return fail(invalid(problemsFromZod(parsed.error).map((p) => ({ ...p, field: `parts/${p.field}` }))))
        }
        if (!isOpen(current.state)) {
          return fail({
            kind: 'refused',
            code: 'case-not-open',
            message: `The case is ${CASE_STATE_NAMES[current.state].toLowerCase()}: reopen it to change its parts`,
          })
        }
        const unknown = unknownExemptionsIn(parsed.data, 'parts/')
        if (unknown.length > 0) return fail(invalid(unknown))
        return ok({ ...current, parts: partsFrom({ parts: parsed.data } as CaseDocument) })
      }),

    /**
     * Replaces the decisions on exemptions: for each exemption the parts rely on, the route to it, why it applies,
     * the prejudice and the public interest test. The refusal-notice check reads them; the letter quotes them.
     */
    saveDecisions: (actor: Actor, reference: string, expectedVersion: number, input: unknown) =>
      changeCase(actor, reference, expectedVersion, 'case.decisions-saved', (current) => {
        const denied = mustMay(actor, 'edit-cases', 'change cases')
        if (denied !== null) return fail(denied)
        const parsed = exemptionDecisionsSchema.safeParse(input)
        if (!parsed.success) {
          return fail(
            invalid(problemsFromZod(parsed.error).map((p) => ({ ...p, field: `exemptionDecisions/${p.field}` }))),
          )
        }
        if (!isOpen(current.state)) {
          return fail({
            kind: 'refused',
            code: 'case-not-open',
            message: `The case is ${CASE_STATE_NAMES[current.state].toLowerCase()}: reopen it to change its decisions`,
          })
        }
        const unknown = parsed.data.flatMap((decision, index) =>
          findExemption(decision.exemptionId) === undefined
            ? [
                {
                  field: `exemptionDecisions/${index}/exemptionId`,
                  message: unknownExemptionMessage(decision.exemptionId),
                },
              ]
            : [],
        )
        if (unknown.length > 0) return fail(invalid(unknown))
        return ok({ ...current, exemptionDecisions: parsed.data })
      }),

    /** Records the links to other cases: the request a review is of, an earlier release referred to. */
    saveLinks: (actor: Actor, reference: string, expectedVersion: number, input: unknown) =>
      changeCase(actor, reference, expectedVersion, 'case.links-saved', (current) => {
        const denied = mustMay(actor, 'edit-cases', 'change cases')
        if (denied !== null) return fail(denied)
        const parsed = caseDocumentSchema.shape.links.safeParse(input)
        if (!parsed.success) {
          return fail(invalid(problemsFromZod(parsed.error).map((p) => ({ ...p, field: `links/${p.field}` }))))
        }
        const links = parsed.data.map((link) => ({ ...link, reference: link.reference.toUpperCase() }))
        if (links.some((link) => link.reference === current.reference)) {
          return fail(invalid([{ field: 'links', message: 'A case cannot be linked to itself' }]))
        }
        return ok({ ...current, links })
      }),

    /** Moves the case on through its workflow; a transition the table does not allow is refused with the reason. */
    moveCase: (actor: Actor, reference: string, expectedVersion: number, action: CaseAction, on?: IsoDate) =>
      changeCase(
        actor,
        reference,
        expectedVersion,
        `case.${action}`,
        async (current, repositories) => {
          const transition = transitionFor(action, current.state)
          const role: Role | undefined =
            actor.roles.find((candidate) => transition?.roles.includes(candidate) === true) ?? actor.roles[0]
          if (role === undefined) return fail(forbidden('You have no role in this organisation'))
          const today = clock.today()
          const day = on ?? today
          if (dayNumberOfIso(day) > dayNumberOfIso(today)) {
            return fail(invalid([{ field: 'on', message: 'The date must be today or in the past' }]))
          }
          if (dayNumberOfIso(day) < dayNumberOfIso(current.receivedOn)) {
            return fail(
              invalid([{ field: 'on', message: 'The date must be the same as or after the date of receipt' }]),
            )
          }
          const decided = decideTransition(current, action, {
            role,
            actorId: actor.userId ?? actor.label,
            today: day,
            submittedBy: current.submittedBy,
            letters: (await organisationOf(repositories, actor)).letters,
          })
          if (!decided.ok) {
            return decided.error.code === 'role-not-allowed'
              ? fail(forbidden(decided.error.message))
              : fail({ kind: 'refused', code: decided.error.code, message: decided.error.message })
          }
          if (action === 'approve' || action === 'issue-response') {
            // An officer's edit of the outcome letter must still carry the review and complaint routes.
            const kind = current.kind === 'internal-review' ? 'review' : 'response'
            const edited = await repositories.letters.find(actor.organisationId, current.id, kind, 'draft')
            const missing = edited === undefined ? [] : checkEditedLetter(current, letterBodyText(edited.body.blocks))
            if (missing.length > 0) {
              return fail({
                kind: 'refused',
                code: 'refusal-notice-complete',
                message: `The edited letter is not yet a complete refusal notice: ${missing.map((finding) => finding.message).join('; ')}`,
              })
            }
          }
          const outcome = decided.value
          return ok({
            ...current,
            state: outcome.to,
            clock:
              outcome.clockEvent === null
                ? current.clock
                : { ...current.clock, events: [...current.clock.events, outcome.clockEvent] },
            respondedOn: outcome.respondedOn,
            closedOn: outcome.closedOn,
            submittedBy: action === 'submit-for-approval' ? (actor.userId ?? actor.label) : current.submittedBy,
          })
        },
        undefined,
        action === 'issue-response' ? (saved, repositories) => keepIssuedLetter(actor, saved, repositories) : undefined,
      ),

    /** The case's JSON form, for export: everything needed to rebuild it on another installation. */
    exportCase: async (actor: Actor, reference: string): Promise<Result<Record<string, unknown>, ServiceError>> => {
      const denied = mustMay(actor, 'export-cases', 'export cases')
      if (denied !== null) return fail(denied)
      const found = await findCase(store.read, actor, reference)
      if (!found.ok) return found
      const subject = found.value
      const organisation = await organisationOf(store.read, actor)
      const requester =
        subject.requesterId === null
          ? null
          : await store.read.cases.findRequester(actor.organisationId, subject.requesterId)
      const officer =
        subject.assignedOfficerId === null
          ? undefined
          : await store.read.users.findInOrganisation(actor.organisationId, subject.assignedOfficerId)
      return ok({
        format: 'disclose-case/1',
        organisation: {
          slug: organisation.slug,
          name: organisation.name,
          nation: organisation.nation,
          defaultRegime: organisation.defaultRegime,
          referencePattern: organisation.referencePattern,
          govUkBranding: organisation.govUkBranding,
          letters: organisation.letters,
        },
        id: subject.id,
        reference: subject.reference,
        kind: subject.kind,
        regime: subject.regime,
        state: subject.state,
        receivedOn: subject.receivedOn,
        channel: subject.channel,
        requestText: subject.requestText,
        requester:
          requester === undefined || requester === null
            ? null
            : {
                name: requester.name,
                email: requester.email,
                postalAddress: requester.postalAddress,
                type: requester.type,
              },
        assignedOfficer:
          officer === undefined
            ? null
            : { email: officer.email, displayName: officer.displayName, roles: officer.roles },
        team: subject.team,
        clock: subject.clock,
        parts: subject.parts.map(({ position: _position, ...part }) => part),
        links: subject.links,
        exemptionDecisions: subject.exemptionDecisions,
        respondedOn: subject.respondedOn,
        closedOn: subject.closedOn,
        createdAt: subject.createdAt,
      })
    },

    /** The case's history from the audit trail, oldest first. */
    history: async (actor: Actor, reference: string) => {
      const denied = mustMay(actor, 'read-cases', 'read cases')
      if (denied !== null) return fail(denied)
      const found = await findCase(store.read, actor, reference)
      if (!found.ok) return found
      const events = await store.read.audit.forEntity(actor.organisationId, 'case', found.value.id)
      return ok(
        events.map((event) => ({
          seq: event.seq,
          at: event.at,
          by: event.actorLabel,
          action: event.action,
          name: event.action.startsWith('case.')
            ? (CASE_ACTION_NAMES[event.action.slice(5) as CaseAction] ?? event.action)
            : event.action,
        })),
      )
    },
  }
}

export type CaseService = ReturnType<typeof createCaseService>
