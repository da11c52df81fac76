import type { Request, RequestHandler, Response } from 'express'
import { dueDateOfCase, type CaseSummary } from '../../domain/case/case.ts'
import type { Result } from '../../domain/result.ts'
import type { Dependencies } from '../../dependencies.ts'
import type { Actor } from '../../services/actor.ts'
import type { CaseService, CaseView } from '../../services/cases/case.service.ts'
import { forbidden, type ServiceError } from '../../services/service-error.ts'
import type { NewUser } from '../../services/users/user.service.ts'
import { may } from '../authentication.ts'
import type { OperationId } from './api-operations.ts'
import {
  detailsChangeSchema,
  expectedVersion,
  linksChangeSchema,
  newUserSchema,
  partsChangeSchema,
  readBody,
  readCaseListQuery,
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
  etagOf,
  userHref,
  userResource,
} from './api-resources.ts'
import { invalidBody, invalidParameters, sendProblem, sendServiceError } from './problem.ts'
import type { OpenApiDocument } from './openapi.ts'

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

export const createApiHandlers = (
  deps: Pick<Dependencies, 'cases' | 'users' | 'organisations' | 'calendar'>,
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
