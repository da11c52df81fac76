import type { Permission } from '../../domain/access/role.ts'
import type { QueryParameter } from './api-requests.ts'

/**
 * Every operation the API offers, once. The router registers a handler for each and the OpenAPI document describes
 * each, both from this list, so the document cannot fall behind the routes.
 */

export type OperationId =
  | 'getOpenApiDocument'
  | 'listCases'
  | 'logCase'
  | 'importCase'
  | 'getCase'
  | 'changeCaseDetails'
  | 'saveCaseParts'
  | 'saveCaseLinks'
  | 'changeCaseRegime'
  | 'moveCase'
  | 'listCaseEvents'
  | 'exportCase'
  | 'listUsers'
  | 'addUser'
  | 'getUser'
  | 'searchCases'
  | 'saveCaseDecisions'
  | 'checkCase'
  | 'getLetter'
  | 'editLetter'
  | 'listExemptions'
  | 'addCaseDocuments'
  | 'getJob'
  | 'listCaseDocuments'
  | 'getDocument'
  | 'listCaseFindings'
  | 'decideFinding'
  | 'setDocumentScope'

/** Who may call an operation: anyone, a role with a permission, or the roles the workflow table names. */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'permission'; readonly permission: Permission }
  | { readonly kind: 'workflow' }

export type HttpMethod = 'get' | 'post' | 'put' | 'patch'

export interface ApiOperation {
  readonly id: OperationId
  readonly method: HttpMethod
  /** The path under /api/v1, OpenAPI style: `/cases/{reference}`. */
  readonly path: string
  readonly tag: 'Cases' | 'Letters' | 'Documents' | 'Exemptions' | 'Users' | 'Search' | 'Document'
  readonly summary: string
  readonly description: string
  readonly access: Access
  /** The query parameters it reads, by their key in QUERY_PARAMETERS. */
  readonly query?: readonly QueryParameter[]
  /**
   * The schema (a component name) of its JSON body, if it takes one. An `upload` takes files instead: a
   * multipart/form-data body (the schema describes its parts) or one file as the raw body, streamed as it arrives.
   */
  readonly body?: { readonly schema: string; readonly description: string; readonly upload?: boolean }
  /** Whether it changes a case, so needs If-Match or a version, and may meet a conflict. */
  readonly versioned: boolean
  /** Whether a change the workflow does not allow now is refused (409 with the reason). */
  readonly refusable?: boolean
  /** Whether a path parameter or `format` naming something there is none of (a letter kind) is a 400. */
  readonly badParameters?: boolean
  readonly success: {
    /** 202: accepted, to be done by a job (the Location header is the job). */
    readonly status: 200 | 201 | 202
    readonly description: string
    readonly schema: string
    readonly headers?: readonly ('ETag' | 'Location' | 'Content-Disposition')[]
    /** Media types it sends instead of the JSON when asked for them (a letter as a PDF). */
    readonly files?: readonly string[]
  }
}

