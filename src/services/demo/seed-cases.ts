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

/** A decision on an exemption, in its JSON form. */
type Decision = NonNullable<CaseDocumentInput['exemptionDecisions']>[number]

/** A step in the case's life, taken through the service layer by the demonstration user with that role. */
export type DemoStep =
  | { readonly kind: 'move'; readonly action: CaseAction; readonly on: string; readonly by: Role }
  | { readonly kind: 'decide-parts'; readonly by: Role }
  | { readonly kind: 'decide-exemptions'; readonly by: Role }

export interface DemoCase {
  /** The request as it was logged: what was asked, part by part, not yet answered. */
  readonly logged: CaseDocumentInput
  /** How each part was answered. */
  readonly decided: readonly DecidedPart[]
  /** Why each exemption the parts rely on applies: the sections of the letter. */
  readonly decisions: readonly Decision[]
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
  decisions: [
    {
      exemptionId: 'foia-s40-2',
      // The seed cites the wording from before the Data Protection Act 2018; the check warns of it.
      routeCodes: ['3-a-i'],
      reasons:
        'We are withholding the contact details of the staff at these organisations, and some ICO employee/s, as their personal information. You can read our policy on the disclosure of ICO staff information on our website.',
    },
    {
      exemptionId: 'foia-s31-1-g',
      routeCodes: ['2-a', '2-c'],
      prejudice: 'would-be-likely-to',
      reasons: [
        'These purposes apply when the Information Commissioner is considering whether or not a data controller has complied with its obligations as laid out in data protection legislation.',
        'Disclosing details about the content of our discussions with X and LinkedIn would be likely to prejudice our regulatory work. Organisations need to be confident that details of these interactions will not be made public unless it is appropriate to do so. If this is not the case, it would be likely to prejudice our ability to engage productively with X and LinkedIn in the future on these and other topics.',
      ].join('\n\n'),
      publicInterestTest: {
        forDisclosure: [
          'The legitimate interest of the public in understanding the nature and content of our discussions with X and LinkedIn on this topic area.',
          'Openness and transparency in the way in which the ICO engages with organisations as regulator.',
        ],
        forWithholding: [
          'There is a strong public interest in the ICO not disclosing information relating to our engagement with organisations unless it is appropriate to do so. If this information is routinely disclosed, organisations would be less willing to work with the ICO. This could, in turn, impact on our regulatory work at a wider level with organisations less likely to report concerns or engage with us during investigations for example, if they fear that information may be disclosed when it is inappropriate to do so.',
          'There is also a public interest in ensuring that organisations engage with us fully and candidly. This applies to both current and future engagement work. If there is a concern that the details of our engagement work will be routinely disclosed, this would be likely inhibit open discussion.',
        ],
        conclusion: 'maintain-exemption',
        reasoning: '',
        decidedOn: '2024-10-28',
      },
    },
    {
      exemptionId: 'foia-s44-1-a',
      routeText: 'the Data Protection Act 2018, Part 5, section 132',
      reasons: [
        'Section 132 prohibits the disclosure of confidential information that (a) has been obtained by, or provided to, the Commissioner in the course of, or for the purposes of, the discharging of the Commissioner’s functions, (b) relates to an identified or identifiable individual or business, and (c) is not available to the public from other sources at the time of the disclosure and has not previously been available to the public from other sources, unless the disclosure is made with lawful authority.',
        'We do not have lawful authority to disclose the information provided to us by X and LinkedIn as this information was given to us in confidence.',
        'Section 132(3) imposes a criminal liability on the Commissioner and his staff not to disclose information relating to an identifiable individual or business for the purposes of carrying out our regulatory functions, unless we have the lawful authority to do so or it has been made public from another source.',
      ].join('\n\n'),
    },
  ],
  steps: [
    { kind: 'move', action: 'start-work', on: '2024-10-02', by: 'officer' },
    { kind: 'decide-parts', by: 'officer' },
    { kind: 'decide-exemptions', by: 'officer' },
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
  decisions: [
    {
      exemptionId: 'foia-s40-2',
      routeCodes: ['3A-a'],
      reasons: [
        'You will see that some third party personal data has been redacted in our response.',
        'Disclosure of this data would break the first principle of data protection - that personal data is processed lawfully, fairly and in a transparent manner.',
        'There is no strong legitimate interest that would override the prejudice that disclosure would cause to the rights and freedoms of the individuals concerned. So we are withholding the information under section 40(2) of the FOIA.',
      ].join('\n\n'),
    },
    {
      exemptionId: 'foia-s31-1-g',
      routeCodes: ['2-a', '2-c'],
      prejudice: 'would-be-likely-to',
      reasons: [
        "To release some information you have requested could prejudice the ICO's ability to conduct future investigations fairly and appropriately. Disclosure would likely discourage this data controller, or other data controllers, from fully engaging with us in the future if they did not have confidence that potentially sensitive discussions and details would be handled carefully and appropriately.",
        "We also consider that we need a 'safe space' in which to determine what regulatory action we may choose to take and how to fulfil our regulatory function. This needs to happen without undue external influence, and without revealing our methods and considerations that data controllers could use to minimise scrutiny in future.",
        'In addition, information released that relates to deliberations could be misinterpreted, and could distract from the final investigation findings.',
      ].join('\n\n'),
      publicInterestTest: {
        forDisclosure: [
          "increased transparency in the way in which the data controller has responded to the ICO's enquiries; and",
          'increased transparency in the way in which the ICO conducts its investigations.',
        ],
        forWithholding: [
          "the public interest in maintaining organisations' trust and confidence that their replies to the ICO's enquiries will be afforded an appropriate level of confidentiality;",
          'the public interest in organisations being open and honest in their correspondence with the ICO without fear that their comments will be made public prematurely or, as appropriate, at all;',
          "the public interest in maintaining the ICO's ability to conduct investigations as it thinks fit; and",
          "Interest in this specific matter is somewhat met by the publication of the outcome letter with this response, particularly the section titled 'Our consideration of this case'.",
        ],
        conclusion: 'maintain-exemption',
        reasoning:
          'Furthermore, the public interest in our general regulatory activity, including when we will publish information about our regulatory work, is already somewhat met through the publishing of our Communicating our Regulatory and Enforcement Activity Policy, our Regulatory Action Policy, and other documents such as our Annual reports.',
        decidedOn: '2024-12-03',
      },
    },
  ],
  steps: [
    { kind: 'move', action: 'start-work', on: '2024-11-11', by: 'officer' },
    { kind: 'decide-parts', by: 'officer' },
    { kind: 'decide-exemptions', by: 'officer' },
    { kind: 'move', action: 'submit-for-approval', on: '2024-12-03', by: 'officer' },
    { kind: 'move', action: 'approve', on: '2024-12-04', by: 'approver' },
    { kind: 'move', action: 'issue-response', on: '2024-12-04', by: 'officer' },
  ],
}

export const SEED_CASES: readonly DemoCase[] = [FIRST_SEED_CASE, SECOND_SEED_CASE]
