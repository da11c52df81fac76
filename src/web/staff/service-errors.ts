import type { ServiceError } from '../../services/service-error.ts'

/** An error that `handleErrors` (src/web/errors.ts) answers with its status: a 404 page, a 403 page … */
export interface HttpError extends Error {
  readonly status: number
}

const STATUS: Readonly<Record<ServiceError['kind'], number>> = {
  invalid: 422,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  refused: 409,
}

/**
 * A service's refusal as an error for the error handler to answer. The message stays in the error, for the log:
 * it never reaches the page, which only says what kind of problem it was.
 */
export const httpErrorFor = (error: ServiceError): HttpError =>
  Object.assign(new Error(error.message), { status: STATUS[error.kind] })
