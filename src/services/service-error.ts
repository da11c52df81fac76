/** One thing wrong with what was sent, tied to the field: `requestText`, `parts/0/outcome`. */
export interface FieldProblem {
  readonly field: string
  readonly message: string
}

/** A change someone else saved first: what they changed, who, and when. */
export interface ConcurrentChange {
  readonly version: number
  readonly by: string
  readonly at: string
  readonly action: string
  readonly fields: readonly string[]
}

/**
 * Why a service did not do what was asked. Expected outcomes, not exceptions; the web and the API map each kind to
 * a status (invalid 422, not-found 404, forbidden 403, conflict 409, refused 409).
 */
export type ServiceError =
  | { readonly kind: 'invalid'; readonly message: string; readonly problems: readonly FieldProblem[] }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string }
  | {
      readonly kind: 'conflict'
      readonly message: string
      readonly currentVersion: number
      readonly changes: readonly ConcurrentChange[]
    }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }

export const invalid = (problems: readonly FieldProblem[]): ServiceError => ({
  kind: 'invalid',
  message:
    problems.length === 1 ? (problems[0]?.message ?? 'Check what you sent') : 'Check what you sent: there are problems',
  problems,
})

export const notFound = (message: string): ServiceError => ({ kind: 'not-found', message })
export const forbidden = (message: string): ServiceError => ({ kind: 'forbidden', message })
