import type { Request } from 'express'
import { z } from 'zod'
import type { IsoDate } from '../../domain/calendar/calendar-date.ts'
import { CASE_KINDS, CASE_STATES, type CaseKind, type CaseState } from '../../domain/case/case.ts'
import { CASE_ACTIONS } from '../../domain/case/case-workflow.ts'
import { readLabelledDate } from '../../domain/deadlines/clock-request.ts'
import { REGIMES, type Regime } from '../../domain/deadlines/regime.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import { problemsFromZod } from '../../services/cases/case-document.ts'
import type { FieldProblem } from '../../services/service-error.ts'
import { invalidBody, invalidHeader, invalidParameters, problem, type Problem } from './problem.ts'

/**
 * What the API reads from a request beyond the case's JSON form (which the case service reads itself): the version
 * being changed, the bodies of the smaller operations, and the list filters. Each zod schema here is also what the
 * OpenAPI document shows, so the two cannot drift.
 */

const oneOf = (label: string, values: readonly string[]) =>
  `${label} must be one of ${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`

export const versionField = z
  .number({ error: 'version must be the whole number from the case’s ETag, like 3' })
  .int('version must be a whole number, like 3')
  .min(1, 'version must be 1 or more')
  .meta({ description: 'The version of the case being changed (its ETag); or send If-Match instead' })

const dateText = (label: string) =>
  z
    .string({ error: `${label} must be a date in the form YYYY-MM-DD` })
    .transform((text, context): IsoDate => {
      const read = readLabelledDate(label, text)
      if (!read.ok) {
        context.addIssue({ code: 'custom', message: read.error })
        return z.NEVER
      }
      return read.value
    })
    .meta({ format: 'date' })

export const regimeChangeSchema = z
  .object({
    regime: z.enum(REGIMES, { error: oneOf('Regime', REGIMES) }),
    reason: z
      .string({ error: 'Say why the request is handled under another regime' })
      .max(2000, 'The reason must be 2,000 characters or fewer'),
    version: versionField.optional(),
  })
  .strict()

export const transitionSchema = z
  .object({
    action: z.enum(CASE_ACTIONS, { error: oneOf('Action', CASE_ACTIONS) }),
    on: dateText('The date it happened')
      .optional()
      .meta({ description: 'The day it happened, if not today (a clarification that arrived yesterday, say)' }),
    version: versionField.optional(),
  })
  .strict()

/** Parts and links are replaced whole; the service checks each item against the case JSON form. */
export const partsChangeSchema = z
  .object({ parts: z.array(z.unknown(), { error: 'parts must be a list of parts' }), version: versionField.optional() })
  .strict()

export const linksChangeSchema = z
  .object({ links: z.array(z.unknown(), { error: 'links must be a list of links' }), version: versionField.optional() })
  .strict()

/** A details change: any of the case's own fields, checked by the service; only the version is read here. */
export const detailsChangeSchema = z.looseObject({ version: versionField.optional() })

export const newUserSchema = z
  .object({
    email: z.string({ error: 'Enter the user’s email address' }).max(320),
    displayName: z.string({ error: 'The name must be text' }).max(300).optional(),
    roles: z.array(z.string().max(40), { error: 'roles must be a list of roles, like ["officer"]' }).max(10),
    team: z.string({ error: 'The team must be text' }).max(300).nullable().optional(),
    password: z
      .string({ error: 'The password must be text' })
      .max(1000)
      .optional()
      .meta({ description: 'Leave out for an account that uses API tokens only' }),
  })
  .strict()

/** The body, if it is a JSON object (express.json also lets through arrays, and a bodiless request has none). */
export const readObject = (body: unknown): Result<Record<string, unknown>, Problem> => {
  if (body === undefined) {
    return fail(invalidBody([{ field: '', message: 'Send a JSON body with Content-Type: application/json' }]))
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(invalidBody([{ field: '', message: 'Send a JSON object' }]))
  }
  return ok(body as Record<string, unknown>)
}

/** Reads a JSON body with a schema; a problem names each bad field as a JSON pointer. */
export const readBody = <Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): Result<z.output<Schema>, Problem> => {
  const object = readObject(body)
  if (!object.ok) return object
  const parsed = schema.safeParse(body)
  return parsed.success ? ok(parsed.data) : fail(invalidBody(problemsFromZod(parsed.error)))
}

const ETAG = /^(?:W\/)?"(\d{1,15})"$/

/**
 * The version of the case the caller is changing: `If-Match: "3"` (the ETag of its GET) or a `version` field.
 * Neither is 428, so that no client can save over someone else's change by leaving it out.
 */
export const expectedVersion = (req: Request, fromBody: number | undefined): Result<number, Problem> => {
  const header = req.get('if-match')?.trim()
  let fromHeader: number | undefined
  if (header !== undefined && header !== '') {
    const match = ETAG.exec(header)
    if (match?.[1] === undefined) {
      return fail(
        invalidHeader(
          'If-Match',
          'If-Match must be the ETag of the case you are changing: its version in double quotes, like "3"',
        ),
      )
    }
    fromHeader = Number(match[1])
  }
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    return fail(
      invalidBody([
        {
          field: 'version',
          message: `version is ${fromBody} but If-Match says ${fromHeader}: send one, or make them agree`,
        },
      ]),
    )
  }
  const version = fromHeader ?? fromBody
  if (version === undefined) {
    return fail(
      problem(
        'precondition-required',
        'Send If-Match with the ETag from reading the case (like If-Match: "3"), or a version field, so that you do not save over someone else’s change',
      ),
    )
  }
  return ok(version)
}

