import type { Test } from 'supertest'
import type { Role } from '../../domain/access/role.ts'
import { DEFAULT_REFERENCE_PATTERN } from '../../domain/case/case-reference.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import type { Dependencies } from '../../dependencies.ts'
import { commandLineActor, type Actor } from '../../services/actor.ts'
import { verifyAuditTrail } from '../../services/audit/audit-trail.ts'
import { systemClock } from '../../services/clock.ts'
import { actorFor, type User } from '../../services/users/user.service.ts'

/** Set-up for the API tests: organisations, users with API tokens, and counts that prove nothing was written. */

let organisations = 0
let people = 0

/** An organisation; its letter settings hold only the team's name unless `letters` gives more. */
export const addOrganisation = async (
  deps: Dependencies,
  letters: Readonly<Record<string, string>> = {},
): Promise<Organisation> => {
  organisations += 1
  const added = await deps.organisations.addOrganisation({
    slug: `api-authority-${organisations}-${Math.random().toString(36).slice(2, 8)}`,
    name: `API Test Authority ${organisations}`,
    nation: 'england-and-wales',
    defaultRegime: 'foia',
    referencePattern: DEFAULT_REFERENCE_PATTERN,
    govUkBranding: false,
    letters: { teamName: 'Information Access Team', ...letters },
  })
  if (!added.ok) throw new Error(JSON.stringify(added.error))
  return added.value
}

/** Letter settings that let a refusal pass the check: the review procedure and the complaint page. */
export const COMPLETE_LETTER_SETTINGS = {
  reviewProcedureUrl: 'https://authority.example.org/foi/review',
  complaintUrl: 'https://ico.org.uk/make-a-complaint/',
} as const

export interface TokenHolder {
  readonly user: User
  readonly actor: Actor
  readonly token: string
  readonly tokenId: string
}

/** A user with the roles, and an API token for them. */
export const addTokenHolder = async (
  deps: Dependencies,
  organisation: Organisation,
  roles: readonly Role[],
  password?: string,
): Promise<TokenHolder> => {
  people += 1
  const added = await deps.users.addUser(commandLineActor(organisation.id), {
    email: `${roles.join('-')}-${people}-${Math.random().toString(36).slice(2, 8)}@example.org`,
    displayName: `Test ${roles.join(' and ')} ${people}`,
    roles,
    ...(password === undefined ? {} : { password }),
  })
  if (!added.ok) throw new Error(JSON.stringify(added.error))
  const token = await deps.users.createApiToken(commandLineActor(organisation.id), added.value.id, 'API tests')
  if (!token.ok) throw new Error(JSON.stringify(token.error))
  return { user: added.value, actor: actorFor(added.value), token: token.value.token, tokenId: token.value.id }
}

export const bearer = (holder: Pick<TokenHolder, 'token'>): { Authorization: string } => ({
  Authorization: `Bearer ${holder.token}`,
})

/** A request as the officer would send it: synthetic text, received on a day long past. */
export const newRequest = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  regime: 'foia',
  receivedOn: '2024-10-01',
  channel: 'email',
  requestText: 'Please send the number of streetlights repaired in 2023, by ward.',
  requester: { name: 'A. Requester', email: 'requester@example.com', type: 'member-of-the-public' },
  ...overrides,
})

/** Logs a case through the service, as the command line would, and returns its reference. */
export const logCase = async (
  deps: Dependencies,
  organisation: Organisation,
  overrides: Record<string, unknown> = {},
): Promise<string> => {
  const logged = await deps.cases.logRequest(commandLineActor(organisation.id), newRequest(overrides))
  if (!logged.ok) throw new Error(JSON.stringify(logged.error))
  return logged.value.case.reference
}

let imported = 0

/** A reference no other test uses: the imported cases' own (`IC-900001-A1A1`, …). */
export const freshReference = (): string => {
  imported += 1
  return `IC-${String(900_000 + imported).padStart(6, '0')}-${String.fromCharCode(65 + (imported % 24))}${imported % 10}Z${Math.floor(Math.random() * 10)}`
}

/** Imports a case in a given state (awaiting approval, closed …) with one decided part. */
export const importCaseIn = async (
  deps: Dependencies,
  organisation: Organisation,
  state: string,
  overrides: Record<string, unknown> = {},
): Promise<string> => {
  const done = ['responded', 'closed'].includes(state)
  const result = await deps.cases.importCase(commandLineActor(organisation.id), {
    ...newRequest(),
    reference: freshReference(),
    state,
    parts: [{ question: 'The number of streetlights repaired', outcome: 'not-held' }],
    ...(done ? { respondedOn: '2024-10-20' } : {}),
    ...(state === 'closed' ? { closedOn: '2024-10-21' } : {}),
    ...overrides,
  })
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value.case.reference
}