const read = (permission: Permission): Access => ({ kind: 'permission', permission })

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    id: 'getOpenApiDocument',
    method: 'get',
    path: '/openapi.json',
    tag: 'Document',
    summary: 'This document',
    description: 'The OpenAPI 3.1 document of the API, built from the routes themselves. Needs no authentication.',
    access: { kind: 'public' },
    versioned: false,
    success: { status: 200, description: 'The OpenAPI document', schema: 'OpenApiDocument' },
  },
  {
    id: 'listCases',
    method: 'get',
    path: '/cases',
    tag: 'Cases',
    summary: 'List cases',
    description:
      'The organisation’s cases, most recently received first, each with its due date. Filters combine; lists of values are comma-separated.',
    access: read('read-cases'),
    query: ['state', 'kind', 'regime', 'officer', 'team', 'receivedFrom', 'receivedTo', 'q', 'limit', 'offset'],
    versioned: false,
    success: { status: 200, description: 'A page of cases', schema: 'CaseList' },
  },
  {
    id: 'logCase',
    method: 'post',
    path: '/cases',
    tag: 'Cases',
    summary: 'Log a new case',
    description:
      'Logs a request, internal review or complaint from the case JSON form. It starts as received; Disclose makes its reference unless one is given, and works out its deadline.',
    access: read('create-cases'),
    body: {
      schema: 'CaseDocument',
      description: 'The case in its JSON form: only receivedOn and requestText are needed',
    },
    versioned: false,
    success: { status: 201, description: 'The case, logged', schema: 'CaseView', headers: ['Location', 'ETag'] },
  },
  {
    id: 'importCase',
    method: 'post',
    path: '/cases/import',
    tag: 'Cases',
    summary: 'Import a case',
    description:
      'Imports a case exported from this or another installation, keeping its reference, state, parts and dates.',
    access: read('import-cases'),
    body: { schema: 'CaseDocument', description: 'The case as `GET /cases/{reference}/export` wrote it' },
    versioned: false,
    success: { status: 201, description: 'The case, imported', schema: 'CaseView', headers: ['Location', 'ETag'] },
  },
  {
    id: 'getCase',
    method: 'get',
    path: '/cases/{reference}',
    tag: 'Cases',
    summary: 'Read a case',
    description:
      'The case, its deadline with the explanation of how it was reached, and its version (also the ETag, for If-Match). The requester is included only for roles that may see who asked.',
    access: read('read-cases'),
    versioned: false,
    success: { status: 200, description: 'The case', schema: 'CaseView', headers: ['ETag'] },
  },
  {
    id: 'changeCaseDetails',
    method: 'patch',
    path: '/cases/{reference}',
    tag: 'Cases',
    summary: 'Change a case’s details',
    description:
      'Changes any of the case’s own details: date of receipt, channel, request text, officer, team, clock. Send only the fields to change.',
    access: read('edit-cases'),
    body: { schema: 'CaseDetailsChange', description: 'The fields to change' },
    versioned: true,
    success: { status: 200, description: 'The case, changed', schema: 'CaseView', headers: ['ETag'] },
  },
  {
    id: 'saveCaseParts',
    method: 'put',
    path: '/cases/{reference}/parts',
    tag: 'Cases',
    summary: 'Save the parts of a request',
    description: 'Replaces the parts: what was asked, and how each part is answered. Only while the case is open.',
    access: read('edit-cases'),
    body: { schema: 'PartsChange', description: 'Every part, in order' },
    versioned: true,
    refusable: true,
    success: { status: 200, description: 'The case, changed', schema: 'CaseView', headers: ['ETag'] },
  },
  {
    id: 'saveCaseLinks',
    method: 'put',
    path: '/cases/{reference}/links',
    tag: 'Cases',
    summary: 'Save the links to other cases',
    description: 'Replaces the links: the request a review is of, a complaint is about, an earlier release.',
    access: read('edit-cases'),
    body: { schema: 'LinksChange', description: 'Every link' },
    versioned: true,
    success: { status: 200, description: 'The case, changed', schema: 'CaseView', headers: ['ETag'] },
  },
  {
    id: 'changeCaseRegime',
    method: 'post',
    path: '/cases/{reference}/regime',
    tag: 'Cases',
    summary: 'Handle a case under another regime',
    description: 'Moves the case to another regime (FOIA to EIR, say), with the reason recorded in the audit trail.',
    access: read('change-regime'),
    body: { schema: 'RegimeChange', description: 'The regime and why' },
    versioned: true,
    success: { status: 200, description: 'The case, changed', schema: 'CaseView', headers: ['ETag'] },
  },
  {
    id: 'moveCase',
    method: 'post',
    path: '/cases/{reference}/transitions',
    tag: 'Cases',
    summary: 'Move a case on through its workflow',
    description:
      'Takes a workflow action (start-work, submit-for-approval, approve …). The workflow table says which roles may take each action from which states: a role that may not is 403; an action the case’s state or a guard does not allow is 409 with the reason.',
    access: { kind: 'workflow' },
    body: { schema: 'Transition', description: 'The action, and the day it happened if not today' },
    versioned: true,
    refusable: true,
    success: { status: 200, description: 'The case, moved on', schema: 'CaseView', headers: ['ETag'] },
  },
  {
    id: 'saveCaseDecisions',
    method: 'put',
    path: '/cases/{reference}/decisions',
    tag: 'Cases',
    summary: 'Save the decisions on exemptions',
    description:
      'Replaces the decisions: for each exemption the parts rely on, the route to it, why it applies, the level of prejudice, the public interest test, the qualified person (section 36), the cost estimate and advice (section 12) or the grounds (section 14). An exemption id the catalogue does not know is a validation problem that suggests the closest ids. Only while the case is open.',
    access: read('edit-cases'),
    body: { schema: 'DecisionsChange', description: 'Every decision, one for each exemption' },
    versioned: true,
    refusable: true,
    success: { status: 200, description: 'The case, changed', schema: 'CaseView', headers: ['ETag'] },
  },
  {
    id: 'checkCase',
    method: 'get',
    path: '/cases/{reference}/check',
    tag: 'Letters',
    summary: 'Check the refusal notice',
    description:
      'What the law requires of the response and is missing (FOIA s17, EIR reg 14, FOISA s16), part by part: each finding an error (it blocks approval) or a warning, with the rule, the parts and the exemption it concerns. An edited response letter is checked too.',
    access: read('read-cases'),
    versioned: false,
    success: { status: 200, description: 'The findings', schema: 'CheckReport' },
  },
  {
    id: 'getLetter',
    method: 'get',
    path: '/cases/{reference}/letters/{kind}',
    tag: 'Letters',
    summary: 'Read a letter',
    description:
      'The letter of this kind for the case: as it went out, once issued; else the officer’s edit; else composed now from the case. As JSON by default (the letter as data, and its body as editable text), or as a file with `format` or an Accept header. A kind that makes no sense for the case as it is (a response before work starts) is 409 with the reason; a letter that needs a fact not given (the fee of a fees notice) is 422 naming the parameter.',
    access: read('read-cases'),
    query: ['format', 'date', 'note', 'fee', 'reviewOutcome'],
    versioned: false,
    refusable: true,
    badParameters: true,
    success: {
      status: 200,
      description: 'The letter; a file, with Content-Disposition, when one is asked for',
      schema: 'LetterDraft',
      headers: ['Content-Disposition'],
      files: [
        'text/html',
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
    },
  },
  {
    id: 'editLetter',
    method: 'put',
    path: '/cases/{reference}/letters/{kind}',
    tag: 'Letters',
    summary: 'Edit a letter',
    description:
      'Keeps an officer’s edit of the letter’s body, written as text; `text: null` throws the edit away. The audit trail keeps the text before and after. Only http, https and mailto links are kept: any other is a validation problem. A letter that has gone out is 409.',
    access: read('edit-cases'),
    body: { schema: 'LetterEdit', description: 'The letter’s text, or null' },
    versioned: false,
    refusable: true,
    badParameters: true,
    success: { status: 200, description: 'The letter as it now stands', schema: 'LetterDraft' },
  },
  {
    id: 'listExemptions',
    method: 'get',
    path: '/exemptions',
    tag: 'Exemptions',
    summary: 'List the exemptions',
    description:
      'The catalogue of exemptions, exceptions and refusal grounds of FOIA, the EIR and FOISA, with the citation, the statutory words, absolute or qualified, the test, the neither-confirm-nor-deny provision, the routes and standard public interest factors. Wording marked `unverified` is to be checked against the statute.',
    access: read('read-cases'),
    query: ['exemptionRegime'],
    versioned: false,
    success: { status: 200, description: 'The exemptions', schema: 'ExemptionList' },
  },
  {
    id: 'listCaseEvents',
    method: 'get',
    path: '/cases/{reference}/events',
    tag: 'Cases',
    summary: 'A case’s history',
    description: 'Who did what and when, from the audit trail (oldest first), and the events of the case’s clock.',
    access: read('read-cases'),
    versioned: false,
    success: { status: 200, description: 'The history', schema: 'CaseEvents' },
  },
  {
    id: 'exportCase',
    method: 'get',
    path: '/cases/{reference}/export',
    tag: 'Cases',
    summary: 'Export a case',
    description: 'The case in its JSON form, with everything needed to import it on another installation.',
    access: read('export-cases'),
    versioned: false,
    success: { status: 200, description: 'The case JSON form', schema: 'CaseDocument' },
  },
  {
    id: 'listUsers',
    method: 'get',
    path: '/users',
    tag: 'Users',
    summary: 'List users',
    description: 'The organisation’s users and their roles.',
    access: read('read-cases'),
    versioned: false,
    success: { status: 200, description: 'The users', schema: 'UserList' },
  },
  {
    id: 'addUser',
    method: 'post',
    path: '/users',
    tag: 'Users',
    summary: 'Add a user',
    description: 'Adds a user to the organisation. Administrators only.',
    access: read('manage-users'),
    body: { schema: 'NewUser', description: 'The user' },
    versioned: false,
    success: { status: 201, description: 'The user, added', schema: 'User', headers: ['Location'] },
  },
  {
    id: 'getUser',
    method: 'get',
    path: '/users/{id}',
    tag: 'Users',
    summary: 'Read a user',
    description: 'One of the organisation’s users.',
    access: read('read-cases'),
    versioned: false,
    success: { status: 200, description: 'The user', schema: 'User' },
  },
  {
    id: 'searchCases',
    method: 'get',
    path: '/search',
    tag: 'Search',
    summary: 'Find cases',
    description: 'Cases whose reference is `q`, or whose request text contains it.',
    access: read('read-cases'),
    query: ['q', 'limit', 'offset'],
    versioned: false,
    success: { status: 200, description: 'The cases found', schema: 'SearchResults' },
  },
  {
    id: 'addCaseDocuments',
    method: 'post',
    path: '/cases/{reference}/documents',
    tag: 'Documents',
    summary: 'Add documents to a case',
    description:
      'Adds files to the case and queues a job to read them: their text (OCR for scans), what is hidden in them, exact duplicates, near-duplicates, email threads and the personal data in them. Send `multipart/form-data` with one or more `files` parts (a `custodian` field before them says whose they were), or one file as the raw body with its name in `name`. Each file is stored as it arrives. A file over the size limit is not kept: the job records it as a failure, with what to do. The answer is the job: poll its Location for progress.',
    access: read('edit-cases'),
    query: ['fileName', 'uploadCustodian'],
    body: {
      schema: 'DocumentUpload',
      description: 'The files: multipart/form-data, or one file as the raw body (any other media type)',
      upload: true,
    },
    versioned: false,
    success: { status: 202, description: 'The job that will read the files', schema: 'Job', headers: ['Location'] },
  },
  {
    id: 'getJob',
    method: 'get',
    path: '/jobs/{jobId}',
    tag: 'Documents',
    summary: 'Read a job',
    description:
      'A job’s progress: its state (queued, running, finished, failed), how many of its files are done of how many, and once it has finished, what it found (documents, pages, duplicates, near-duplicate groups, threads, personal data by type, and each file that could not be read with the reason).',
    access: read('read-cases'),
    versioned: false,
    success: { status: 200, description: 'The job', schema: 'Job' },
  },
  {
    id: 'listCaseDocuments',
    method: 'get',
    path: '/cases/{reference}/documents',
    tag: 'Documents',
    summary: 'List or search a case’s documents',
    description:
      'The case’s documents, in the order they were added; with `q`, those whose text matches, best first, each with the passage that matched best and where in it the words are. `q` takes words (all must match), "a phrase", OR between alternatives and -word to leave out; search syntax is never passed to the database as such.',
    access: read('read-cases'),
    query: [
      'documentText',
      'sender',
      'documentFrom',
      'documentTo',
      'scope',
      'custodian',
      'documentLimit',
      'documentOffset',
    ],
    versioned: false,
    success: { status: 200, description: 'A page of documents', schema: 'DocumentList' },
  },
  {
    id: 'getDocument',
    method: 'get',
    path: '/documents/{documentId}',
    tag: 'Documents',
    summary: 'Read a document',
    description:
      'A document: where it came from, its dates, email headers, anything hidden in it, notes, its pages (their words and where they are with `words=true`), the personal data found in it with the decisions taken, and what was attached to it or inside it. Its text with `text=true`. An exact duplicate shows the pages, text and findings of the document it duplicates.',
    access: read('read-cases'),
    query: ['words', 'text'],
    versioned: false,
    success: { status: 200, description: 'The document', schema: 'DocumentDetail' },
  },
  {
    id: 'listCaseFindings',
    method: 'get',
    path: '/cases/{reference}/findings',
    tag: 'Documents',
    summary: 'List the personal data found in a case',
    description: 'The findings in every document of the case, by document and place: the review queue.',
    access: read('read-cases'),
    query: ['findingStatus', 'findingType'],
    versioned: false,
    success: { status: 200, description: 'The findings', schema: 'FindingList' },
  },
  {
    id: 'decideFinding',
    method: 'post',
    path: '/findings/{findingId}/decision',
    tag: 'Documents',
    summary: 'Decide a finding',
    description:
      'Accepts a finding (it is personal data, to be redacted), rejects it (it is not, or it is to be released), or sets it back to pending. The decision reaches the same text in the document’s exact duplicates, near-duplicates and thread; with `reach: case`, every finding of that text in the case, now and in documents added later.',
    access: read('edit-cases'),
    body: { schema: 'FindingDecision', description: 'The decision, and how far it reaches' },
    versioned: false,
    success: { status: 200, description: 'How many findings were decided', schema: 'FindingDecisionResult' },
  },
  {
    id: 'setDocumentScope',
    method: 'post',
    path: '/cases/{reference}/documents/scope',
    tag: 'Documents',
    summary: 'Mark documents in or out of scope',
    description:
      'Marks documents of the case in scope of the request, out of scope, or undecided. Every id must be a document of the case: one that is not is 404, and nothing changes.',
    access: read('edit-cases'),
    body: { schema: 'ScopeChange', description: 'The documents and their scope' },
    versioned: false,
    success: { status: 200, description: 'How many documents changed', schema: 'ScopeChangeResult' },
  },
]

/** `/cases/{reference}` → `/cases/:reference`, the form Express matches. */
export const expressPath = (path: string): string => path.replace(/\{([A-Za-z]+)\}/g, ':$1')

/** The path parameters named in a path. */
export const pathParameters = (path: string): string[] => [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1] ?? '')
