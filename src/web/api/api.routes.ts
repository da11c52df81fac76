import { STATUS_CODES } from 'node:http'
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express'
import type { Dependencies } from '../../dependencies.ts'
import type { Logger } from '../../logger.ts'
import { forbidden } from '../../services/service-error.ts'
import { csrfTokenMatches, may } from '../authentication.ts'
import { createApiHandlers, type ApiDependencies } from './api-handlers.ts'
import { API_OPERATIONS, expressPath, type ApiOperation } from './api-operations.ts'
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.ts'
import { problem, sendProblem, sendServiceError, type Problem } from './problem.ts'

/** The largest JSON body the API reads: room for a case whose request text is at its 1 MB limit. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024

const JSON_TYPES = ['application/json', 'application/*+json']
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Personal data is in most answers: nothing is kept by browsers or proxies. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store')
  next()
}

/** 401 for anyone without a live API token or session; the header says how to authenticate. */
const requireAuthentication: RequestHandler = (req, res, next) => {
  if (res.locals.actor !== undefined) {
    next()
    return
  }
  const presented = /^Bearer\s+\S/i.test(req.get('authorization') ?? '')
  res.set(
    'WWW-Authenticate',
    presented
      ? 'Bearer realm="Disclose", error="invalid_token", error_description="The token is unknown or revoked"'
      : 'Bearer realm="Disclose"',
  )
  sendProblem(
    res,
    problem(
      'unauthenticated',
      presented
        ? 'The API token is unknown or revoked, or its user is disabled: ask an administrator for a new one'
        : 'Send an API token (Authorization: Bearer dsc_…) or sign in',
    ),
  )
}

/** A request signed in by session cookie that changes something must carry the session's token (X-CSRF-Token). */
const requireCsrfToken: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method) || csrfTokenMatches(req, res)) {
    next()
    return
  }
  sendProblem(
    res,
    problem('csrf', 'Send the session’s CSRF token in the X-CSRF-Token header, or use an API token instead'),
  )
}

/** A body that is not JSON is 415; a request without a body reaches the handler, which says what to send. */
const requireJsonBody: RequestHandler = (req, res, next) => {
  const empty = req.get('content-length') === '0' && req.get('transfer-encoding') === undefined
  if (SAFE_METHODS.has(req.method) || empty || req.is(JSON_TYPES) !== false) {
    next()
    return
  }
  sendProblem(
    res,
    problem(
      'unsupported-media-type',
      `The body must be JSON, sent with Content-Type: application/json (this was ${req.get('content-type') ?? 'sent without a Content-Type'})`.slice(
        0,
        300,
      ),
    ),
  )
}

/** Checks the role before the handler reads anything, as well as in the service (defence in depth). */
const requirePermission =
  (operation: ApiOperation): RequestHandler =>
  (_req, res, next) => {
    if (operation.access.kind !== 'permission' || may(res, operation.access.permission)) {
      next()
      return
    }
    sendServiceError(res, forbidden(`Your role cannot ${operation.summary.toLowerCase()}`))
  }

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const pathPattern = (path: string): RegExp =>
  new RegExp(
    `^${path
      .split(/\{[A-Za-z]+\}/)
      .map(escapeRegExp)
      .join('[^/]+')}/?$`,
  )

/** 405 with Allow for a known path and another method; 404 for anything else. Never the HTML page. */
const notFoundOrNotAllowed: RequestHandler = (req, res) => {
  const allowed = API_OPERATIONS.filter((operation) => pathPattern(operation.path).test(req.path)).map((operation) =>
    operation.method.toUpperCase(),
  )
  if (allowed.length > 0) {
    const methods = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed
    res.set('Allow', methods.join(', '))
    sendProblem(res, problem('method-not-allowed', `Use ${methods.join(' or ')} here`))
    return
  }
  sendProblem(res, problem('not-found', 'There is nothing at this address in the API: see /api/v1/openapi.json'))
}

const statusOf = (error: unknown): number => {
  if (typeof error !== 'object' || error === null) return 500
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500
}

/** Errors as problems: the body parser's by their type, other 4xx as about:blank, anything else 500 (logged). */
const apiErrors =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error)
      return
    }
    const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined
    const status = statusOf(error)
    let answer: Problem
    if (type === 'entity.parse.failed') {
      answer = problem('malformed-body', 'The request body is not valid JSON: check its quotes, commas and brackets', {
        errors: [{ field: '', message: 'The request body is not valid JSON' }],
      })
    } else if (type === 'entity.too.large') {
      answer = problem(
        'body-too-large',
        `The request body must be ${BODY_LIMIT_BYTES / 1024 / 1024} MB or smaller: attach long material to the case as a document`,
        { limit: BODY_LIMIT_BYTES },
      )
    } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      answer = problem('unsupported-media-type', 'Send the body as UTF-8 JSON, uncompressed or gzip')
    } else if (status < 500) {
      answer = { type: 'about:blank', title: STATUS_CODES[status] ?? 'Bad request', status }
    } else {
      logger.error({ err: error, method: req.method }, 'Unhandled error in the API')
      answer = problem('server-error', 'Try again later. If it keeps happening, tell whoever runs Disclose.')
    }
    sendProblem(res, answer)
  }

/**
 * The JSON API, mounted at /api/v1. The OpenAPI document is public; everything else needs an API token or a session,
 * works only within the caller's organisation, and answers errors as RFC 9457 problems.
 */
export const apiRoutes = (deps: ApiDependencies & Pick<Dependencies, 'logger'>): Router => {
  let document: OpenApiDocument | undefined
  const openApiDocument = (): OpenApiDocument => (document ??= buildOpenApiDocument())
  const handlers = createApiHandlers(deps, openApiDocument)
  const router = express.Router()
  const register = (operation: ApiOperation): void => {
    const route = router.route(expressPath(operation.path))
    route[operation.method](requirePermission(operation), handlers[operation.id])
  }

  router.use(noStore)
  API_OPERATIONS.filter((operation) => operation.access.kind === 'public').forEach(register)
  router.use(requireAuthentication)
  router.use(requireCsrfToken)
  // Uploads stream their files from the request as they arrive: they are registered before any body is parsed.
  const uploads = API_OPERATIONS.filter((operation) => operation.body?.upload === true)
  uploads.forEach(register)
  router.use(requireJsonBody)
  router.use(express.json({ limit: BODY_LIMIT_BYTES, type: JSON_TYPES, strict: true }))
  API_OPERATIONS.filter((operation) => operation.access.kind !== 'public' && !uploads.includes(operation)).forEach(
    register,
  )
  router.use(notFoundOrNotAllowed)
  router.use(apiErrors(deps.logger.child({ component: 'api' })))
  return router
}