/** The version of a case now, read through the service. */
export const versionOf = async (deps: Dependencies, organisation: Organisation, reference: string): Promise<number> => {
  const found = await deps.cases.getCase(commandLineActor(organisation.id), reference)
  if (!found.ok) throw new Error(JSON.stringify(found.error))
  return found.value.case.version
}

/** What has been written for an organisation: its cases, and the events in its audit trail. */
export const writtenFor = async (
  deps: Dependencies,
  organisation: Organisation,
): Promise<{ cases: number; auditEvents: number }> => {
  const [report] = await verifyAuditTrail(deps.store, organisation.id)
  return { cases: await deps.store.read.cases.count(organisation.id), auditEvents: report?.events ?? 0 }
}

/** A date `days` from today in the United Kingdom, YYYY-MM-DD. */
export const daysFromToday = (days: number): string => {
  const today = new Date(`${systemClock.today()}T12:00:00Z`)
  today.setUTCDate(today.getUTCDate() + days)
  return today.toISOString().slice(0, 10)
}

/** The bodies the tests read, typed just enough to read them (supertest gives `any`). */
export interface Href {
  readonly href: string
}

export interface ProblemErrorBody {
  readonly field?: string
  readonly parameter?: string
  readonly header?: string
  readonly message: string
}

export interface ProblemBody {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly errors?: readonly ProblemErrorBody[]
  readonly [extension: string]: unknown
}

export interface CaseViewBody {
  readonly reference: string
  readonly version: number
  readonly case: Readonly<Record<string, unknown>> & {
    readonly state: string
    readonly regime: string
    readonly requestText: string
    readonly requesterId: string | null
  }
  readonly requester?: { readonly name: string } | null
  readonly deadline: { readonly due: string | null; readonly status: string; readonly explanation: string[] } | null
  readonly availableActions: readonly string[]
}

export interface CaseListBody {
  readonly q?: string
  readonly items: readonly (Readonly<Record<string, unknown>> & { readonly reference: string })[]
  readonly _links: { readonly self: Href; readonly next?: Href; readonly prev?: Href }
}

export interface CaseEventsBody {
  readonly events: readonly { readonly action: string; readonly by: string; readonly name: string }[]
  readonly clockEvents: readonly unknown[]
}

export interface LetterBody {
  readonly kind: string
  readonly edited: boolean
  readonly issued: boolean
  readonly markup: string
  readonly letter: { readonly title: string; readonly blocks: readonly { kind: string; text?: string }[] }
  readonly _links: Readonly<Record<string, Href>>
}

export interface CheckBody {
  readonly passes: boolean
  readonly errors: number
  readonly warnings: number
  readonly findings: readonly {
    readonly severity: 'error' | 'warning'
    readonly rule: string
    readonly parts: readonly number[]
    readonly exemptionId: string | null
    readonly message: string
  }[]
}

type StreamParser = Extract<Parameters<Test['parse']>[0], (response: never, callback: never) => void>

/** Collects a response's body as bytes, whatever its type (supertest parses only text and JSON by itself). */
export const asBytes: StreamParser = (response, callback) => {
  // At run time the response is Node's IncomingMessage: a stream of the body.
  const stream = response as unknown as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  stream.on('end', () => callback(null, Buffer.concat(chunks)))
  stream.on('error', (error: Error) => callback(error, Buffer.alloc(0)))
}

export interface UserBody {
  readonly id: string
  readonly email: string
  readonly roles: readonly string[]
}

export const bodyOf = <T>(response: { readonly body: unknown }): T => response.body as T
export const problemOf = (response: { readonly body: unknown }): ProblemBody => bodyOf<ProblemBody>(response)
export const caseOf = (response: { readonly body: unknown }): CaseViewBody => bodyOf<CaseViewBody>(response)

/** The references of a list or search, in order. */
export const referencesIn = (response: { readonly body: unknown }): string[] =>
  bodyOf<CaseListBody>(response).items.map((item) => item.reference)

/** The fields, parameters or headers a validation problem names. */
export const namedIn = (response: { readonly body: unknown }): string[] =>
  (problemOf(response).errors ?? []).map((error) => error.field ?? error.parameter ?? error.header ?? '?')

/** The message a validation problem gives for a field (a JSON pointer), parameter or header. */
export const messageFor = (response: { readonly body: unknown }, name: string): string | undefined =>
  (problemOf(response).errors ?? []).find(
    (error) => error.field === name || error.parameter === name || error.header === name,
  )?.message
