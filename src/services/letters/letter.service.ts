import { letterFactsFor, type LetterOptions } from './letter-facts.ts'
import { calendarScopeFor } from '../../domain/deadlines/regime.ts'
import type { UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import type { Case } from '../../domain/case/case.ts'
import {
  checkAggregation,
  checkEditedLetter,
  checkRefusalNotice,
  combineFindings,
  type CheckReport,
} from '../../domain/decisions/refusal-notice-check.ts'
import { composeLetter, type LetterFacts } from '../../domain/letters/compose-letter.ts'
import { letterBodyText, type LetterDocument, type LetterKind } from '../../domain/letters/letter-document.ts'
import { blocksToMarkup, markupToBlocks } from '../../domain/letters/letter-markup.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import type { Store } from '../../storage/store.ts'
import { actorMay, type Actor } from '../actor.ts'
import { recordAudit } from '../audit/audit-trail.ts'
import type { CaseService, CaseView } from '../cases/case.service.ts'
import type { Clock } from '../clock.ts'
import { newId } from '../ids.ts'
import { forbidden, invalid, type ServiceError } from '../service-error.ts'

/** The formats a letter is rendered to: the port the renderers in `src/letters/` implement. */
export type LetterFormat = 'html' | 'pdf' | 'docx'

export interface RenderedLetter {
  readonly bytes: Buffer
  readonly mediaType: string
  readonly extension: string
}

export type { LetterOptions } from './letter-facts.ts'

export type LetterRenderer = (letter: LetterDocument, format: LetterFormat) => Promise<RenderedLetter>

export interface LetterDraft {
  readonly letter: LetterDocument
  /** Whether the body is an officer's edit rather than the text Disclose composed. */
  readonly edited: boolean
  /** Whether this is the letter as it went out (issued with the response): it no longer changes. */
  readonly issued: boolean
  /** The body as editable text. */
  readonly markup: string
}

export interface LetterServiceDependencies {
  readonly store: Store
  readonly clock: Clock
  readonly calendar: () => UkCalendar
  readonly cases: CaseService
  readonly render: LetterRenderer
}

export const letterText = (letter: LetterDocument): string => letterBodyText(letter.blocks)

/** The letter that states a case's outcome: the response to a request, the outcome of a review. */
export const outcomeLetterKind = (subject: Pick<Case, 'kind'>): LetterKind =>
  subject.kind === 'internal-review' ? 'review' : 'response'

export const createLetterService = (dependencies: LetterServiceDependencies) => {
  const { store, clock, cases } = dependencies

  const factsFor = (view: CaseView, options: LetterOptions): LetterFacts =>
    letterFactsFor(view, dependencies.calendar(), clock.today(), options)

  const composed = (view: CaseView, kind: LetterKind, options: LetterOptions): Result<LetterDocument, ServiceError> => {
    const made = composeLetter(factsFor(view, options), kind)
    if (made.ok) return made
    return fail(
      made.error.code === 'missing-fact'
        ? invalid([{ field: 'kind', message: made.error.message }])
        : { kind: 'refused', code: made.error.code, message: made.error.message },
    )
  }

  /** The letter of `kind` as it stands: issued, else the officer's edit, else composed now from the case. */
  const draftLetter = async (
    actor: Actor,
    reference: string,
    kind: LetterKind,
    options: LetterOptions = {},
  ): Promise<Result<LetterDraft, ServiceError>> => {
    const found = await cases.getCase(actor, reference)
    if (!found.ok) return found
    const view = found.value
    const issued = await store.read.letters.find(actor.organisationId, view.case.id, kind, 'issued')
    if (issued !== undefined) {
      // The letter as it went out names its addressee; an applicant-blind reader sees it without.
      const letter = actorMay(actor, 'see-requester') ? issued.body : { ...issued.body, recipient: null }
      return ok({ letter, edited: issued.editedBy !== null, issued: true, markup: blocksToMarkup(letter.blocks) })
    }
    const draft = await store.read.letters.find(actor.organisationId, view.case.id, kind, 'draft')
    const made = composed(view, kind, options)
    if (!made.ok) return made
    if (draft !== undefined) {
      // The letterhead, addressee and date follow the case; the body is the officer's.
      const letter: LetterDocument = { ...made.value, blocks: draft.body.blocks }
      return ok({ letter, edited: true, issued: false, markup: blocksToMarkup(letter.blocks) })
    }
    return ok({ letter: made.value, edited: false, issued: false, markup: blocksToMarkup(made.value.blocks) })
  }

  return {
    draftLetter,

    /** The letter rendered to a file: HTML to preview, an accessible PDF, or a DOCX to edit in Word. */
    renderLetter: async (
      actor: Actor,
      reference: string,
      kind: LetterKind,
      format: LetterFormat,
      options: LetterOptions = {},
    ): Promise<Result<RenderedLetter & { readonly letter: LetterDocument }, ServiceError>> => {
      const drafted = await draftLetter(actor, reference, kind, options)
      if (!drafted.ok) return drafted
      return ok({ ...(await dependencies.render(drafted.value.letter, format)), letter: drafted.value.letter })
    },

    /**
     * Keeps an officer's edit of the letter's body, written as text (see `letter-markup.ts`). The audit trail keeps
     * the text before and after. A letter that has gone out cannot be edited.
     */
    editLetter: async (
      actor: Actor,
      reference: string,
      kind: LetterKind,
      markup: unknown,
      /** What the letter needs beyond the case (a clarification's question, a fee), as when it was drafted. */
      options: LetterOptions = {},
    ): Promise<Result<LetterDraft, ServiceError>> => {
      if (!actorMay(actor, 'edit-cases')) return fail(forbidden('Your role cannot change letters'))
      if (typeof markup !== 'string') {
        return fail(invalid([{ field: 'text', message: 'Send the letter’s text as a string' }]))
      }
      if (Buffer.byteLength(markup, 'utf8') > 1024 * 1024) {
        return fail(invalid([{ field: 'text', message: 'A letter’s text must be 1 MB or less' }]))
      }
      const read = markupToBlocks(markup)
      if (!read.ok) {
        return fail(
          invalid(
            read.error.map((problem) => ({ field: 'text', message: `Line ${problem.line}: ${problem.message}` })),
          ),
        )
      }
      const before = await draftLetter(actor, reference, kind, options)
      if (!before.ok) return before
      if (before.value.issued) {
        return fail({
          kind: 'refused',
          code: 'letter-issued',
          message: 'This letter has gone out: it can no longer be changed',
        })
      }
      const subject = await cases.getCase(actor, reference)
      if (!subject.ok) return subject
      if (subject.value.case.state === 'approved') {
        return fail({
          kind: 'refused',
          code: 'letter-approved',
          message: 'The response has been approved as it is: return it for changes to edit the letter',
        })
      }
      const now = clock.now()
      const letter: LetterDocument = { ...before.value.letter, blocks: read.value }
      await store.transaction(async (repositories) => {
        await repositories.letters.saveDraft({
          id: newId(),
          organisationId: actor.organisationId,
          caseId: subject.value.case.id,
          kind,
          status: 'draft',
          body: letter,
          editedBy: actor.userId ?? actor.label,
          issuedOn: null,
          createdAt: now,
          updatedAt: now,
        })
        await recordAudit(repositories, actor, clock, {
          action: 'case.letter-edited',
          entityType: 'case',
          entityId: subject.value.case.id,
          before: { kind, text: before.value.markup },
          after: { kind, text: blocksToMarkup(read.value) },
        })
      })
      return ok({ letter, edited: true, issued: false, markup: blocksToMarkup(letter.blocks) })
    },

    /** Throws away the officer's edit: the letter is composed from the case again. */
    discardEdit: async (actor: Actor, reference: string, kind: LetterKind): Promise<Result<boolean, ServiceError>> => {
      if (!actorMay(actor, 'edit-cases')) return fail(forbidden('Your role cannot change letters'))
      const found = await cases.getCase(actor, reference)
      if (!found.ok) return found
      const caseId = found.value.case.id
      const discarded = await store.transaction(async (repositories) => {
        const issued = await repositories.letters.find(actor.organisationId, caseId, kind, 'issued')
        if (issued !== undefined) return 'issued' as const
        const draft = await repositories.letters.find(actor.organisationId, caseId, kind, 'draft')
        if (draft === undefined) return false
        await repositories.letters.discardDraft(actor.organisationId, caseId, kind)
        await recordAudit(repositories, actor, clock, {
          action: 'case.letter-edit-discarded',
          entityType: 'case',
          entityId: caseId,
          before: { kind, text: blocksToMarkup(draft.body.blocks) },
          after: null,
        })
        return true
      })
      if (discarded === 'issued') {
        return fail({
          kind: 'refused',
          code: 'letter-issued',
          message: 'This letter has gone out: it can no longer be changed',
        })
      }
      return ok(discarded)
    },

    /**
     * The refusal-notice check (FOIA s17, EIR reg 14, FOISA s16) on the case's decisions and, when the officer
     * edited the response, on its text: what is missing, part by part. Errors block approval.
     */
    checkCase: async (actor: Actor, reference: string): Promise<Result<CheckReport, ServiceError>> => {
      const found = await cases.getCase(actor, reference)
      if (!found.ok) return found
      const view = found.value
      const aggregated = view.case.exemptionDecisions.flatMap((decision) => decision.costEstimate?.aggregatedWith ?? [])
      const others = await Promise.all(
        aggregated.map(async (other) => {
          const found = await cases.getCase(actor, other)
          return { reference: other.toUpperCase(), receivedOn: found.ok ? found.value.case.receivedOn : null }
        }),
      )
      const report = combineFindings(
        checkRefusalNotice(view.case, view.organisation.letters),
        view.case.regime === 'sar'
          ? []
          : checkAggregation(
              view.case,
              others,
              dependencies.calendar().workingDays(calendarScopeFor(view.case.regime, view.organisation.nation)),
            ),
      )
      const kind = outcomeLetterKind(view.case)
      const draft =
        (await store.read.letters.find(actor.organisationId, view.case.id, kind, 'issued')) ??
        (await store.read.letters.find(actor.organisationId, view.case.id, kind, 'draft'))
      return ok(
        draft === undefined ? report : combineFindings(report, checkEditedLetter(view.case, letterText(draft.body))),
      )
    },
  }
}

export type LetterService = ReturnType<typeof createLetterService>
