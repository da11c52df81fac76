import { z } from 'zod'
import { ROLES } from '../../domain/access/role.ts'
import { DIVISIONS } from '../../domain/calendar/division.ts'
import { CASE_KINDS, CASE_STATES, CHANNELS, LINK_KINDS } from '../../domain/case/case.ts'
import { OUTCOMES } from '../../domain/case/part.ts'
import { REQUESTER_TYPES } from '../../domain/case/requester.ts'
import { REGIMES } from '../../domain/deadlines/regime.ts'
import { exemptionDecisionsSchema } from './decision-document.ts'
import { date, oneOf, text } from './json-form-fields.ts'

/**
 * The case's JSON form: what `disclose case export` writes, `disclose case import` and `disclose case create` read,
 * and the API sends and receives. Documented in docs/case-json.md; its JSON Schema is docs/case.schema.json.
 */
export const CASE_FORMAT = 'disclose-case/1'

const clockEvent = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('clarification-requested'), on: date('Date clarification was asked for') }),
    z.object({ type: z.literal('clarification-received'), on: date('Date clarification arrived') }),
    z.object({ type: z.literal('fee-notice-given'), on: date('Date of the fees notice') }),
    z.object({ type: z.literal('fee-received'), on: date('Date the fee arrived') }),
    z.object({ type: z.literal('identity-verified'), on: date('Date identity was confirmed') }),
    z.object({
      type: z.literal('extended'),
      extension: z.enum(['eir-complex-and-voluminous', 'sar-complex-or-numerous'], {
        error: 'Extension must be eir-complex-and-voluminous, sar-complex-or-numerous or public-interest',
      }),
    }),
    z.object({
      type: z.literal('extended'),
      extension: z.literal('public-interest'),
      until: date('Date of the public interest extension'),
    }),
  ],
  {
    error:
      'A clock event’s type must be clarification-requested, clarification-received, fee-notice-given, fee-received, identity-verified or extended',
  },
)

export const clockSchema = z.object({
  events: z.array(clockEvent).max(100, 'A case can have at most 100 clock events').default([]),
  timeForCompliance: z
    .enum(['standard', 'school', 'archive', 'overseas'], {
      error: oneOf('Time for compliance', ['standard', 'school', 'archive', 'overseas']),
    })
    .default('standard'),
  schoolClosures: z
    .array(z.object({ from: date('First day of the closure'), to: date('Last day of the closure') }))
    .max(100)
    .default([]),
})

export const partSchema = z.object({
  id: z.uuid({ error: 'A part’s id must be a UUID' }).optional(),
  question: text('What was asked', 100_000).trim().min(1, 'Enter what was asked in this part'),
  outcome: z
    .enum(OUTCOMES, { error: oneOf('Outcome', OUTCOMES) })
    .nullable()
    .default(null),
  publishedLinks: z
    .array(
      z.object({
        title: text('The link’s title', 1000).trim().min(1, 'Enter the title of the published page'),
        url: z.url({ protocol: /^https?$/, error: 'Enter the web address of the published page, starting https://' }),
        publishedOn: date('Date it was published').nullable().default(null),
      }),
    )
    .max(100)
    .default([]),
  disclosureLogReference: text('Disclosure-log reference', 100).trim().min(1).nullable().default(null),
  transferredTo: text('Where it went', 1000).trim().min(1).nullable().default(null),
  exemptionIds: z
    .array(z.string().regex(/^[a-z0-9-]{1,80}$/, 'An exemption id looks like foia-s40-2'))
    .max(50)
    .default([]),
  documentIds: z.array(z.string().min(1).max(100)).max(10_000).default([]),
  explanation: text('Explanation', 100_000).default(''),
})

export const requesterSchema = z.object({
  name: text('Requester’s name', 500).trim().min(1, 'Enter the requester’s name'),
  email: z
    .email({ error: 'Enter the requester’s email address in the correct format, like name@example.com' })
    .nullable()
    .default(null),
  postalAddress: text('Requester’s postal address', 2000).trim().min(1).nullable().default(null),
  type: z.enum(REQUESTER_TYPES, { error: oneOf('Requester type', REQUESTER_TYPES) }).default('member-of-the-public'),
})

