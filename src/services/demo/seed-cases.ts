import type { Role } from '../../domain/access/role.ts'
import type { CaseAction } from '../../domain/case/case-workflow.ts'
import type { CaseDocumentInput } from '../cases/case-document.ts'

/**
 * The demonstration data, modelled on two real responses of the Information Commissioner's Office (the seed
 * documents): the organisation, a user for each role, and both cases with their real references, dates, request
 * text, parts, outcomes and exemptions. The requesters are synthetic: the seeds do not name them, and demonstration
 * data never holds real personal data.
 *
 * The web addresses of the ICO's pages are illustrative: the seed letters hide them behind their link text.
 */

export const DEMO_ORGANISATION = {
  slug: 'ico',
  name: "Information Commissioner's Office",
  nation: 'england-and-wales',
  defaultRegime: 'foia',
  referencePattern: 'IC-######-@#@#',
  govUkBranding: false,
  letters: {
    teamName: 'Information Access Team',
    postalAddress: 'Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF',
    telephone: '0303 123 1113',
    website: 'ico.org.uk',
    privacyNoticeUrl: 'https://ico.org.uk/global/privacy-notice/',
    retentionPolicyUrl: 'https://ico.org.uk/about-the-ico/our-information/retention-and-disposal-policy/',
    reviewProcedureUrl: 'https://ico.org.uk/about-the-ico/our-information/review-procedure/',
    complaintUrl: 'https://ico.org.uk/make-a-complaint/',
    disclosureLogUrl: 'https://ico.org.uk/about-the-ico/our-information/disclosure-log/',
  },
} as const

/** Where the demonstration users' email addresses are: `example` is reserved (RFC 2606), so no mail goes anywhere. */
export const DEMO_EMAIL_DOMAIN = 'demo.disclose.example'

export const DEMO_TEAM = 'Information Access Team'

/** One user for each role, named after it: officer@demo.disclose.example … */
export const DEMO_USERS: readonly { readonly role: Role; readonly displayName: string }[] = [
  { role: 'officer', displayName: 'Demo Officer' },
  { role: 'applicant-blind-officer', displayName: 'Demo Applicant-blind Officer' },
  { role: 'approver', displayName: 'Demo Approver' },
  { role: 'administrator', displayName: 'Demo Administrator' },
  { role: 'auditor', displayName: 'Demo Auditor' },
]

export const demoEmail = (role: Role): string => `${role}@${DEMO_EMAIL_DOMAIN}`

/** A part as the officer decided it: what was asked, the outcome and its grounds. */
type DecidedPart = NonNullable<CaseDocumentInput['parts']>[number]

/** A step in the case's life, taken through the service layer by the demonstration user with that role. */
export type DemoStep =
  | { readonly kind: 'move'; readonly action: CaseAction; readonly on: string; readonly by: Role }
  | { readonly kind: 'decide-parts'; readonly by: Role }

export interface DemoCase {
  /** The request as it was logged: what was asked, part by part, not yet answered. */
  readonly logged: CaseDocumentInput
  /** How each part was answered. */
  readonly decided: readonly DecidedPart[]
  /** From receipt to response (and closure), in order. */
  readonly steps: readonly DemoStep[]
}

const X_AND_LINKEDIN_EXEMPTIONS = ['foia-s40-2', 'foia-s31-1-g', 'foia-s44-1-a']

const ASKED_OF = (organisation: string): string =>
  `The ICO’s requests for information to ${organisation} about the lawful basis for processing information to train AI, and DPIAs`

