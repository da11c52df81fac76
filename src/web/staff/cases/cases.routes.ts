import { Router } from 'express'
import { OPEN_STATES, type CaseSummary } from '../../../domain/case/case.ts'
import type { Dependencies } from '../../../dependencies.ts'
import type { Result } from '../../../domain/result.ts'
import { actorMay } from '../../../services/actor.ts'
import { outcomeLetterKind } from '../../../services/letters/letter.service.ts'
import type { ServiceError } from '../../../services/service-error.ts'
import { caseLetterView, letterUnavailableReason, refusalCheckView } from '../letters/letter-page-view.ts'
import { signedInAs } from '../require-sign-in.ts'
import { httpErrorFor } from '../service-errors.ts'
import { CASE_LIST_LIMIT, caseListView, defaultCaseList, readCaseListFilter } from './case-list-view.ts'
import { casePageView } from './case-page-view.ts'
import { documentCountsView } from '../documents/documents-view.ts'

type CasesDependencies = Pick<
  Dependencies,
  'cases' | 'letters' | 'users' | 'organisations' | 'calendar' | 'clock' | 'documents'
>

const valueOf = <T>(result: Result<T, ServiceError>): T => {
  if (!result.ok) throw httpErrorFor(result.error)
  return result.value
}

/**
 * The cases of the signed-in user's organisation, and a page a case. Everything is read through the case service
 * as the user, so a reference from another organisation is simply not there (404), and an applicant-blind officer
 * never receives the requester. Mount behind `requireSignIn`.
 */
export const casesRoutes = (deps: CasesDependencies): Router => {
  const router = Router()

  const organisationOf = async (organisationId: string) => {
    const organisation = await deps.organisations.findById(organisationId)
    if (organisation === undefined) throw new Error('The signed-in user’s organisation does not exist')
    return organisation
  }

  router.get('/', async (req, res) => {
    const { user, actor } = signedInAs(res)
    const filter = readCaseListFilter(req.query, defaultCaseList(user.roles))
    const organisation = await organisationOf(actor.organisationId)
    let cases: readonly CaseSummary[]
    if (filter.show === 'due-soon') {
      cases = valueOf(await deps.cases.dueSoon(actor, user.id, 5))
        .map((due) => due.case)
        .filter((subject) => filter.regime === null || subject.regime === filter.regime)
    } else {
      cases = valueOf(
        await deps.cases.listCases(actor, {
          states: OPEN_STATES,
          ...(filter.show === 'mine' ? { assignedOfficerId: user.id } : {}),
          ...(filter.regime === null ? {} : { regimes: [filter.regime] }),
          limit: CASE_LIST_LIMIT + 1,
        }),
      )
    }
    res.render(
      'staff/cases/cases.njk',
      caseListView({ filter, cases, calendar: deps.calendar.current(), organisation, today: deps.clock.today() }),
    )
  })

  router.get('/:reference', async (req, res) => {
    const { actor } = signedInAs(res)
    const reference = req.params.reference
    const view = valueOf(await deps.cases.getCase(actor, reference))
    const history = valueOf(await deps.cases.history(actor, view.case.reference))
    const officerId = view.case.assignedOfficerId
    const officer = officerId === null ? undefined : await deps.users.findUser(actor, officerId)
    const linkedCasesHere = new Set<string>()
    for (const link of view.case.links) {
      if ((await deps.cases.getCase(actor, link.reference)).ok) linkedCasesHere.add(link.reference)
    }
    // The refusal-notice check and the letter that states the outcome; Disclose writes no subject access letters.
    let check: ReturnType<typeof refusalCheckView> | null = null
    let letter: ReturnType<typeof caseLetterView> | null = null
    if (view.case.regime !== 'sar' && view.case.kind !== 'regulator-complaint') {
      const kind = outcomeLetterKind(view.case)
      const drafted = await deps.letters.draftLetter(actor, view.case.reference, kind)
      check = refusalCheckView(valueOf(await deps.letters.checkCase(actor, view.case.reference)))
      letter = caseLetterView(
        view.case.reference,
        kind,
        drafted.ok ? { ok: true } : { ok: false, reason: letterUnavailableReason(drafted.error) },
      )
    }
    const documents = documentCountsView(
      view.case.reference,
      valueOf(await deps.documents.countDocuments(actor, view.case.reference)),
    )
    res.render('staff/cases/case.njk', {
      ...casePageView({
        view,
        officerName: officer?.ok === true ? officer.value.displayName : null,
        mayseeRequester: actorMay(actor, 'see-requester'),
        history,
        linkedCasesHere,
        calendar: deps.calendar.current(),
        today: deps.clock.today(),
      }),
      check,
      letter,
      documents,
    })
  })

  return router
}