/** What a list of cases is narrowed to, read from the query string. */
export interface CaseListQuery {
  readonly states?: readonly CaseState[]
  readonly kinds?: readonly CaseKind[]
  readonly regimes?: readonly Regime[]
  /** A user id, or `me`. */
  readonly officer?: string
  readonly team?: string
  readonly receivedFrom?: IsoDate
  readonly receivedTo?: IsoDate
  readonly q?: string
  readonly limit: number
  readonly offset: number
}

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

/** Each query parameter a list or search reads, with its description for the OpenAPI document. */
export const CASE_LIST_PARAMETERS = {
  state: { values: CASE_STATES, description: 'Only cases in these states (comma-separated, or repeat the parameter)' },
  kind: { values: CASE_KINDS, description: 'Only cases of these kinds' },
  regime: { values: REGIMES, description: 'Only cases under these regimes' },
  officer: { description: 'Only cases assigned to this user id (or `me`)' },
  team: { description: 'Only cases of this team' },
  receivedFrom: { format: 'date', description: 'Only cases received on or after this date (YYYY-MM-DD)' },
  receivedTo: { format: 'date', description: 'Only cases received on or before this date (YYYY-MM-DD)' },
  q: { description: 'A case reference, or words in the request text' },
  limit: { description: `How many cases to send, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` },
  offset: { description: 'How many cases to skip, for the next page' },
} as const

type ListParameter = keyof typeof CASE_LIST_PARAMETERS

const single = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) ? value.map(String).join(',') : undefined

const readList = <T extends string>(
  name: string,
  text: string,
  values: readonly T[],
  problems: FieldProblem[],
): T[] | undefined => {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
  const unknown = items.filter((item) => !(values as readonly string[]).includes(item))
  if (unknown.length > 0) {
    problems.push({ field: name, message: `${unknown.join(', ')}: ${oneOf(name, values)}` })
    return undefined
  }
  return items as T[]
}

const readWholeNumber = (
  name: string,
  text: string | undefined,
  min: number,
  max: number,
  fallback: number,
  problems: FieldProblem[],
): number => {
  if (text === undefined) return fallback
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max) {
    problems.push({
      field: name,
      message: `${name} must be a whole number from ${min} to ${max.toLocaleString('en-GB')}`,
    })
    return fallback
  }
  return Number(text)
}

/**
 * Reads the list filters. Unknown parameters are refused rather than ignored: a mistyped filter (`status=` for
 * `state=`) would otherwise send every case.
 */
export const readCaseListQuery = (
  query: Record<string, unknown>,
  allowed: readonly ListParameter[] = Object.keys(CASE_LIST_PARAMETERS) as ListParameter[],
): Result<CaseListQuery, Problem> => {
  const problems: FieldProblem[] = []
  for (const name of Object.keys(query)) {
    if (!(allowed as readonly string[]).includes(name)) {
      problems.push({ field: name, message: `${name} is not a filter: use ${allowed.join(', ')}` })
    }
  }
  const text = (name: ListParameter): string | undefined =>
    (allowed as readonly string[]).includes(name) ? single(query[name])?.trim() : undefined
  const date = (name: 'receivedFrom' | 'receivedTo'): IsoDate | undefined => {
    const value = text(name)
    if (value === undefined || value === '') return undefined
    const read = readLabelledDate(name, value)
    if (!read.ok) problems.push({ field: name, message: read.error })
    return read.ok ? read.value : undefined
  }
  const state = text('state')
  const kind = text('kind')
  const regime = text('regime')
  const states = state === undefined ? undefined : readList('state', state, CASE_STATES, problems)
  const kinds = kind === undefined ? undefined : readList('kind', kind, CASE_KINDS, problems)
  const regimes = regime === undefined ? undefined : readList('regime', regime, REGIMES, problems)
  const officer = text('officer')
  const team = text('team')
  const receivedFrom = date('receivedFrom')
  const receivedTo = date('receivedTo')
  const q = text('q')
  if (q !== undefined && q.length > 200) problems.push({ field: 'q', message: 'q must be 200 characters or fewer' })
  const limit = readWholeNumber('limit', text('limit'), 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, problems)
  const offset = readWholeNumber('offset', text('offset'), 0, 1_000_000, 0, problems)
  if (problems.length > 0) return fail(invalidParameters(problems))
  return ok({
    ...(states === undefined ? {} : { states }),
    ...(kinds === undefined ? {} : { kinds }),
    ...(regimes === undefined ? {} : { regimes }),
    ...(officer === undefined || officer === '' ? {} : { officer }),
    ...(team === undefined || team === '' ? {} : { team }),
    ...(receivedFrom === undefined ? {} : { receivedFrom }),
    ...(receivedTo === undefined ? {} : { receivedTo }),
    ...(q === undefined || q === '' ? {} : { q }),
    limit,
    offset,
  })
}
