import type { Response } from 'express'
import type { ConcurrentChange, FieldProblem, ServiceError } from '../../services/service-error.ts'

/**
 * RFC 9457 problem details: every error the API sends is one of these, as `application/problem+json`. Never a stack
 * trace, never an HTML page.
 */

export const PROBLEM_BASE = 'https://disclose.example/problems/'

/** The kinds of problem the API reports, each with its own `type` URI and the status it goes with. */
export const PROBLEM_KINDS = {
  validation: { status: 422, title: 'Check what you sent' },
  'malformed-body': { status: 400, title: 'The request body is not valid JSON' },
  'malformed-upload': { status: 400, title: 'The files sent could not be read' },
  'bad-parameter': { status: 400, title: 'The address asks for something Disclose does not have' },
  'body-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send the body as JSON' },
  unauthenticated: { status: 401, title: 'Sign in or send an API token' },
  forbidden: { status: 403, title: 'Your role cannot do this' },
  csrf: { status: 403, title: 'The request did not carry the session’s CSRF token' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'That method is not allowed here' },
  conflict: { status: 409, title: 'Someone else changed this case first' },
  refused: { status: 409, title: 'The case cannot do that now' },
  'precondition-required': { status: 428, title: 'Say which version of the case you are changing' },
  'server-error': { status: 500, title: 'Sorry, there is a problem with the service' },
} as const satisfies Record<string, { status: number; title: string }>

export type ProblemKind = keyof typeof PROBLEM_KINDS

/**
 * One thing wrong with a request. `field` is a JSON pointer into the body (`/requestText`, `/parts/0/outcome`; the
 * empty string is the whole body); `parameter` names a query parameter and `header` a request header.
 */
export type ProblemError =
  | { readonly field: string; readonly message: string }
  | { readonly parameter: string; readonly message: string }
  | { readonly header: string; readonly message: string }

export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail?: string
  readonly errors?: readonly ProblemError[]
  /** Extension members: `currentVersion` and `changes` for a conflict, `code` for a refusal, `limit` for 413. */
  readonly [extension: string]: unknown
}

export const problemTypeUri = (kind: ProblemKind): string => `${PROBLEM_BASE}${kind}`

export const problem = (kind: ProblemKind, detail: string, extensions: Record<string, unknown> = {}): Problem => ({
  type: problemTypeUri(kind),
  title: PROBLEM_KINDS[kind].title,
  status: PROBLEM_KINDS[kind].status,
  detail,
  ...extensions,
})

/** `parts/0/outcome` → `/parts/0/outcome`, escaping `~` and `/` inside a segment as RFC 6901 asks. */
export const jsonPointer = (path: string): string =>
  path === ''
    ? ''
    : `/${path
        .split('/')
        .map((segment) => segment.replace(/~/g, '~0'))
        .join('/')}`

const detailOf = (errors: readonly ProblemError[]): string =>
  errors.length === 1 ? (errors[0]?.message ?? 'Check what you sent') : `There are ${errors.length} problems`

/** A validation problem naming each bad field of the body. */
export const invalidBody = (problems: readonly FieldProblem[]): Problem => {
  const errors = problems.map((item) => ({ field: jsonPointer(item.field), message: item.message }))
  return problem('validation', detailOf(errors), { errors })
}

/** A validation problem naming each bad query parameter. */
export const invalidParameters = (problems: readonly FieldProblem[]): Problem => {
  const errors = problems.map((item) => ({ parameter: item.field, message: item.message }))
  return problem('validation', detailOf(errors), { errors })
}

/** A 400: a path parameter or `format` names something there is none of (a letter kind, a file format). */
export const badParameter = (parameter: string, message: string): Problem =>
  problem('bad-parameter', message, { errors: [{ parameter, message }] })

/** A validation problem about a request header (If-Match). */
export const invalidHeader = (header: string, message: string): Problem =>
  problem('validation', message, { errors: [{ header, message }] })

const describeChange = (change: ConcurrentChange) => ({
  version: change.version,
  by: change.by,
  at: change.at,
  action: change.action,
  fields: change.fields,
})

/** Each kind of service error as the status the house style gives it (invalid 422 … refused 409). */
export const problemOfServiceError = (error: ServiceError): Problem => {
  switch (error.kind) {
    case 'invalid':
      return invalidBody(error.problems)
    case 'not-found':
      return problem('not-found', error.message)
    case 'forbidden':
      return problem('forbidden', error.message)
    case 'conflict':
      return problem('conflict', error.message, {
        currentVersion: error.currentVersion,
        changes: error.changes.map(describeChange),
      })
    case 'refused':
      return problem('refused', error.message, { code: error.code })
  }
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json'

export const sendProblem = (res: Response, details: Problem): void => {
  res.status(details.status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(details))
}

export const sendServiceError = (res: Response, error: ServiceError): void => {
  sendProblem(res, problemOfServiceError(error))
}
