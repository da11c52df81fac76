import type { Request } from 'express'
import { z } from 'zod'
import type { IsoDate } from '../../domain/calendar/calendar-date.ts'
import { CASE_KINDS, CASE_STATES, type CaseKind, type CaseState } from '../../domain/case/case.ts'
import { CASE_ACTIONS } from '../../domain/case/case-workflow.ts'
import { EXEMPTION_REGIMES, type ExemptionRegime } from '../../domain/exemptions/exemption.ts'
import { LETTER_KINDS, type LetterKind } from '../../domain/letters/letter-document.ts'
import { LETTER_FORMATS, type LetterFormat } from '../../letters/letter-renderer.ts'
import type { LetterOptions } from '../../services/letters/letter.service.ts'
import { readLabelledDate } from '../../domain/deadlines/clock-request.ts'
import { REGIMES, type Regime } from '../../domain/deadlines/regime.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import { problemsFromZod } from '../../services/cases/case-document.ts'
import type { FieldProblem } from '../../services/service-error.ts'
import { DOCUMENT_SCOPES, FINDING_STATUSES, type DocumentScope } from '../../documents/document-records.ts'
import { PII_TYPES } from '../../documents/pii/finding.ts'
import type { DocumentFilter } from '../../services/documents/document.service.ts'
import { badParameter, invalidBody, invalidHeader, invalidParameters, problem, type Problem } from './problem.ts'

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

/** Decisions are replaced whole; the case service checks each against the catalogue and the decision schema. */
export const decisionsChangeSchema = z
  .object({
    decisions: z.array(z.unknown(), { error: 'decisions must be a list of decisions, one for each exemption' }),
    version: versionField.optional(),
  })
  .strict()

