import { Router, type Request, type RequestHandler, type Response } from 'express'
import type { Dependencies } from '../../../dependencies.ts'
import type { Result } from '../../../domain/result.ts'
import { actorMay, type Actor } from '../../../services/actor.ts'
import type { DocumentHit } from '../../../services/documents/document.service.ts'
import type { ServiceError } from '../../../services/service-error.ts'
import { csrfTokenIs } from '../../authentication.ts'
import { MAX_FILES_PER_REQUEST, readUploadRequest, UploadError, type UploadRequest } from '../../uploads.ts'
import { refuseForm } from '../csrf.ts'
import { signedInAs } from '../require-sign-in.ts'
import { httpErrorFor } from '../service-errors.ts'
import {
  documentHref,
  documentPageView,
  documentRows,
  documentsHref,
  DOCUMENTS_PER_PAGE,
  jobView,
  readDocumentSearch,
  searchQuery,
  tallyFindings,
  type FormError,
} from './documents-view.ts'
import { caseHref } from '../cases/case-list-view.ts'

type DocumentsDependencies = Pick<Dependencies, 'cases' | 'documents' | 'users'>

const LIST_VIEW = 'staff/documents/documents.njk'
const DOCUMENT_VIEW = 'staff/documents/document.njk'

/** How many of the case's jobs the page shows, newest first. */
const JOBS_SHOWN = 5

const valueOf = <T>(result: Result<T, ServiceError>): T => {
  if (!result.ok) throw httpErrorFor(result.error)
  return result.value
}

const notFound = () => Object.assign(new Error('No such document in this case'), { status: 404 })

const mayEdit = (actor: Actor): boolean => actorMay(actor, 'edit-cases')

/**
 * A case's documents for staff: adding files (a multipart form, streamed to the file store), the jobs reading them,
 * searching them, and one document with its text and the personal data found in it, to accept or reject. Everything
 * goes through the document service as the signed-in user: another organisation's case or document is a 404, and an
 * auditor, who may read but not change, sees no forms and is refused (403) if it sends one.
 */