/** IC-335210-T7S5: seven organisations, answered on 29 October 2024 and closed. */
export const FIRST_SEED_CASE: DemoCase = {
  logged: {
    reference: 'IC-335210-T7S5',
    kind: 'request',
    regime: 'foia',
    receivedOn: '2024-10-01',
    channel: 'email',
    requestText:
      'I am writing this email to ask you for a copy of the requests for information to X, Meta, LinkedIn, Spotify, Microsoft, Google and OpenAI about the lawful basis for processing information to train AI and DPIAs.',
    requester: { name: 'Sample Requester', email: 'requester@example.com', type: 'member-of-the-public' },
    assignedOfficer: { email: demoEmail('officer') },
    team: DEMO_TEAM,
    parts: [
      { question: ASKED_OF('X') },
      { question: ASKED_OF('Meta') },
      { question: ASKED_OF('LinkedIn') },
      { question: ASKED_OF('Spotify') },
      { question: ASKED_OF('Microsoft') },
      { question: ASKED_OF('Google') },
      { question: ASKED_OF('OpenAI') },
      { question: 'What the ICO has already published on this area of work' },
    ],
    links: [
      {
        kind: 'previous-release',
        reference: 'IC-311642-V7P8',
        note: 'The ICO’s letters requesting information sent to Google and OpenAI, on the disclosure log',
      },
    ],
  },
  decided: [
    {
      question: ASKED_OF('X'),
      outcome: 'disclosed-in-part',
      exemptionIds: X_AND_LINKEDIN_EXEMPTIONS,
      explanation:
        'There was an initial meeting with X and we subsequently requested information following these discussions. A copy of the relevant emails is attached. The correspondence to X does not have a second page. Some of the information has been redacted.',
    },
    {
      question: ASKED_OF('Meta'),
      outcome: 'not-held',
      explanation: 'As Meta proactively contacted us there is no equivalent letter.',
    },
    {
      question: ASKED_OF('LinkedIn'),
      outcome: 'disclosed-in-part',
      exemptionIds: X_AND_LINKEDIN_EXEMPTIONS,
      explanation:
        'There was an initial meeting with LinkedIn and we subsequently requested information following these discussions. A copy of the relevant emails is attached. Some of the information has been redacted.',
    },
    {
      question: ASKED_OF('Spotify'),
      outcome: 'not-held',
      explanation:
        'There is no information held with regards to Spotify as we did not engage with them as part of this piece of work.',
    },
    {
      question: ASKED_OF('Microsoft'),
      outcome: 'disclosed-in-part',
      exemptionIds: ['foia-s40-2'],
      explanation:
        'Please find enclosed the letter sent to Microsoft. The contact details of staff at the organisation have been redacted under section 40 of the FOIA.',
    },
    {
      question: ASKED_OF('Google'),
      outcome: 'released-before',
      disclosureLogReference: 'IC-311642-V7P8',
      explanation:
        "We have disclosed a copy of the ICO's letters requesting information sent to Google and OpenAI and these are available on our disclosure log under IC-311642-V7P8.",
    },
    {
      question: ASKED_OF('OpenAI'),
      outcome: 'released-before',
      disclosureLogReference: 'IC-311642-V7P8',
      explanation:
        "We have disclosed a copy of the ICO's letters requesting information sent to Google and OpenAI and these are available on our disclosure log under IC-311642-V7P8.",
    },
    {
      question: 'What the ICO has already published on this area of work',
      outcome: 'already-published',
      publishedLinks: [
        {
          title: "Statement in response to Meta's plans to train generative AI with user data",
          url: 'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2024/06/statement-in-response-to-metas-plans-to-train-generative-ai-with-user-data/',
          publishedOn: '2024-06-14',
        },
        {
          title: "ICO statement in response to Meta's announcement on user data to train AI",
          url: 'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2024/09/ico-statement-in-response-to-metas-announcement-on-user-data-to-train-ai/',
          publishedOn: '2024-09-14',
        },
      ],
      explanation: 'We have published some information on this area of work and the relevant links are provided below.',
    },
  ],
  steps: [
    { kind: 'move', action: 'start-work', on: '2024-10-02', by: 'officer' },
    { kind: 'decide-parts', by: 'officer' },
    { kind: 'move', action: 'submit-for-approval', on: '2024-10-28', by: 'officer' },
    { kind: 'move', action: 'approve', on: '2024-10-29', by: 'approver' },
    { kind: 'move', action: 'issue-response', on: '2024-10-29', by: 'officer' },
    { kind: 'move', action: 'close', on: '2024-10-29', by: 'officer' },
  ],
}

const SECOND_REQUEST_TEXT = [
  'I am writing to request information on this case, surrounding what appears to be a breach of data regulations by the Conservative party. According to a letter sent by an ICO case officer, the ICO contacted the Conservative party and "outlined steps they need to take to improve their practices, to ensure that their actions are in compliance with the data protection legislation". The ICO also informed the party "that they need to ensure that data protection is considered during the design of new products, including new and updated webpages. Additionally, that any changes to cookie consent mechanisms and privacy notices are made prior to/in conjunction with changes to processing activities".',
  "I am writing to request the findings of the ICO's investigation, in particular, which, if any, data legislation and regulations were breached by the Conservative party.",
  'In the above letter, the ICO case officer noted that the ICO is "not likely to consider taking regulatory action on the basis of a singular complaint. This course of action is only taken in the most serious cases, where cases must meet a set of criteria outlined within our Regulatory Action Policy (RAP). Unfortunately ... we are not of the opinion that the concerns raised meets the requirements listed within the RAP. As such, we will not be taking any enforcement action in this instance".',
  'Please also provide me with a summary of the deliberations behind your decision not to take enforcement action against the Conservative party. If data legislation and regulations were breached, why did the party not face the penalties that follow from such breaches?',
].join('\n\n')

const FINDINGS =
  'The findings of the ICO’s investigation: which, if any, data legislation and regulations the Conservative party breached'
const DELIBERATIONS =
  'A summary of the deliberations behind the decision not to take enforcement action against the Conservative party, and why it did not face penalties'

/** IC-342993-L6W4: the outcome letter released with redactions, the deliberations withheld; answered 4 December 2024. */
export const SECOND_SEED_CASE: DemoCase = {
  logged: {
    reference: 'IC-342993-L6W4',
    kind: 'request',
    regime: 'foia',
    receivedOn: '2024-11-08',
    channel: 'email',
    requestText: SECOND_REQUEST_TEXT,
    requester: { name: 'Sample Requester Two', email: 'requester.two@example.com', type: 'member-of-the-public' },
    assignedOfficer: { email: demoEmail('officer') },
    team: DEMO_TEAM,
    parts: [{ question: FINDINGS }, { question: DELIBERATIONS }],
  },
  decided: [
    {
      question: FINDINGS,
      outcome: 'disclosed-in-part',
      exemptionIds: ['foia-s40-2'],
      explanation:
        'Please find attached a copy of the outcome letter sent to the data controller concerning our findings about the incident and our consideration of the case. We have redacted other information as it is the personal data of a third party.',
    },
    {
      question: DELIBERATIONS,
      outcome: 'withheld',
      exemptionIds: ['foia-s31-1-g'],
      explanation:
        'We also hold other recorded information relating to our consideration of the outcome (although not a full summary of all deliberations). However, this is exempt from disclosure.',
    },
  ],
  steps: [
    { kind: 'move', action: 'start-work', on: '2024-11-11', by: 'officer' },
    { kind: 'decide-parts', by: 'officer' },
    { kind: 'move', action: 'submit-for-approval', on: '2024-12-03', by: 'officer' },
    { kind: 'move', action: 'approve', on: '2024-12-04', by: 'approver' },
    { kind: 'move', action: 'issue-response', on: '2024-12-04', by: 'officer' },
  ],
}

export const SEED_CASES: readonly DemoCase[] = [FIRST_SEED_CASE, SECOND_SEED_CASE]