/** An officer's edit of a letter's body, or null to throw the edit away and go back to the letter Disclose writes. */
export const letterEditSchema = z
  .object({
    text: z.string({ error: 'text must be the letter’s text, or null to discard the edit' }).nullable().meta({
      description:
        'The letter’s body as text (## a heading, ### a subheading, - a list item, > a quote, **strong**, [words](https://…)); null discards the edit',
    }),
  })
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
  limit: {
    type: 'integer',
    minimum: 1,
    description: `How many cases to send, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
  },
  offset: { type: 'integer', minimum: 0, description: 'How many cases to skip, for the next page' },
} as const

/** The outcomes an internal review letter reports. */
export const REVIEW_OUTCOMES = ['upheld', 'partly-upheld', 'overturned'] as const satisfies readonly NonNullable<
  LetterOptions['reviewOutcome']
>[]

const LETTER_MEDIA_TYPES: Readonly<Record<LetterFormat, string>> = {
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/** Each query parameter a letter reads: the file to send, and what the officer adds to the letter. */
export const LETTER_PARAMETERS = {
  format: {
    values: LETTER_FORMATS,
    one: true,
    description: `The letter as a file rather than JSON: html (a page to save or print), pdf (accessible, tagged) or docx (to edit in Word). An Accept header of ${Object.values(LETTER_MEDIA_TYPES).join(', ')} does the same.`,
  },
  date: {
    format: 'date',
    description:
      'The date the letter bears (YYYY-MM-DD); by default the day of the response if there was one, else today',
  },
  note: {
    description: 'Words for the letter to carry: what to clarify (the clarification letter needs it), or a note to add',
  },
  fee: { type: 'number', minimum: 0, description: 'The fee to charge, in pounds (the fees notice needs it)' },
  reviewOutcome: {
    values: REVIEW_OUTCOMES,
    one: true,
    description: 'What the internal review decided, for the review letter',
  },
} as const

/** The query parameter of the list of exemptions: its name is `regime`, as the case list's is. */
export const EXEMPTION_PARAMETERS = {
  exemptionRegime: {
    name: 'regime',
    values: EXEMPTION_REGIMES,
    one: true,
    description: 'Only the exemptions of this law (subject access has its own, not listed here)',
  },
} as const

export const DEFAULT_DOCUMENT_PAGE_SIZE = 100
export const MAX_DOCUMENT_PAGE_SIZE = 1000

const BOOLEAN = ['true', 'false'] as const

/** Each query parameter of the documents' operations. */
export const DOCUMENT_PARAMETERS = {
  documentText: {
    name: 'q',
    description:
      'Words the text must contain (all of them), "a phrase", OR between alternatives, -word to leave out; at most 500 characters',
  },
  sender: { description: 'Only emails whose sender’s name or address contains this' },
  documentFrom: { name: 'from', format: 'date', description: 'Only documents dated on or after this day (YYYY-MM-DD)' },
  documentTo: { name: 'to', format: 'date', description: 'Only documents dated on or before this day (YYYY-MM-DD)' },
  scope: { values: DOCUMENT_SCOPES, one: true, description: 'Only documents marked so' },
  custodian: { description: 'Only documents of this custodian (exactly as recorded)' },
  documentLimit: {
    name: 'limit',
    type: 'integer',
    minimum: 1,
    description: `How many documents to send, 1 to ${MAX_DOCUMENT_PAGE_SIZE} (default ${DEFAULT_DOCUMENT_PAGE_SIZE})`,
  },
  documentOffset: { name: 'offset', type: 'integer', minimum: 0, description: 'How many documents to skip' },
  words: {
    values: BOOLEAN,
    one: true,
    description: 'true: each page with its words and where they are on the page (large for a long document)',
  },
  text: { values: BOOLEAN, one: true, description: 'true: the document’s whole text as well' },
  findingStatus: { name: 'status', values: FINDING_STATUSES, one: true, description: 'Only findings so decided' },
  findingType: {
    name: 'type',
    values: PII_TYPES,
    one: true,
    description: 'Only findings of this kind of personal data',
  },
  fileName: {
    name: 'name',
    description:
      'With a raw body: the file’s name, with its extension (report.pdf). Not used with multipart/form-data.',
  },
  uploadCustodian: {
    name: 'custodian',
    description:
      'Whose documents these are (the member of staff or the system they came from); a multipart `custodian` field before the files says the same',
  },
} as const

/** How the OpenAPI document describes a query parameter. */
export interface QueryParameterSpec {
  /** The name in the query string, when it is not the key (two parameters called `regime` mean different things). */
  readonly name?: string
  readonly description: string
  /** The values it takes: a comma-separated list of them, or with `one`, exactly one. */
  readonly values?: readonly string[]
  readonly one?: boolean
  readonly format?: 'date'
  readonly type?: 'integer' | 'number'
  readonly minimum?: number
}

/** Every query parameter of the API, by the key the operations and the OpenAPI document name it by. */
export const QUERY_PARAMETERS = {
  ...CASE_LIST_PARAMETERS,
  ...LETTER_PARAMETERS,
  ...EXEMPTION_PARAMETERS,
  ...DOCUMENT_PARAMETERS,
} as const satisfies Readonly<Record<string, QueryParameterSpec>>

export type QueryParameter = keyof typeof QUERY_PARAMETERS

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

const unknownParameters = (query: Record<string, unknown>, allowed: readonly string[]): FieldProblem[] =>
  Object.keys(query)
    .filter((name) => !allowed.includes(name))
    .map((name) => ({
      field: name,
      message:
        allowed.length === 0
          ? `${name} is not a parameter here: send none`
          : `${name} is not a parameter here: use ${allowed.join(', ')}`,
    }))

/** A letter kind from the address; anything else is a 400 naming the kinds there are. */
export const readLetterKind = (text: string): Result<LetterKind, Problem> =>
  (LETTER_KINDS as readonly string[]).includes(text)
    ? ok(text as LetterKind)
    : fail(badParameter('kind', `${text.slice(0, 40)}: ${oneOf('The letter kind', LETTER_KINDS)}`))

/** What a request for a letter asks for: a format (or the JSON), and the officer's additions to the letter. */
export interface LetterQuery {
  readonly format?: LetterFormat
  readonly options: LetterOptions
}

const MAX_NOTE_LENGTH = 10_000

/**
 * Reads `format`, `date`, `note`, `fee` and `reviewOutcome`. An unknown format is a 400 (the address asks for a file
 * Disclose does not make); a bad value of the others is a validation problem naming it, as the list filters are.
 */
export const readLetterQuery = (query: Record<string, unknown>): Result<LetterQuery, Problem> => {
  const text = (name: keyof typeof LETTER_PARAMETERS): string | undefined => single(query[name])?.trim()
  const format = text('format')
  if (format !== undefined && !(LETTER_FORMATS as readonly string[]).includes(format)) {
    return fail(badParameter('format', `${format.slice(0, 40)}: ${oneOf('format', LETTER_FORMATS)}`))
  }
  const problems = unknownParameters(query, Object.keys(LETTER_PARAMETERS))
  const date = text('date')
  const read = date === undefined || date === '' ? undefined : readLabelledDate('date', date)
  if (read !== undefined && !read.ok) problems.push({ field: 'date', message: read.error })
  const note = single(query['note'])
  if (note !== undefined && note.length > MAX_NOTE_LENGTH) {
    problems.push({
      field: 'note',
      message: `note must be ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters or fewer`,
    })
  }
  const fee = text('fee')
  if (fee !== undefined && fee !== '' && !/^\d{1,6}(\.\d{1,2})?$/.test(fee)) {
    problems.push({ field: 'fee', message: 'fee must be an amount in pounds, like 45 or 12.50' })
  }
  const reviewOutcome = text('reviewOutcome')
  if (reviewOutcome !== undefined && !(REVIEW_OUTCOMES as readonly string[]).includes(reviewOutcome)) {
    problems.push({
      field: 'reviewOutcome',
      message: `${reviewOutcome.slice(0, 40)}: ${oneOf('reviewOutcome', REVIEW_OUTCOMES)}`,
    })
  }
  if (problems.length > 0) return fail(invalidParameters(problems))
  return ok({
    ...(format === undefined ? {} : { format: format as LetterFormat }),
    options: {
      ...(read?.ok === true ? { date: read.value } : {}),
      ...(note === undefined || note.trim() === '' ? {} : { note }),
      ...(fee === undefined || fee === '' ? {} : { feePounds: Number(fee) }),
      ...(reviewOutcome === undefined ? {} : { reviewOutcome: reviewOutcome as (typeof REVIEW_OUTCOMES)[number] }),
    },
  })
}

/** The format an Accept header asks for, if it prefers a file to JSON; JSON when it says nothing. */
export const formatAccepted = (req: Request): LetterFormat | undefined => {
  const json = 'application/json'
  const types = [json, ...Object.values(LETTER_MEDIA_TYPES)]
  const preferred = req.accepts(types)
  if (preferred === false || preferred === json) return undefined
  return LETTER_FORMATS.find((format) => LETTER_MEDIA_TYPES[format] === preferred)
}

/** The regime the exemptions are listed for, if one is asked for. */
export const readExemptionQuery = (
  query: Record<string, unknown>,
): Result<{ readonly regime?: ExemptionRegime }, Problem> => {
  const problems = unknownParameters(query, ['regime'])
  const regime = single(query['regime'])?.trim()
  if (regime !== undefined && regime !== '' && !(EXEMPTION_REGIMES as readonly string[]).includes(regime)) {
    problems.push({ field: 'regime', message: `${regime.slice(0, 40)}: ${oneOf('regime', EXEMPTION_REGIMES)}` })
  }
  if (problems.length > 0) return fail(invalidParameters(problems))
  return ok(regime === undefined || regime === '' ? {} : { regime: regime as ExemptionRegime })
}

/** A reviewer's decision on a finding, and how far it reaches. */
export const findingDecisionSchema = z
  .object({
    decision: z.enum(['accepted', 'rejected', 'pending'], {
      error: 'decision must be accepted, rejected or pending',
    }),
    reach: z.enum(['duplicates', 'case'], { error: 'reach must be duplicates or case' }).default('duplicates').meta({
      description:
        'duplicates (the default): this finding and the same text in the document’s duplicates, near-duplicates and thread; case: the same text anywhere in the case, and in documents added later',
    }),
  })
  .strict()

export const scopeChangeSchema = z
  .object({
    documentIds: z
      .array(z.string().max(100), { error: 'documentIds must be a list of document ids' })
      .min(1, 'Give at least one document id')
      .max(1000, 'Give at most 1,000 document ids at a time'),
    scope: z.enum(DOCUMENT_SCOPES as readonly [DocumentScope, ...DocumentScope[]], {
      error: oneOf('scope', DOCUMENT_SCOPES),
    }),
  })
  .strict()

/** Reads a whole number parameter, or a problem naming it. */
const wholeNumberParameter = (
  query: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  fallback: number,
  problems: FieldProblem[],
): number => readWholeNumber(name, single(query[name])?.trim(), min, max, fallback, problems)

const parameterNames = (specs: Readonly<Record<string, QueryParameterSpec>>, keys: readonly string[]): string[] =>
  keys.map((key) => specs[key]?.name ?? key)

/** The search of a case's documents, read from `q`, `sender`, `from`, `to`, `scope`, `custodian`, `limit`, `offset`. */
export const readDocumentListQuery = (query: Record<string, unknown>): Result<DocumentFilter, Problem> => {
  const keys = [
    'documentText',
    'sender',
    'documentFrom',
    'documentTo',
    'scope',
    'custodian',
    'documentLimit',
    'documentOffset',
  ] as const
  const problems = unknownParameters(query, parameterNames(DOCUMENT_PARAMETERS, keys))
  const text = (name: string): string | undefined => {
    const value = single(query[name])?.trim()
    return value === undefined || value === '' ? undefined : value
  }
  const q = text('q')
  if (q !== undefined && q.length > 500) problems.push({ field: 'q', message: 'q must be 500 characters or fewer' })
  const sender = text('sender')
  if (sender !== undefined && sender.length > 200) {
    problems.push({ field: 'sender', message: 'sender must be 200 characters or fewer' })
  }
  const dates: Partial<Record<'from' | 'to', IsoDate>> = {}
  for (const name of ['from', 'to'] as const) {
    const value = text(name)
    if (value === undefined) continue
    const read = readLabelledDate(name, value)
    if (read.ok) dates[name] = read.value
    else problems.push({ field: name, message: read.error })
  }
  const scope = text('scope')
  if (scope !== undefined && !(DOCUMENT_SCOPES as readonly string[]).includes(scope)) {
    problems.push({ field: 'scope', message: `${scope.slice(0, 40)}: ${oneOf('scope', DOCUMENT_SCOPES)}` })
  }
  const custodian = text('custodian')
  const limit = wholeNumberParameter(query, 'limit', 1, MAX_DOCUMENT_PAGE_SIZE, DEFAULT_DOCUMENT_PAGE_SIZE, problems)
  const offset = wholeNumberParameter(query, 'offset', 0, 1_000_000, 0, problems)
  if (problems.length > 0) return fail(invalidParameters(problems))
  return ok({
    ...(q === undefined ? {} : { text: q }),
    ...(sender === undefined ? {} : { sender }),
    ...dates,
    ...(scope === undefined ? {} : { scope: scope as DocumentScope }),
    ...(custodian === undefined ? {} : { custodian }),
    limit,
    offset,
  })
}

const readBoolean = (query: Record<string, unknown>, name: string, problems: FieldProblem[]): boolean | undefined => {
  const value = single(query[name])?.trim()
  if (value === undefined || value === '') return undefined
  if (value === 'true' || value === 'false') return value === 'true'
  problems.push({ field: name, message: `${name} must be true or false` })
  return undefined
}

/** What a read of a document asks for besides the document: its pages' words, its text. */
export const readDocumentQuery = (
  query: Record<string, unknown>,
): Result<{ readonly words: boolean; readonly text: boolean }, Problem> => {
  const problems = unknownParameters(query, ['words', 'text'])
  const words = readBoolean(query, 'words', problems)
  const text = readBoolean(query, 'text', problems)
  if (problems.length > 0) return fail(invalidParameters(problems))
  return ok({ words: words ?? false, text: text ?? false })
}

/** The review queue's filters: `status` and `type` (the service checks their values). */
export const readFindingQuery = (
  query: Record<string, unknown>,
): Result<{ readonly status?: string; readonly type?: string }, Problem> => {
  const problems = unknownParameters(query, ['status', 'type'])
  if (problems.length > 0) return fail(invalidParameters(problems))
  const status = single(query['status'])?.trim()
  const type = single(query['type'])?.trim()
  return ok({
    ...(status === undefined || status === '' ? {} : { status }),
    ...(type === undefined || type === '' ? {} : { type }),
  })
}

/** An upload's parameters: the raw body's file name, and whose the files are. */
export const readUploadQuery = (
  query: Record<string, unknown>,
): Result<{ readonly name?: string; readonly custodian?: string }, Problem> => {
  const problems = unknownParameters(query, ['name', 'custodian'])
  const name = single(query['name'])?.trim()
  const custodian = single(query['custodian'])?.trim()
  if (name !== undefined && name.length > 255) {
    problems.push({ field: 'name', message: 'name must be 255 characters or fewer' })
  }
  if (custodian !== undefined && custodian.length > 200) {
    problems.push({ field: 'custodian', message: 'custodian must be 200 characters or fewer' })
  }
  if (problems.length > 0) return fail(invalidParameters(problems))
  return ok({
    ...(name === undefined || name === '' ? {} : { name }),
    ...(custodian === undefined || custodian === '' ? {} : { custodian }),
  })
}