export const documentsRoutes = (deps: DocumentsDependencies) => {
  const router = Router()

  /** Display names of the organisation's users, by id: who added files, who decided. */
  const peopleOf = async (actor: Actor): Promise<Map<string, string>> => {
    const listed = await deps.users.listUsers(actor)
    return new Map(listed.ok ? listed.value.map((user) => [user.id, user.displayName]) : [])
  }

  /** The case as stored: its reference as the case service writes it, and its id. */
  const caseOf = async (actor: Actor, reference: string) => valueOf(await deps.cases.getCase(actor, reference)).case

  const renderDocuments = async (
    req: Request,
    res: Response,
    options: { status?: number; uploadErrors?: FormError[]; custodian?: string } = {},
  ): Promise<void> => {
    const { actor } = signedInAs(res)
    const subject = await caseOf(actor, String(req.params['reference'] ?? ''))
    const reference = subject.reference
    const search = readDocumentSearch(req.query)
    const [jobs, people, findings] = await Promise.all([
      deps.documents.listJobs(actor, reference),
      peopleOf(actor),
      deps.documents.listFindings(actor, reference),
    ])
    let hits: DocumentHit[] = []
    let more = false
    if (search.errors.length === 0) {
      const found = await deps.documents.searchDocuments(actor, reference, {
        ...search.filter,
        limit: DOCUMENTS_PER_PAGE + 1,
        offset: (search.form.page - 1) * DOCUMENTS_PER_PAGE,
      })
      if (!found.ok && found.error.kind !== 'invalid') throw httpErrorFor(found.error)
      hits = found.ok ? found.value.slice(0, DOCUMENTS_PER_PAGE) : []
      more = found.ok && found.value.length > DOCUMENTS_PER_PAGE
    }
    // Documents the results refer to (the original of a duplicate, a group's representative) that are not in them.
    const referred = hits.flatMap(({ document }) =>
      [document.duplicateOf, document.nearDuplicateOf].filter((id) => id !== null),
    )
    const inResults = new Set(hits.map((hit) => hit.document.id))
    const otherNames = new Map<string, string>()
    if (referred.some((id) => !inResults.has(id))) {
      const all = await deps.documents.searchDocuments(actor, reference, { limit: 1000 })
      if (all.ok) for (const hit of all.value) otherNames.set(hit.document.id, hit.document.name)
    }
    const justAdded = typeof req.query['added'] === 'string' ? req.query['added'] : null
    const jobViews = valueOf(jobs)
      .slice(0, JOBS_SHOWN)
      .map((job) => jobView(job, people))
    const searched = Object.keys(search.filter).length > 0
    const uploadErrors = options.uploadErrors ?? []
    const errors = [...uploadErrors, ...search.errors]
    res.status(options.status ?? 200)
    res.render(LIST_VIEW, {
      pageTitle: `Documents – ${reference}`,
      activeNavigation: 'cases',
      reference,
      caseHref: caseHref(reference),
      actionHref: documentsHref(reference),
      mayEdit: mayEdit(actor),
      custodian: options.custodian ?? '',
      maxFiles: MAX_FILES_PER_REQUEST,
      errorList: errors.map((error) => ({ text: error.text, href: error.href })),
      errors: Object.fromEntries(errors.map((error) => [error.field, { text: error.text }])),
      justAdded: jobViews.find((job) => job.id === justAdded) ?? null,
      jobs: jobViews,
      form: search.form,
      searched,
      rows: documentRows({
        reference,
        hits,
        showDuplicates: search.form.showDuplicates,
        findings: tallyFindings(valueOf(findings)),
        otherNames,
      }),
      resultCount: hits.length,
      toggleDuplicatesHref: `${documentsHref(reference)}${searchQuery(search.form, {
        page: 1,
        showDuplicates: !search.form.showDuplicates,
      })}#results`,
      previousHref:
        search.form.page > 1
          ? `${documentsHref(reference)}${searchQuery(search.form, { page: search.form.page - 1 })}#results`
          : null,
      nextHref: more
        ? `${documentsHref(reference)}${searchQuery(search.form, { page: search.form.page + 1 })}#results`
        : null,
      refreshHref: `${documentsHref(reference)}${searchQuery(search.form, {})}`,
    })
  }

  router.get('/:reference/documents', async (req, res) => {
    await renderDocuments(req, res)
  })

  router.get('/:reference/documents/:documentId', async (req, res) => {
    const { actor } = signedInAs(res)
    const subject = await caseOf(actor, String(req.params['reference'] ?? ''))
    const found = await deps.documents.getDocument(actor, String(req.params['documentId'] ?? ''))
    if (!found.ok) throw httpErrorFor(found.error)
    if (found.value.document.caseId !== subject.id) throw notFound()
    const { document } = found.value
    const wanted = [document.parentId, document.duplicateOf, document.nearDuplicateOf].filter((id) => id !== null)
    const names = new Map<string, string>()
    for (const id of wanted) {
      const other = await deps.documents.getDocument(actor, id)
      if (other.ok) names.set(id, other.value.document.name)
    }
    const decided = typeof req.query['decided'] === 'string' ? Number(req.query['decided']) : Number.NaN
    res.render(
      DOCUMENT_VIEW,
      documentPageView({
        reference: subject.reference,
        detail: found.value,
        people: await peopleOf(actor),
        names,
        mayEdit: mayEdit(actor),
        decided: Number.isInteger(decided) && decided > 0 ? decided : null,
      }),
    )
  })

  /** The document the address names, checked to be the case's; its page's address. */
  const documentInCase = async (actor: Actor, req: Request) => {
    const subject = await caseOf(actor, String(req.params['reference'] ?? ''))
    const found = await deps.documents.getDocument(actor, String(req.params['documentId'] ?? ''))
    if (!found.ok) throw httpErrorFor(found.error)
    if (found.value.document.caseId !== subject.id) throw notFound()
    return { reference: subject.reference, document: found.value.document, findings: found.value.findings }
  }

  router.post('/:reference/documents/:documentId/findings/:findingId', async (req, res) => {
    const { actor } = signedInAs(res)
    const { reference, document, findings } = await documentInCase(actor, req)
    const findingId = String(req.params['findingId'] ?? '')
    if (!findings.some((finding) => finding.id === findingId)) throw notFound()
    const body = (req.body ?? {}) as Record<string, unknown>
    const decision = body['decision']
    const reach = body['reach'] === 'case' ? 'case' : 'duplicates'
    const decided = valueOf(await deps.documents.decideFinding(actor, findingId, decision, reach))
    res.redirect(303, `${documentHref(reference, document.id)}?decided=${decided.decided}#finding-${findingId}`)
  })

  router.post('/:reference/documents/:documentId/scope', async (req, res) => {
    const { actor } = signedInAs(res)
    const { reference, document } = await documentInCase(actor, req)
    const body = (req.body ?? {}) as Record<string, unknown>
    valueOf(await deps.documents.setScopeInCase(actor, reference, [document.id], body['scope']))
    res.redirect(303, `${documentHref(reference, document.id)}#scope`)
  })

  /**
   * The upload form: `multipart/form-data`, read as it arrives, so it is mounted before any body parser. Its `_csrf`
   * field comes first in the form, and is checked before a byte of any file is stored; a form without it (or with
   * another session's) is refused with the 403 page and its files are read and thrown away.
   */
  const upload: RequestHandler = async (req, res) => {
    const { actor } = signedInAs(res)
    const form: UploadRequest = readUploadRequest(req, { fileField: 'files' })
    await form.head()
    if (!csrfTokenIs(res, req.get('x-csrf-token') ?? form.fields.get('_csrf'))) {
      form.discard()
      refuseForm(res)
      return
    }
    if (!mayEdit(actor)) {
      form.discard()
      throw httpErrorFor({ kind: 'forbidden', message: 'Your role cannot add documents to cases' })
    }
    const custodian = (form.fields.get('custodian') ?? '').slice(0, 200)
    let added
    try {
      added = await deps.documents.addDocuments(actor, String(req.params['reference'] ?? ''), form.files)
    } catch (error) {
      if (!(error instanceof UploadError)) throw error
      form.discard()
      const text =
        error.code === 'too-many-files'
          ? `Select at most ${MAX_FILES_PER_REQUEST} files at a time`
          : 'The files could not be received whole: select them and add them again'
      await renderDocuments(req, res, {
        status: 400,
        custodian,
        uploadErrors: [{ field: 'files', href: '#files', text }],
      })
      return
    }
    if (!added.ok) {
      form.discard()
      if (added.error.kind !== 'invalid') throw httpErrorFor(added.error)
      await renderDocuments(req, res, {
        status: 400,
        custodian,
        uploadErrors: [{ field: 'files', href: '#files', text: 'Select at least one file to add' }],
      })
      return
    }
    const reference = valueOf(await deps.cases.getCase(actor, String(req.params['reference'] ?? ''))).case.reference
    res.redirect(303, `${documentsHref(reference)}?added=${encodeURIComponent(added.value.id)}#job-${added.value.id}`)
  }

  return { router, upload }
}