export const organisationSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'An organisation’s short name uses lower-case letters, digits and hyphens'),
  name: text('Organisation name', 300).trim().min(1),
  nation: z.enum(DIVISIONS, { error: oneOf('Nation', DIVISIONS) }),
  defaultRegime: z.enum(REGIMES, { error: oneOf('Default regime', REGIMES) }),
  referencePattern: z.string().min(1).max(40),
  govUkBranding: z.boolean().default(false),
  letters: z.object({
    teamName: z.string().max(300).default('Information Access Team'),
    postalAddress: z.string().max(2000).default(''),
    telephone: z.string().max(100).default(''),
    website: z.string().max(500).default(''),
    privacyNoticeUrl: z.string().max(500).default(''),
    retentionPolicyUrl: z.string().max(500).default(''),
    reviewProcedureUrl: z.string().max(500).default(''),
    complaintUrl: z.string().max(500).default(''),
    disclosureLogUrl: z.string().max(500).default(''),
  }),
})

export const userReferenceSchema = z.object({
  email: z.email({ error: 'Enter the officer’s email address in the correct format, like name@example.com' }),
  displayName: z.string().max(300).optional(),
  roles: z.array(z.enum(ROLES)).optional(),
})

/** A case in its JSON form. On create, only what the officer knows is needed; export writes every field. */
export const caseDocumentSchema = z
  .object({
    format: z.literal(CASE_FORMAT, { error: `format must be "${CASE_FORMAT}"` }).optional(),
    organisation: organisationSchema.optional(),
    id: z.uuid({ error: 'A case’s id must be a UUID' }).optional(),
    reference: z.string().max(40).optional(),
    kind: z.enum(CASE_KINDS, { error: oneOf('Kind', CASE_KINDS) }).default('request'),
    regime: z.enum(REGIMES, { error: oneOf('Regime', REGIMES) }).optional(),
    state: z.enum(CASE_STATES, { error: oneOf('State', CASE_STATES) }).optional(),
    receivedOn: date('Date of receipt'),
    channel: z.enum(CHANNELS, { error: oneOf('Channel', CHANNELS) }).default('email'),
    requestText: z.string({ error: 'Enter the request text' }),
    requester: requesterSchema.nullable().default(null),
    assignedOfficer: userReferenceSchema.nullable().default(null),
    team: text('Team', 300).trim().min(1).nullable().default(null),
    clock: clockSchema.default({ events: [], timeForCompliance: 'standard', schoolClosures: [] }),
    parts: z.array(partSchema).max(500, 'A case can have at most 500 parts').default([]),
    links: z
      .array(
        z.object({
          kind: z.enum(LINK_KINDS, { error: oneOf('Link kind', LINK_KINDS) }),
          reference: z.string().trim().min(1, 'Enter the linked case’s reference').max(40),
          note: z.string().max(2000).default(''),
        }),
      )
      .max(100)
      .default([]),
    exemptionDecisions: exemptionDecisionsSchema,
    respondedOn: date('Date of the response').nullable().default(null),
    closedOn: date('Date the case was closed').nullable().default(null),
    createdAt: z.iso.datetime({ error: 'createdAt must be an ISO-8601 timestamp' }).optional(),
  })
  .strict()

export type CaseDocumentInput = z.input<typeof caseDocumentSchema>
export type CaseDocument = z.output<typeof caseDocumentSchema>

/** The JSON Schema of the case's JSON form (what is accepted), for docs/ and the OpenAPI document. */
export const caseDocumentJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(caseDocumentSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' })

/** Turns zod's issues into field problems: `parts/0/outcome`. */
export const problemsFromZod = (error: z.ZodError): { field: string; message: string }[] =>
  error.issues.flatMap((issue) => {
    const path = issue.path.map(String)
    if (issue.code === 'unrecognized_keys') {
      // One problem per unknown key, each named, so that a form or API client can point at it.
      return issue.keys.map((key) => ({
        field: [...path, key].join('/'),
        message: `Remove “${key}”: it is not part of a case`,
      }))
    }
    return [
      {
        field: path.join('/'),
        message:
          issue.code === 'invalid_type' && issue.input === undefined
            ? `${path.join('/') || 'A value'} is missing`
            : issue.message,
      },
    ]
  })
