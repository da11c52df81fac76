import type { Request, RequestHandler, Response } from 'express'
import { dueDateOfCase, type CaseSummary } from '../../domain/case/case.ts'
import { EXEMPTION_CATALOGUE, exemptionsFor } from '../../domain/exemptions/catalogue.ts'
import type { LetterKind } from '../../domain/letters/letter-document.ts'
import { fail, type Result } from '../../domain/result.ts'
import type { Dependencies } from '../../dependencies.ts'
import type { Actor } from '../../services/actor.ts'
import type { CaseService, CaseView } from '../../services/cases/case.service.ts'
import { forbidden, type FieldProblem, type ServiceError } from '../../services/service-error.ts'
import type { NewUser } from '../../services/users/user.service.ts'
import { may } from '../authentication.ts'
import { sendLetterFile } from '../letter-download.ts'
import type { OperationId } from './api-operations.ts'
import {
  decisionsChangeSchema,
  detailsChangeSchema,
  expectedVersion,
  formatAccepted,
  letterEditSchema,
  linksChangeSchema,
  newUserSchema,
  partsChangeSchema,
  readBody,
  readCaseListQuery,
  findingDecisionSchema,
  readDocumentListQuery,
  readDocumentQuery,
  readExemptionQuery,
  readFindingQuery,
  readUploadQuery,
  scopeChangeSchema,
  readLetterKind,
  readLetterQuery,
  readObject,
  regimeChangeSchema,
  transitionSchema,
  type CaseListQuery,
} from './api-requests.ts'
import {
  API_BASE,
  caseHref,
  caseSummaryResource,
  caseViewResource,
  checkResource,
  documentDetailResource,
  documentHitResource,
  etagOf,
  findingResource,
  jobHref,
  jobResource,
  letterResource,
  userHref,
  userResource,
} from './api-resources.ts'
import {
  invalidBody,
  invalidParameters,
  jsonPointer,
  problem,
  problemOfServiceError,
  sendProblem,
  sendServiceError,
  type Problem,
  type ProblemError,
} from './problem.ts'
import type { OpenApiDocument } from './openapi.ts'
import { readUploadRequest, UploadError, type UploadRequest } from '../uploads.ts'

type CaseFilter = NonNullable<Parameters<CaseService['listCases']>[1]>

/** Who is asking. The router answers 401 before any handler that needs one runs, so none is missing here. */
const actorOf = (res: Response): Actor => {
  const actor = res.locals.actor
  if (actor === undefined) throw new Error('An API handler ran without an authenticated actor')
  return actor
}

const parameter = (req: Request, name: string): string => {
  const value = req.params[name]
  return typeof value === 'string' ? value : ''
}

const referenceOf = (req: Request): string => parameter(req, 'reference')

/** The reference as the case service stores it, for links and file names (it reads any case of letters). */
const canonicalReference = (req: Request): string => referenceOf(req).trim().toUpperCase()

/**
 * The case service names the fields of decisions as the case's JSON form does (`exemptionDecisions/0/…`); the API's
 * body calls them `decisions`, so a problem points into the body that was sent.
 */
const asDecisionsBody = (error: ServiceError): ServiceError =>
  error.kind === 'invalid'
    ? {
        ...error,
        problems: error.problems.map((item): FieldProblem => ({
          ...item,
          field: item.field.replace(/^exemptionDecisions(?=\/|$)/, 'decisions'),
        })),
      }
    : error

/** The fact a letter of each kind needs that the caller can give in the query string, when the service asks for one. */
const MISSING_FACT_PARAMETER: Readonly<Partial<Record<LetterKind, string>>> = { clarification: 'note', fees: 'fee' }

/**
 * A letter service's error as a problem. The service names a missing fact as the field `kind`: that is no field of a
 * body but the letter asked for, so it becomes the query parameter that gives the fact (the fee of a fees notice),
 * or else `kind`. The problems of an edit's text stay fields of the body.
 */
const letterProblem = (error: ServiceError, kind: LetterKind): Problem => {
  if (error.kind !== 'invalid') return problemOfServiceError(error)
  const errors = error.problems.map((item): ProblemError =>
    item.field === 'kind'
      ? { parameter: MISSING_FACT_PARAMETER[kind] ?? 'kind', message: item.message }
      : { field: jsonPointer(item.field), message: item.message },
  )
  return problem(
    'validation',
    errors.length === 1 ? (errors[0]?.message ?? '') : `There are ${errors.length} problems`,
    {
      errors,
    },
  )
}

