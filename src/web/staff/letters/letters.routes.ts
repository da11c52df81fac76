import { Router, type Request, type Response } from 'express'
import type { Dependencies } from '../../../dependencies.ts'
import type { LetterKind } from '../../../domain/letters/letter-document.ts'
import type { Result } from '../../../domain/result.ts'
import { LETTER_FORMATS, type LetterFormat } from '../../../letters/letter-renderer.ts'
import { actorMay, type Actor } from '../../../services/actor.ts'
import type { ServiceError } from '../../../services/service-error.ts'
import { sendLetterFile } from '../../letter-download.ts'
import { signedInAs } from '../require-sign-in.ts'
import { httpErrorFor, type HttpError } from '../service-errors.ts'
import {
  LETTER_NAMES,
  letterEditView,
  letterHref,
  letterPageView,
  letterProblemView,
  letterUnavailableReason,
  readLetterAddress,
} from './letter-page-view.ts'

type LettersDependencies = Pick<Dependencies, 'letters'>

const PAGE_VIEW = 'staff/letters/letter.njk'
const EDIT_VIEW = 'staff/letters/letter-edit.njk'
const PROBLEM_VIEW = 'staff/letters/letter-problem.njk'

const notFound = (): HttpError => Object.assign(new Error('No such letter'), { status: 404 })
const badRequest = (): HttpError => Object.assign(new Error('No such letter format'), { status: 400 })

const STATUS_OF_UNAVAILABLE: Readonly<Record<ServiceError['kind'], number>> = {
  invalid: 422,
  refused: 409,
  conflict: 409,
  'not-found': 404,
  forbidden: 403,
}

/**
 * A case's letters for staff: the letter previewed in the page, downloaded as PDF or Word, and edited as text.
 * Everything goes through the letter service as the signed-in user, so another organisation's case is a 404 and an
 * applicant-blind officer never sees the addressee. Only roles that may edit cases see the edit buttons or may send
 * the forms; CSRF is checked before any route here (see staff.routes.ts). Mount behind `requireSignIn`.
 */
