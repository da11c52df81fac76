import { z } from 'zod'
import {
  COST_ACTIVITIES,
  PREJUDICE_LEVELS,
  PUBLIC_INTEREST_CONCLUSIONS,
  type ExemptionDecision,
} from '../../domain/decisions/exemption-decision.ts'
import { date, oneOf, text } from './json-form-fields.ts'

/** The JSON form of a decision on an exemption: part of the case's JSON form, and what the API's decisions take. */

const words = text

const factors = (label: string) =>
  z
    .array(words(label, 5000).trim().min(1, `A factor ${label.toLowerCase()} cannot be empty`))
    .max(50)
    .default([])

export const publicInterestTestSchema = z
  .object({
    forDisclosure: factors('For disclosure'),
    forWithholding: factors('For withholding'),
    conclusion: z.enum(PUBLIC_INTEREST_CONCLUSIONS, { error: oneOf('Conclusion', PUBLIC_INTEREST_CONCLUSIONS) }),
    reasoning: words('The balance of the public interest', 20_000).default(''),
    decidedOn: date('Date of the public interest test'),
  })
  .strict()

export const exemptionDecisionSchema = z
  .object({
    exemptionId: z.string().regex(/^[a-z0-9-]{1,80}$/, 'An exemption id looks like foia-s40-2'),
    routeCodes: z
      .array(z.string().regex(/^[A-Za-z0-9-]{1,20}$/, 'A route code looks like 2-a or 3A-a'))
      .max(20)
      .default([]),
    routeText: words('The route', 2000).trim().min(1).nullable().default(null),
    prejudice: z
      .enum(PREJUDICE_LEVELS, { error: oneOf('Prejudice', PREJUDICE_LEVELS) })
      .nullable()
      .default(null),
    reasons: words('Why it applies', 50_000).default(''),
    publicInterestTest: publicInterestTestSchema.nullable().default(null),
    qualifiedPerson: z
      .object({
        name: words('The qualified person’s name', 300).trim().min(1, 'Enter the qualified person’s name'),
        role: words('The qualified person’s role', 300).trim().min(1, 'Enter the qualified person’s role'),
        opinionOn: date('Date of the qualified person’s opinion'),
        whatTheySaw: words('What the qualified person saw', 10_000).trim().min(1, 'Say what the qualified person saw'),
      })
      .strict()
      .nullable()
      .default(null),
    neitherConfirmNorDeny: z.boolean().default(false),
    costEstimate: z
      .object({
        activities: z
          .array(
            z
              .object({
                activity: z.enum(COST_ACTIVITIES, { error: oneOf('Activity', COST_ACTIVITIES) }),
                hours: z.number().min(0, 'Hours cannot be negative').max(100_000),
                basis: words('How the hours were estimated', 5000).default(''),
              })
              .strict(),
          )
          .max(20)
          .default([]),
        appropriateLimitPounds: z
          .union([z.literal(450), z.literal(600)], {
            error: 'The appropriate limit is 450 (most authorities) or 600 (central government and Parliament)',
          })
          .default(450),
        aggregatedWith: z.array(z.string().trim().min(1).max(40)).max(100).default([]),
        adviceAndAssistance: words('Advice and assistance', 20_000).default(''),
      })
      .strict()
      .nullable()
      .default(null),
    vexatiousGrounds: words('The grounds', 20_000).trim().min(1).nullable().default(null),
    reasonsWouldDiscloseExemptInformation: z.boolean().default(false),
  })
  .strict()

export const exemptionDecisionsSchema = z
  .array(exemptionDecisionSchema)
  .max(100, 'A case can have at most 100 decisions')
  .default([])
  .superRefine((decisions, context) => {
    const seen = new Set<string>()
    decisions.forEach((decision, index) => {
      if (seen.has(decision.exemptionId)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'exemptionId'],
          message: `There is already a decision for ${decision.exemptionId}: one decision an exemption`,
        })
      }
      seen.add(decision.exemptionId)
    })
  })

/** Zod's output is the domain type, field for field. */
export const asDecisions = (decisions: z.output<typeof exemptionDecisionsSchema>): ExemptionDecision[] => decisions