const sendCaseView = (
  res: Response,
  actor: Actor,
  result: Result<CaseView, ServiceError>,
  status: 200 | 201 = 200,
): void => {
  if (!result.ok) {
    sendServiceError(res, result.error)
    return
  }
  const view = result.value
  res.set('ETag', etagOf(view.case.version))
  if (status === 201) res.location(caseHref(view.case.reference))
  res.status(status).json(caseViewResource(actor, view))
}

/** The query string again, with the offset moved on: the link to the next page. */
const pageLink = (req: Request, path: string, offset: number): string => {
  const params = new URLSearchParams(req.originalUrl.split('?')[1] ?? '')
  if (offset === 0) params.delete('offset')
  else params.set('offset', String(offset))
  const query = params.toString()
  return query === '' ? `${API_BASE}${path}` : `${API_BASE}${path}?${query}`
}

/** The problem for files that could not be read from the request: a malformed body, or too many files. */
const uploadProblem = (error: UploadError): Problem =>
  error.code === 'too-many-files'
    ? problem('body-too-large', error.message)
    : problem('malformed-upload', error.message)

export type ApiDependencies = Pick<
  Dependencies,
  'cases' | 'letters' | 'users' | 'organisations' | 'calendar' | 'documents'
>

export const createApiHandlers = (
  deps: ApiDependencies,
  openApiDocument: () => OpenApiDocument,
): Record<OperationId, RequestHandler> => {
  const filterOf = (actor: Actor, query: CaseListQuery, fetch: number): CaseFilter => ({
    ...(query.states === undefined ? {} : { states: query.states }),
    ...(query.kinds === undefined ? {} : { kinds: query.kinds }),
    ...(query.regimes === undefined ? {} : { regimes: query.regimes }),
    ...(query.officer === undefined
      ? {}
      : { assignedOfficerId: query.officer === 'me' ? (actor.userId ?? '') : query.officer }),
    ...(query.team === undefined ? {} : { team: query.team }),
    ...(query.receivedFrom === undefined ? {} : { receivedFrom: query.receivedFrom }),
    ...(query.receivedTo === undefined ? {} : { receivedTo: query.receivedTo }),
    ...(query.q === undefined ? {} : { text: query.q }),
    limit: fetch,
    offset: query.offset,
  })

  /** A page of cases with their due dates; one more is fetched than sent, to know whether there is a next page. */
  const listPage = async (
    req: Request,
    res: Response,
    actor: Actor,
    query: CaseListQuery,
    path: string,
  ): Promise<{ items: ReturnType<typeof caseSummaryResource>[]; links: Record<string, { href: string }> } | null> => {
    const listed = await deps.cases.listCases(actor, filterOf(actor, query, query.limit + 1))
    if (!listed.ok) {
      sendServiceError(res, listed.error)
      return null
    }
    const organisation = await deps.organisations.findById(actor.organisationId)
    if (organisation === undefined) throw new Error('The actor’s organisation does not exist')
    const calendar = deps.calendar.current()
    const page: CaseSummary[] = listed.value.slice(0, query.limit)
    return {
      items: page.map((subject) => caseSummaryResource(subject, dueDateOfCase(calendar, organisation.nation, subject))),
      links: {
        self: { href: pageLink(req, path, query.offset) },
        ...(listed.value.length > query.limit
          ? { next: { href: pageLink(req, path, query.offset + query.limit) } }
          : {}),
        ...(query.offset > 0 ? { prev: { href: pageLink(req, path, Math.max(0, query.offset - query.limit)) } } : {}),
      },
    }
  }

  return {
    getOpenApiDocument: (_req, res) => {
      res.set('Cache-Control', 'no-cache')
      res.json(openApiDocument())
    },

    listCases: async (req, res) => {
      const actor = actorOf(res)
      const query = readCaseListQuery(req.query)
      if (!query.ok) return sendProblem(res, query.error)
      const page = await listPage(req, res, actor, query.value, '/cases')
      if (page === null) return
      res.json({ items: page.items, limit: query.value.limit, offset: query.value.offset, _links: page.links })
    },

    searchCases: async (req, res) => {
      const actor = actorOf(res)
      const query = readCaseListQuery(req.query, ['q', 'limit', 'offset'])
      if (!query.ok) return sendProblem(res, query.error)
      if (query.value.q === undefined) {
        return sendProblem(
          res,
          invalidParameters([
            { field: 'q', message: 'Enter a case reference or words from the request to search for' },
          ]),
        )
      }
      const page = await listPage(req, res, actor, query.value, '/search')
      if (page === null) return
      res.json({ q: query.value.q, items: page.items, _links: page.links })
    },

    logCase: async (req, res) => {
      const actor = actorOf(res)
      const body = readObject(req.body)
      if (!body.ok) return sendProblem(res, body.error)
      sendCaseView(res, actor, await deps.cases.logRequest(actor, body.value), 201)
    },

    importCase: async (req, res) => {
      const actor = actorOf(res)
      const body = readObject(req.body)
      if (!body.ok) return sendProblem(res, body.error)
      sendCaseView(res, actor, await deps.cases.importCase(actor, body.value), 201)
    },

    getCase: async (req, res) => {
      const actor = actorOf(res)
      sendCaseView(res, actor, await deps.cases.getCase(actor, referenceOf(req)))
    },

    changeCaseDetails: async (req, res) => {
      const actor = actorOf(res)
      const body = readBody(detailsChangeSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const { version: fromBody, ...details } = body.value
      if (Object.keys(details).length === 0) {
        return sendProblem(res, invalidBody([{ field: '', message: 'Send at least one detail to change' }]))
      }
      const version = expectedVersion(req, fromBody)
      if (!version.ok) return sendProblem(res, version.error)
      sendCaseView(res, actor, await deps.cases.updateDetails(actor, referenceOf(req), version.value, details))
    },

    saveCaseParts: async (req, res) => {
      const actor = actorOf(res)
      const body = readBody(partsChangeSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const version = expectedVersion(req, body.value.version)
      if (!version.ok) return sendProblem(res, version.error)
      sendCaseView(res, actor, await deps.cases.saveParts(actor, referenceOf(req), version.value, body.value.parts))
    },

    saveCaseLinks: async (req, res) => {
      const actor = actorOf(res)
      const body = readBody(linksChangeSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const version = expectedVersion(req, body.value.version)
      if (!version.ok) return sendProblem(res, version.error)
      sendCaseView(res, actor, await deps.cases.saveLinks(actor, referenceOf(req), version.value, body.value.links))
    },

    changeCaseRegime: async (req, res) => {
      const actor = actorOf(res)
      const body = readBody(regimeChangeSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const version = expectedVersion(req, body.value.version)
      if (!version.ok) return sendProblem(res, version.error)
      const { regime, reason } = body.value
      sendCaseView(res, actor, await deps.cases.changeRegime(actor, referenceOf(req), version.value, regime, reason))
    },

    moveCase: async (req, res) => {
      const actor = actorOf(res)
      const body = readBody(transitionSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const version = expectedVersion(req, body.value.version)
      if (!version.ok) return sendProblem(res, version.error)
      const { action, on } = body.value
      sendCaseView(res, actor, await deps.cases.moveCase(actor, referenceOf(req), version.value, action, on))
    },

    saveCaseDecisions: async (req, res) => {
      const actor = actorOf(res)
      const body = readBody(decisionsChangeSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const version = expectedVersion(req, body.value.version)
      if (!version.ok) return sendProblem(res, version.error)
      const saved = await deps.cases.saveDecisions(actor, referenceOf(req), version.value, body.value.decisions)
      sendCaseView(res, actor, saved.ok ? saved : fail(asDecisionsBody(saved.error)))
    },

    checkCase: async (req, res) => {
      const checked = await deps.letters.checkCase(actorOf(res), referenceOf(req))
      if (!checked.ok) return sendServiceError(res, checked.error)
      res.json(checkResource(canonicalReference(req), checked.value))
    },

    getLetter: async (req, res) => {
      const actor = actorOf(res)
      const kind = readLetterKind(parameter(req, 'kind'))
      if (!kind.ok) return sendProblem(res, kind.error)
      const query = readLetterQuery(req.query)
      if (!query.ok) return sendProblem(res, query.error)
      const format = query.value.format ?? formatAccepted(req)
      res.vary('Accept')
      if (format === undefined) {
        const drafted = await deps.letters.draftLetter(actor, referenceOf(req), kind.value, query.value.options)
        if (!drafted.ok) return sendProblem(res, letterProblem(drafted.error, kind.value))
        res.json(letterResource(canonicalReference(req), kind.value, drafted.value))
        return
      }
      const rendered = await deps.letters.renderLetter(actor, referenceOf(req), kind.value, format, query.value.options)
      if (!rendered.ok) return sendProblem(res, letterProblem(rendered.error, kind.value))
      sendLetterFile(res, canonicalReference(req), kind.value, rendered.value)
    },

    editLetter: async (req, res) => {
      const actor = actorOf(res)
      const kind = readLetterKind(parameter(req, 'kind'))
      if (!kind.ok) return sendProblem(res, kind.error)
      const body = readBody(letterEditSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const reference = referenceOf(req)
      if (body.value.text !== null) {
        const edited = await deps.letters.editLetter(actor, reference, kind.value, body.value.text)
        if (!edited.ok) return sendProblem(res, letterProblem(edited.error, kind.value))
        res.json(letterResource(canonicalReference(req), kind.value, edited.value))
        return
      }
      // The service would discard a leftover draft of a letter that has gone out: the letter as sent is final.
      const current = await deps.letters.draftLetter(actor, reference, kind.value)
      if (current.ok && current.value.issued) {
        return sendServiceError(res, {
          kind: 'refused',
          code: 'letter-issued',
          message: 'This letter has gone out: it can no longer be changed',
        })
      }
      const discarded = await deps.letters.discardEdit(actor, reference, kind.value)
      if (!discarded.ok) return sendServiceError(res, discarded.error)
      const drafted = await deps.letters.draftLetter(actor, reference, kind.value)
      if (!drafted.ok) return sendProblem(res, letterProblem(drafted.error, kind.value))
      res.json(letterResource(canonicalReference(req), kind.value, drafted.value))
    },

    addCaseDocuments: async (req, res) => {
      const actor = actorOf(res)
      const query = readUploadQuery(req.query)
      if (!query.ok) {
        // Refused before its files were wanted: the body is read and thrown away.
        req.resume()
        return sendProblem(res, query.error)
      }
      const upload: UploadRequest = readUploadRequest(req, {
        fileField: 'files',
        ...(query.value.name === undefined ? {} : { rawName: query.value.name }),
        ...(query.value.custodian === undefined ? {} : { custodian: query.value.custodian }),
      })
      const refuse = (details: Problem) => {
        upload.discard()
        sendProblem(res, details)
      }
      let added
      try {
        added = await deps.documents.addDocuments(actor, referenceOf(req), upload.files)
      } catch (error) {
        if (error instanceof UploadError) return refuse(uploadProblem(error))
        throw error
      }
      if (!added.ok) {
        if (added.error.kind === 'invalid') {
          const multipart = typeof req.is('multipart/form-data') === 'string'
          return refuse(
            multipart
              ? invalidBody([{ field: 'files', message: 'Send at least one file, as a part called files' }])
              : invalidParameters([
                  {
                    field: 'name',
                    message:
                      'Send the file as the body, with its name in name (like ?name=report.pdf), or send multipart/form-data with files parts',
                  },
                ]),
          )
        }
        upload.discard()
        return sendServiceError(res, added.error)
      }
      res.location(jobHref(added.value.id)).status(202).json(jobResource(added.value))
    },

    getJob: async (req, res) => {
      const found = await deps.documents.getJob(actorOf(res), parameter(req, 'jobId'))
      if (!found.ok) return sendServiceError(res, found.error)
      res.json(jobResource(found.value))
    },

    listCaseDocuments: async (req, res) => {
      const actor = actorOf(res)
      const query = readDocumentListQuery(req.query)
      if (!query.ok) return sendProblem(res, query.error)
      const limit = query.value.limit ?? 100
      const offset = query.value.offset ?? 0
      // One more than asked for, to know whether there is a next page.
      const found = await deps.documents.searchDocuments(actor, referenceOf(req), { ...query.value, limit: limit + 1 })
      if (!found.ok) return sendServiceError(res, found.error)
      const path = `/cases/${encodeURIComponent(canonicalReference(req))}/documents`
      res.json({
        items: found.value.slice(0, limit).map(documentHitResource),
        limit,
        offset,
        _links: {
          self: { href: pageLink(req, path, offset) },
          ...(found.value.length > limit ? { next: { href: pageLink(req, path, offset + limit) } } : {}),
          ...(offset > 0 ? { prev: { href: pageLink(req, path, Math.max(0, offset - limit)) } } : {}),
          case: { href: caseHref(canonicalReference(req)) },
        },
      })
    },

    getDocument: async (req, res) => {
      const query = readDocumentQuery(req.query)
      if (!query.ok) return sendProblem(res, query.error)
      const found = await deps.documents.getDocument(actorOf(res), parameter(req, 'documentId'))
      if (!found.ok) return sendServiceError(res, found.error)
      res.json(documentDetailResource(found.value, query.value))
    },

    listCaseFindings: async (req, res) => {
      const query = readFindingQuery(req.query)
      if (!query.ok) return sendProblem(res, query.error)
      const found = await deps.documents.listFindings(actorOf(res), referenceOf(req), query.value)
      if (!found.ok) {
        // The service names the filters it refuses as fields: here they are query parameters.
        if (found.error.kind === 'invalid') return sendProblem(res, invalidParameters(found.error.problems))
        return sendServiceError(res, found.error)
      }
      res.json({ items: found.value.map(findingResource) })
    },

    decideFinding: async (req, res) => {
      const body = readBody(findingDecisionSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const decided = await deps.documents.decideFinding(
        actorOf(res),
        parameter(req, 'findingId'),
        body.value.decision,
        body.value.reach,
      )
      if (!decided.ok) return sendServiceError(res, decided.error)
      res.json(decided.value)
    },

    setDocumentScope: async (req, res) => {
      const body = readBody(scopeChangeSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const changed = await deps.documents.setScopeInCase(
        actorOf(res),
        referenceOf(req),
        body.value.documentIds,
        body.value.scope,
      )
      if (!changed.ok) return sendServiceError(res, changed.error)
      res.json(changed.value)
    },

    listExemptions: (req, res) => {
      const query = readExemptionQuery(req.query)
      if (!query.ok) return sendProblem(res, query.error)
      const { regime } = query.value
      res.json({ regime: regime ?? null, items: regime === undefined ? EXEMPTION_CATALOGUE : exemptionsFor(regime) })
    },

    listCaseEvents: async (req, res) => {
      const actor = actorOf(res)
      const reference = referenceOf(req)
      const history = await deps.cases.history(actor, reference)
      if (!history.ok) return sendServiceError(res, history.error)
      const found = await deps.cases.getCase(actor, reference)
      if (!found.ok) return sendServiceError(res, found.error)
      const subject = found.value.case
      res.json({
        reference: subject.reference,
        events: history.value,
        clockEvents: subject.clock.events,
        _links: {
          self: { href: `${caseHref(subject.reference)}/events` },
          case: { href: caseHref(subject.reference) },
        },
      })
    },

    exportCase: async (req, res) => {
      const actor = actorOf(res)
      const exported = await deps.cases.exportCase(actor, referenceOf(req))
      if (!exported.ok) return sendServiceError(res, exported.error)
      res.json(exported.value)
    },

    listUsers: async (_req, res) => {
      const listed = await deps.users.listUsers(actorOf(res))
      if (!listed.ok) return sendServiceError(res, listed.error)
      res.json({ items: listed.value.map(userResource) })
    },

    getUser: async (req, res) => {
      const actor = actorOf(res)
      if (!may(res, 'read-cases')) return sendServiceError(res, forbidden('Your role cannot read users'))
      const found = await deps.users.findUser(actor, parameter(req, 'id'))
      if (!found.ok) return sendServiceError(res, found.error)
      res.json(userResource(found.value))
    },

    addUser: async (req, res) => {
      const actor = actorOf(res)
      const body = readBody(newUserSchema, req.body)
      if (!body.ok) return sendProblem(res, body.error)
      const { email, roles, displayName, team, password } = body.value
      const input: NewUser = {
        email,
        roles,
        ...(displayName === undefined ? {} : { displayName }),
        ...(team === undefined ? {} : { team }),
        ...(password === undefined ? {} : { password }),
      }
      const added = await deps.users.addUser(actor, input)
      if (!added.ok) return sendServiceError(res, added.error)
      res.location(userHref(added.value.id)).status(201).json(userResource(added.value))
    },
  }
}