export const lettersRoutes = (deps: LettersDependencies): Router => {
  const router = Router()

  /** The letter the address names (a 404 for a kind there is none of), and the reference as the case stores it. */
  const addressOf = (req: Request): { reference: string; kind: LetterKind; format: LetterFormat | null } => {
    const address = readLetterAddress(String(req.params['kind'] ?? ''))
    if (address === null) throw notFound()
    return {
      reference: String(req.params['reference'] ?? '')
        .trim()
        .toUpperCase(),
      ...address,
    }
  }

  /** Why the letter cannot be shown, as a page with the way back to the case; not-found and forbidden as usual. */
  const showUnavailable = (res: Response, reference: string, kind: LetterKind, error: ServiceError): void => {
    const reason = letterUnavailableReason(error)
    if (reason === null) throw httpErrorFor(error)
    res.status(STATUS_OF_UNAVAILABLE[error.kind])
    res.render(
      PROBLEM_VIEW,
      letterProblemView({
        reference,
        kind,
        heading: `The ${LETTER_NAMES[kind].toLowerCase()} cannot be written yet`,
        paragraphs: [reason],
      }),
    )
  }

  const showIssued = (res: Response, reference: string, kind: LetterKind): void => {
    res.status(409)
    res.render(
      PROBLEM_VIEW,
      letterProblemView({
        reference,
        kind,
        heading: `The ${LETTER_NAMES[kind].toLowerCase()} has been sent`,
        paragraphs: ['A letter that has been sent cannot be changed. Nothing was changed.'],
      }),
    )
  }

  /** The 403 page for a role that may read letters but not change them. */
  const refuseChange = (res: Response, reference: string, kind: LetterKind): void => {
    res.status(403)
    res.render(
      PROBLEM_VIEW,
      letterProblemView({
        reference,
        kind,
        heading: 'You cannot change letters',
        paragraphs: ['Your role lets you read cases and their letters, but not change them. Nothing was changed.'],
      }),
    )
  }

  const mayEdit = (actor: Actor): boolean => actorMay(actor, 'edit-cases')

  const draftOf = async (actor: Actor, reference: string, kind: LetterKind) =>
    deps.letters.draftLetter(actor, reference, kind)

  router.get('/:reference/letters/:kind', async (req, res) => {
    const { actor } = signedInAs(res)
    const { reference, kind, format: fromAddress } = addressOf(req)
    const asked = typeof req.query['format'] === 'string' ? req.query['format'] : undefined
    if (asked !== undefined && !(LETTER_FORMATS as readonly string[]).includes(asked)) throw badRequest()
    const format = fromAddress ?? (asked as LetterFormat | undefined)
    if (format !== undefined) {
      const rendered = await deps.letters.renderLetter(actor, reference, kind, format)
      if (!rendered.ok) return showUnavailable(res, reference, kind, rendered.error)
      sendLetterFile(res, reference, kind, rendered.value)
      return
    }
    const drafted = await draftOf(actor, reference, kind)
    if (!drafted.ok) return showUnavailable(res, reference, kind, drafted.error)
    res.render(PAGE_VIEW, letterPageView({ reference, kind, draft: drafted.value, mayEdit: mayEdit(actor) }))
  })

  const renderEdit = (
    res: Response,
    input: { reference: string; kind: LetterKind; text: string; edited: boolean; errors: readonly string[] },
  ): void => {
    res.status(input.errors.length > 0 ? 400 : 200)
    res.render(EDIT_VIEW, letterEditView(input))
  }

  /** The letter as it stands, if it can be changed: else the page that says why not has been sent. */
  const changeable = async (
    res: Response,
    actor: Actor,
    reference: string,
    kind: LetterKind,
  ): Promise<Result<{ markup: string; edited: boolean }, null>> => {
    if (!mayEdit(actor)) {
      refuseChange(res, reference, kind)
      return { ok: false, error: null }
    }
    const drafted = await draftOf(actor, reference, kind)
    if (!drafted.ok) {
      showUnavailable(res, reference, kind, drafted.error)
      return { ok: false, error: null }
    }
    if (drafted.value.issued) {
      showIssued(res, reference, kind)
      return { ok: false, error: null }
    }
    return { ok: true, value: { markup: drafted.value.markup, edited: drafted.value.edited } }
  }

  router.get('/:reference/letters/:kind/edit', async (req, res) => {
    const { actor } = signedInAs(res)
    const { reference, kind, format } = addressOf(req)
    if (format !== null) throw notFound()
    const current = await changeable(res, actor, reference, kind)
    if (!current.ok) return
    renderEdit(res, { reference, kind, text: current.value.markup, edited: current.value.edited, errors: [] })
  })

  router.post('/:reference/letters/:kind/edit', async (req, res) => {
    const { actor } = signedInAs(res)
    const { reference, kind, format } = addressOf(req)
    if (format !== null) throw notFound()
    const current = await changeable(res, actor, reference, kind)
    if (!current.ok) return
    const body = req.body as Record<string, unknown> | undefined
    const text = typeof body?.['text'] === 'string' ? body['text'] : ''
    const edited = await deps.letters.editLetter(actor, reference, kind, text)
    if (!edited.ok) {
      if (edited.error.kind !== 'invalid') return showUnavailable(res, reference, kind, edited.error)
      const errors = edited.error.problems.map((problem) => problem.message)
      renderEdit(res, { reference, kind, text, edited: current.value.edited, errors })
      return
    }
    res.redirect(303, letterHref(reference, kind))
  })

  router.post('/:reference/letters/:kind/discard', async (req, res) => {
    const { actor } = signedInAs(res)
    const { reference, kind, format } = addressOf(req)
    if (format !== null) throw notFound()
    const current = await changeable(res, actor, reference, kind)
    if (!current.ok) return
    const discarded = await deps.letters.discardEdit(actor, reference, kind)
    if (!discarded.ok) throw httpErrorFor(discarded.error)
    res.redirect(303, letterHref(reference, kind))
  })

  return router
}
