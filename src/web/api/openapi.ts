import { z } from 'zod'
import { PERMISSION_ROLES, ROLES } from '../../domain/access/role.ts'
import { CASE_KINDS, CASE_STATES, CHANNELS } from '../../domain/case/case.ts'
import { CASE_ACTIONS, CASE_TRANSITIONS } from '../../domain/case/case-workflow.ts'
import { CHECK_RULES } from '../../domain/decisions/refusal-notice-check.ts'
import { EXEMPTION_REGIMES } from '../../domain/exemptions/exemption.ts'
import { LETTER_KINDS } from '../../domain/letters/letter-document.ts'
import { REGIMES } from '../../domain/deadlines/regime.ts'
import { caseDocumentJsonSchema } from '../../services/cases/case-document.ts'
import { DOCUMENT_SCOPES, FINDING_STATUSES } from '../../documents/document-records.ts'
import { PII_TYPES } from '../../documents/pii/finding.ts'
import { DOCUMENT_KINDS } from '../../documents/reading/document-reading.ts'
import { MAX_FILES_PER_REQUEST } from '../uploads.ts'
import { API_OPERATIONS, pathParameters, type ApiOperation } from './api-operations.ts'
import {
  decisionsChangeSchema,
  findingDecisionSchema,
  scopeChangeSchema,
  letterEditSchema,
  linksChangeSchema,
  newUserSchema,
  partsChangeSchema,
  QUERY_PARAMETERS,
  regimeChangeSchema,
  transitionSchema,
  versionField,
  type QueryParameterSpec,
} from './api-requests.ts'
import { API_BASE } from './api-resources.ts'
import { PROBLEM_BASE, PROBLEM_KINDS, PROBLEM_MEDIA_TYPE, type ProblemKind } from './problem.ts'

/**
 * The OpenAPI 3.1 document, built from the list of operations, the case JSON form's own schema and the API's
 * request schemas: nothing here is written twice.
 */

type JsonSchema = Record<string, unknown>

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` })
const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` })

/** Path parameters whose component has another key, because a query parameter has the name (`kind` of a case). */
const PATH_PARAMETER_COMPONENTS: Readonly<Record<string, string>> = { kind: 'letterKind' }
const pathParameterRef = (name: string) => parameterRef(PATH_PARAMETER_COMPONENTS[name] ?? name)

/** A zod schema as JSON Schema 2020-12, without the `$schema` keyword (the document's dialect covers it). */
const fromZod = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  })
  return rest
}

const caseDocumentSchema = (): JsonSchema => {
  const { $schema: _dialect, ...rest } = caseDocumentJsonSchema()
  return { ...rest, title: 'Case JSON form', description: 'A case in its JSON form (format disclose-case/1)' }
}

const propertiesOf = (schema: JsonSchema): Record<string, JsonSchema> =>
  (schema['properties'] ?? {}) as Record<string, JsonSchema>

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] })
const date = { type: 'string', format: 'date' }
const dateTime = { type: 'string', format: 'date-time' }
const text = { type: 'string' }
const stringList = { type: 'array', items: text }

const links: JsonSchema = {
  type: 'object',
  description: 'Where related resources live',
  additionalProperties: { type: 'object', properties: { href: text }, required: ['href'] },
}

const problemSchemas = (): Record<string, JsonSchema> => ({
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details',
    properties: {
      type: {
        type: 'string',
        format: 'uri',
        description: `A URI naming the kind of problem (${PROBLEM_BASE}…), or about:blank`,
        examples: [`${PROBLEM_BASE}validation`],
      },
      title: text,
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: text,
      instance: { type: 'string', format: 'uri-reference' },
    },
    required: ['type', 'title', 'status'],
  },
  ProblemError: {
    type: 'object',
    description:
      'One thing wrong: `field` is a JSON pointer into the body (the empty string is the whole body), `parameter` a query parameter, `header` a request header',
    properties: { field: text, parameter: text, header: text, message: text },
    required: ['message'],
    examples: [{ field: '/requestText', message: 'Enter the request text' }],
  },
  ValidationProblem: {
    allOf: [ref('Problem'), { type: 'object', properties: { errors: { type: 'array', items: ref('ProblemError') } } }],
    required: ['errors'],
  },
  ConflictProblem: {
    description: 'Someone saved the case after the version sent: what they changed, who, and when',
    allOf: [
      ref('Problem'),
      {
        type: 'object',
        properties: {
          currentVersion: { type: 'integer' },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              properties: { version: { type: 'integer' }, by: text, at: dateTime, action: text, fields: stringList },
              required: ['version', 'by', 'at', 'action', 'fields'],
            },
          },
        },
        required: ['currentVersion', 'changes'],
      },
    ],
  },
  RefusedProblem: {
    description: 'The case’s state or a workflow guard does not allow it now; `code` says which',
    allOf: [ref('Problem'), { type: 'object', properties: { code: text }, required: ['code'] }],
  },
})

const caseSchemas = (document: JsonSchema): Record<string, JsonSchema> => {
  const fields = propertiesOf(document)
  const field = (name: string): JsonSchema => fields[name] ?? {}
  const detailNames = ['receivedOn', 'channel', 'requestText', 'team', 'clock'] as const
  return {
    CaseDocument: document,
    CaseDetailsChange: {
      type: 'object',
      description: 'Any of the case’s own details; fields left out are unchanged',
      properties: {
        ...Object.fromEntries(detailNames.map((name) => [name, field(name)])),
        assignedOfficerId: nullable({ type: 'string', format: 'uuid' }),
        version: fromZod(versionField),
      },
      additionalProperties: false,
      minProperties: 1,
    },
    PartsChange: {
      ...fromZod(partsChangeSchema),
      properties: { parts: field('parts'), version: fromZod(versionField) },
    },
    LinksChange: {
      ...fromZod(linksChangeSchema),
      properties: { links: field('links'), version: fromZod(versionField) },
    },
    DecisionsChange: {
      ...fromZod(decisionsChangeSchema),
      properties: { decisions: field('exemptionDecisions'), version: fromZod(versionField) },
    },
    RegimeChange: fromZod(regimeChangeSchema),
    Transition: {
      ...fromZod(transitionSchema),
      description: `The workflow: ${CASE_TRANSITIONS.map(
        (transition) =>
          `${transition.action} (${transition.from.join(', ')} → ${transition.to}; ${transition.roles.join(', ')})`,
      ).join('; ')}`,
    },
    Case: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        reference: text,
        kind: { enum: [...CASE_KINDS] },
        regime: { enum: [...REGIMES] },
        state: { enum: [...CASE_STATES] },
        receivedOn: date,
        channel: { enum: [...CHANNELS] },
        requestText: text,
        requesterId: nullable({ type: 'string', format: 'uuid' }),
        assignedOfficerId: nullable({ type: 'string', format: 'uuid' }),
        team: nullable(text),
        clock: field('clock'),
        parts: {
          type: 'array',
          items: {
            type: 'object',
            properties: { ...propertiesOf(field('parts')['items'] as JsonSchema), position: { type: 'integer' } },
          },
        },
        links: field('links'),
        exemptionDecisions: {
          ...field('exemptionDecisions'),
          description: 'What was decided about each exemption the parts rely on: one decision an exemption',
        },
        respondedOn: nullable(date),
        closedOn: nullable(date),
        version: { type: 'integer', minimum: 1 },
        createdAt: dateTime,
        updatedAt: dateTime,
      },
      required: ['id', 'reference', 'kind', 'regime', 'state', 'receivedOn', 'version'],
    },
    Requester: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: text,
        email: nullable(text),
        postalAddress: nullable(text),
        type: text,
        erasedAt: nullable(dateTime),
      },
    },
    Deadline: {
      type: 'object',
      description: 'Worked out now from the case’s clock; never stored',
      properties: {
        regime: { enum: [...REGIMES] },
        clock: text,
        received: date,
        countedFrom: date,
        limit: { type: 'string', examples: ['20 working days'] },
        due: nullable(date),
        status: { enum: ['running', 'awaiting-clarification', 'awaiting-fee'] },
        refusalNoticeDue: date,
        feeDueBy: date,
        skipped: { type: 'array', items: { type: 'object' } },
        weekendDays: { type: 'integer' },
        explanation: { ...stringList, description: 'How the date was reached, step by step' },
        warnings: stringList,
      },
      required: ['regime', 'received', 'due', 'explanation'],
    },
    CaseView: {
      type: 'object',
      properties: {
        reference: text,
        version: { type: 'integer', minimum: 1 },
        case: ref('Case'),
        requester: {
          ...nullable(ref('Requester')),
          description: `Present only for roles that may see who asked (${PERMISSION_ROLES['see-requester'].join(', ')})`,
        },
        deadline: nullable(ref('Deadline')),
        clockProblems: {
          type: 'array',
          items: { type: 'object', properties: { field: text, message: text } },
        },
        availableActions: { type: 'array', items: { enum: [...CASE_ACTIONS] } },
        _links: links,
      },
      required: ['reference', 'version', 'case', 'deadline', '_links'],
    },
    CaseSummary: {
      type: 'object',
      properties: {
        reference: text,
        kind: { enum: [...CASE_KINDS] },
        regime: { enum: [...REGIMES] },
        state: { enum: [...CASE_STATES] },
        receivedOn: date,
        channel: { enum: [...CHANNELS] },
        dueOn: { ...nullable(date), description: 'The response (or review) is due by the end of this day' },
        assignedOfficerId: nullable(text),
        team: nullable(text),
        respondedOn: nullable(date),
        closedOn: nullable(date),
        requestTextPreview: { type: 'string', description: 'The first 300 characters of the request text' },
        version: { type: 'integer' },
        updatedAt: dateTime,
        _links: links,
      },
      required: ['reference', 'state', 'regime', 'receivedOn', 'dueOn', '_links'],
    },
    CaseList: {
      type: 'object',
      properties: {
        items: { type: 'array', items: ref('CaseSummary') },
        limit: { type: 'integer' },
        offset: { type: 'integer' },
        _links: links,
      },
      required: ['items', 'limit', 'offset', '_links'],
    },
    SearchResults: {
      type: 'object',
      properties: { q: text, items: { type: 'array', items: ref('CaseSummary') }, _links: links },
      required: ['q', 'items'],
    },
    CaseEvents: {
      type: 'object',
      properties: {
        reference: text,
        events: {
          type: 'array',
          items: {
            type: 'object',
            properties: { seq: { type: 'integer' }, at: dateTime, by: text, action: text, name: text },
            required: ['seq', 'at', 'by', 'action', 'name'],
          },
        },
        clockEvents: propertiesOf(field('clock'))['events'] ?? { type: 'array' },
        _links: links,
      },
      required: ['reference', 'events', 'clockEvents'],
    },
    User: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        email: { type: 'string', format: 'email' },
        displayName: text,
        roles: { type: 'array', items: { enum: [...ROLES] } },
        team: nullable(text),
        disabled: { type: 'boolean' },
        canSignIn: { type: 'boolean' },
        _links: links,
      },
      required: ['id', 'email', 'displayName', 'roles'],
    },
    UserList: {
      type: 'object',
      properties: { items: { type: 'array', items: ref('User') } },
      required: ['items'],
    },
    NewUser: {
      ...fromZod(newUserSchema),
      properties: {
        ...propertiesOf(fromZod(newUserSchema)),
        roles: { type: 'array', items: { enum: [...ROLES] }, minItems: 1 },
      },
    },
    ...letterSchemas(),
    ...exemptionSchemas(),
    ...documentSchemas(),
    OpenApiDocument: { type: 'object', description: 'An OpenAPI 3.1 document' },
  }
}

const inlines: JsonSchema = {
  type: 'array',
  description: 'Runs of text: plain, strong, or a link (http, https or mailto only)',
  items: {
    type: 'object',
    properties: { kind: { enum: ['text', 'strong', 'link'] }, text, url: text },
    required: ['kind', 'text'],
  },
}

const letterSchemas = (): Record<string, JsonSchema> => ({
  Letter: {
    type: 'object',
    description: 'A letter as data: what the HTML, PDF and DOCX are made from',
    properties: {
      kind: { enum: [...LETTER_KINDS] },
      title: text,
      language: { const: 'en-GB' },
      sender: {
        type: 'object',
        properties: {
          name: text,
          teamName: text,
          addressLines: stringList,
          telephone: nullable(text),
          website: nullable(text),
        },
      },
      recipient: {
        ...nullable({ type: 'object', properties: { name: text, addressLines: stringList } }),
        description: 'Null when no requester is recorded, or for a role that works applicant-blind',
      },
      date: { type: 'string', description: 'As printed: “29 October 2024”' },
      referenceLine: text,
      blocks: { type: 'array', items: ref('LetterBlock') },
      signOff: stringList,
    },
    required: ['kind', 'title', 'language', 'sender', 'recipient', 'date', 'referenceLine', 'blocks', 'signOff'],
  },
  LetterBlock: {
    description: 'A heading (level 2 a section, level 3 an exemption within it), a paragraph, a list or a quote',
    oneOf: [
      {
        type: 'object',
        properties: { kind: { const: 'heading' }, level: { enum: [2, 3] }, text },
        required: ['kind', 'level', 'text'],
      },
      { type: 'object', properties: { kind: { const: 'paragraph' }, content: inlines }, required: ['kind', 'content'] },
      {
        type: 'object',
        properties: { kind: { const: 'list' }, items: { type: 'array', items: inlines } },
        required: ['kind', 'items'],
      },
      {
        type: 'object',
        properties: { kind: { const: 'quote' }, paragraphs: { type: 'array', items: inlines } },
        required: ['kind', 'paragraphs'],
      },
    ],
  },
  LetterDraft: {
    type: 'object',
    properties: {
      kind: { enum: [...LETTER_KINDS] },
      edited: {
        type: 'boolean',
        description: 'Whether the body is an officer’s edit rather than the text Disclose wrote',
      },
      issued: { type: 'boolean', description: 'Whether this is the letter as it went out: it no longer changes' },
      markup: {
        type: 'string',
        description:
          'The body as text to edit and send back: ## a heading, ### a subheading, - a list item, > a quote, **strong**, [words](https://…)',
      },
      letter: ref('Letter'),
      _links: links,
    },
    required: ['kind', 'edited', 'issued', 'markup', 'letter'],
  },
  LetterEdit: fromZod(letterEditSchema),
  CheckFinding: {
    type: 'object',
    properties: {
      severity: { enum: ['error', 'warning'], description: 'An error blocks approval; a warning does not' },
      rule: { enum: [...CHECK_RULES] },
      parts: {
        type: 'array',
        items: { type: 'integer', minimum: 1 },
        description: 'The parts it concerns, by position; empty when it concerns the whole response',
      },
      exemptionId: nullable(text),
      message: { type: 'string', description: 'What is missing, and what to do' },
    },
    required: ['severity', 'rule', 'parts', 'exemptionId', 'message'],
  },
  CheckReport: {
    type: 'object',
    properties: {
      passes: { type: 'boolean', description: 'No errors: the response may be approved' },
      errors: { type: 'integer', minimum: 0 },
      warnings: { type: 'integer', minimum: 0 },
      findings: { type: 'array', items: ref('CheckFinding') },
      _links: links,
    },
    required: ['passes', 'errors', 'warnings', 'findings'],
  },
})

const status = { enum: ['absolute', 'qualified'] }

const integer = { type: 'integer', minimum: 0 }
const mailAddress = { type: 'object', properties: { name: text, address: text } }
const box = {
  type: 'object',
  description: 'A rectangle on the page in PDF points, from the top left of the page as shown',
  properties: { x: { type: 'number' }, y: { type: 'number' }, width: { type: 'number' }, height: { type: 'number' } },
  required: ['x', 'y', 'width', 'height'],
}
const readProblem = {
  type: 'object',
  description: 'Why a file could not be read, and what to do: never any of its content',
  properties: {
    code: { type: 'string', examples: ['empty', 'encrypted', 'too-large', 'corrupt', 'archive-bomb'] },
    message: text,
  },
  required: ['code', 'message'],
}

const documentSchemas = (): Record<string, JsonSchema> => ({
  DocumentUpload: {
    type: 'object',
    description: `The parts of a multipart/form-data upload. Parts are read in order: a \`custodian\` field applies to the files after it. At most ${MAX_FILES_PER_REQUEST} files a request.`,
    properties: {
      custodian: { type: 'string', maxLength: 200, description: 'Whose documents these are' },
      files: {
        type: 'array',
        items: { type: 'string', contentMediaType: 'application/octet-stream' },
        description: 'One part for each file, with its name in the part’s filename',
      },
    },
    required: ['files'],
  },
  IngestSummary: {
    type: 'object',
    description: 'What a job found, so far while it runs and in full once it has finished',
    properties: {
      documents: { ...integer, description: 'Documents read, attachments and archive entries included' },
      pages: integer,
      exactDuplicates: integer,
      nearDuplicateGroups: integer,
      threads: integer,
      findingsByType: {
        type: 'object',
        description: 'Personal data found, by kind',
        propertyNames: { enum: [...PII_TYPES] },
        additionalProperties: integer,
      },
      hiddenContent: { ...integer, description: 'Hidden sheets, rows, columns and cells in spreadsheets' },
      failures: {
        type: 'array',
        description: 'Each file that could not be read, and why',
        items: {
          type: 'object',
          properties: { name: text, code: text, message: text },
          required: ['name', 'code', 'message'],
        },
      },
    },
    required: ['documents', 'pages', 'exactDuplicates', 'nearDuplicateGroups', 'threads', 'findingsByType', 'failures'],
  },
  Job: {
    type: 'object',
    description: 'Work done in the background: reading the files added to a case',
    properties: {
      id: text,
      kind: { enum: ['ingest'] },
      state: { enum: ['queued', 'running', 'finished', 'failed'] },
      done: { ...integer, description: 'Files finished' },
      total: { ...integer, description: 'Files in the job' },
      summary: nullable(ref('IngestSummary')),
      error: { ...nullable(text), description: 'Why a failed job stopped' },
      createdBy: text,
      createdAt: dateTime,
      startedAt: nullable(dateTime),
      finishedAt: nullable(dateTime),
      _links: links,
    },
    required: ['id', 'kind', 'state', 'done', 'total', 'summary', 'createdAt'],
  },
  Document: {
    type: 'object',
    description:
      'A document of a case: a file added to it, or one found inside another (an attachment, an archive entry)',
    properties: {
      id: text,
      caseId: text,
      parentId: { ...nullable(text), description: 'The email or archive it came out of' },
      jobId: nullable(text),
      jobItem: nullable(integer),
      name: { type: 'string', description: 'The file’s name as given, cleaned of paths and control characters' },
      sha256: nullable(text),
      size: nullable(integer),
      mediaType: { ...nullable(text), description: 'What the bytes are, whatever the name says' },
      kind: nullable({ enum: [...DOCUMENT_KINDS] }),
      status: { enum: ['read', 'failed'] },
      problem: nullable(readProblem),
      source: { type: 'string', examples: ['Upload', 'Attached to reply.eml'] },
      custodian: nullable(text),
      title: nullable(text),
      author: nullable(text),
      authoredAt: nullable(text),
      modifiedAt: nullable(text),
      documentDate: {
        ...nullable(text),
        description: 'An email’s sent date, else the file’s modified or created date',
      },
      emailFrom: nullable(text),
      emailTo: stringList,
      emailSubject: nullable(text),
      messageId: nullable(text),
      pageCount: integer,
      textLength: integer,
      hidden: {
        type: 'array',
        description: 'What a reader of a spreadsheet’s values could not see: review it before anything is released',
        items: {
          type: 'object',
          properties: { kind: { enum: ['sheet', 'row', 'column', 'cell'] }, sheet: text, where: text, how: text },
          required: ['kind', 'sheet', 'where', 'how'],
        },
      },
      notes: { ...stringList, description: 'What the reviewer should know: a misleading extension, say' },
      email: nullable({
        type: 'object',
        properties: {
          messageId: text,
          inReplyTo: text,
          references: stringList,
          subject: text,
          from: mailAddress,
          to: { type: 'array', items: mailAddress },
          cc: { type: 'array', items: mailAddress },
          sentAt: dateTime,
        },
      }),
      duplicateOf: { ...nullable(text), description: 'The document with the same bytes, reviewed there' },
      nearDuplicateOf: { ...nullable(text), description: 'The representative of its near-duplicate group' },
      similarity: { ...nullable({ type: 'number', minimum: 0, maximum: 1 }), description: 'Its similarity to it' },
      threadId: nullable(text),
      threadRole: {
        ...nullable({ enum: ['most-inclusive', 'covered', 'also-review'] }),
        description: 'most-inclusive: review the thread here; covered: its text is quoted in a later message',
      },
      scope: { enum: [...DOCUMENT_SCOPES] },
      createdAt: dateTime,
      _links: links,
    },
    required: ['id', 'caseId', 'name', 'status', 'source', 'scope', 'createdAt', '_links'],
  },
  DocumentHit: {
    type: 'object',
    properties: {
      document: ref('Document'),
      snippet: { ...nullable(text), description: 'The passage that matched best (with q only)' },
      highlights: {
        type: 'array',
        description: 'Where the matches are in the snippet (UTF-16 offsets, end exclusive)',
        items: {
          type: 'object',
          properties: { start: integer, end: integer },
          required: ['start', 'end'],
        },
      },
      page: { ...nullable(integer), description: 'The page of the passage, for paged documents' },
    },
    required: ['document', 'snippet', 'highlights', 'page'],
  },
  DocumentList: {
    type: 'object',
    properties: {
      items: { type: 'array', items: ref('DocumentHit') },
      limit: integer,
      offset: integer,
      _links: links,
    },
    required: ['items', 'limit', 'offset', '_links'],
  },
  Finding: {
    type: 'object',
    description: 'Personal data found in a document, and the decision on it',
    properties: {
      id: text,
      caseId: text,
      documentId: text,
      type: { enum: [...PII_TYPES] },
      start: { ...integer, description: 'Where it starts in the document’s text (UTF-16 offset)' },
      end: integer,
      text: { type: 'string', description: 'What was found: personal data' },
      textKey: { type: 'string', description: 'The text folded, to match the same thing elsewhere' },
      page: nullable(integer),
      boxes: { ...nullable({ type: 'array', items: box }), description: 'Where it is on its page' },
      score: { type: 'number', minimum: 0, maximum: 1 },
      reason: { type: 'string', description: 'Why it was found (never the text itself)' },
      status: { enum: [...FINDING_STATUSES] },
      decidedHow: {
        ...nullable({ enum: ['reviewer', 'duplicate', 'case'] }),
        description:
          'reviewer: decided on this finding; duplicate: the same text decided in a duplicate, near-duplicate or the thread; case: the case’s rule for this text',
      },
      decidedBy: nullable(text),
      decidedAt: nullable(dateTime),
      _links: links,
    },
    required: ['id', 'documentId', 'type', 'start', 'end', 'text', 'status', '_links'],
  },
  FindingList: {
    type: 'object',
    properties: { items: { type: 'array', items: ref('Finding') } },
    required: ['items'],
  },
  DocumentDetail: {
    type: 'object',
    properties: {
      document: ref('Document'),
      pages: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            number: { type: 'integer', minimum: 1 },
            width: { type: 'number' },
            height: { type: 'number' },
            rotation: { enum: [0, 90, 180, 270] },
            ocr: { type: 'boolean', description: 'Whether the text was read from an image' },
            textOffset: integer,
            textLength: integer,
            words: {
              type: 'array',
              description: 'With words=true only',
              items: {
                type: 'object',
                properties: { text, start: integer, end: integer, box, confidence: { type: 'number' } },
                required: ['text', 'start', 'end', 'box'],
              },
            },
          },
          required: ['number', 'width', 'height', 'textOffset', 'textLength'],
        },
      },
      findings: { type: 'array', items: ref('Finding') },
      children: { type: 'array', items: ref('Document'), description: 'Attachments and archive entries' },
      text: { type: 'string', description: 'With text=true only' },
      _links: links,
    },
    required: ['document', 'pages', 'findings', 'children', '_links'],
  },
  FindingDecision: fromZod(findingDecisionSchema),
  FindingDecisionResult: {
    type: 'object',
    properties: { decided: { type: 'integer', minimum: 1, description: 'Findings decided, this one included' } },
    required: ['decided'],
  },
  ScopeChange: fromZod(scopeChangeSchema),
  ScopeChangeResult: {
    type: 'object',
    properties: { changed: integer },
    required: ['changed'],
  },
})

const exemptionSchemas = (): Record<string, JsonSchema> => ({
  Exemption: {
    type: 'object',
    properties: {
      id: { type: 'string', examples: ['foia-s31-1-g'] },
      regime: { enum: [...EXEMPTION_REGIMES] },
      kind: { enum: ['exemption', 'cost-limit', 'vexatious', 'repeated'] },
      citation: { type: 'string', examples: ['section 31(1)(g)'] },
      shortCitation: { type: 'string', examples: ['s31(1)(g)'] },
      heading: text,
      statutoryWords: text,
      status,
      statusExceptions: { type: 'string', description: 'Where the status differs in some cases' },
      test: { enum: ['class', 'prejudice', 'required-for', 'none'] },
      neitherConfirmNorDeny: nullable({
        type: 'object',
        properties: { citation: text, status },
        required: ['citation'],
      }),
      route: {
        type: 'object',
        properties: {
          connective: text,
          prompt: text,
          options: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                code: text,
                citation: text,
                words: text,
                supersededBy: { type: 'object', properties: { code: text, by: text } },
                makesAbsolute: { type: 'boolean' },
              },
              required: ['code', 'citation', 'words'],
            },
          },
          freeText: { type: 'boolean' },
          required: { type: 'boolean' },
        },
      },
      publicInterestFactors: {
        type: 'object',
        properties: { forDisclosure: stringList, forWithholding: stringList },
      },
      source: text,
      unverified: { type: 'string', description: 'Set when the wording is to be checked against the statute' },
      supersededBy: { type: 'string', description: 'Not for new decisions: the id that replaces it' },
    },
    required: ['id', 'regime', 'kind', 'citation', 'heading', 'statutoryWords', 'status', 'test', 'source'],
  },
  ExemptionList: {
    type: 'object',
    properties: {
      regime: { ...nullable({ enum: [...EXEMPTION_REGIMES] }), description: 'The law asked for, or null for all' },
      items: { type: 'array', items: ref('Exemption') },
    },
    required: ['regime', 'items'],
  },
})

const problemContent = (schema: string) => ({ [PROBLEM_MEDIA_TYPE]: { schema: ref(schema) } })

const problemResponse = (kind: ProblemKind, description: string, schema = 'Problem', extra: JsonSchema = {}) => ({
  description: `${PROBLEM_KINDS[kind].status}: ${description}`,
  content: problemContent(schema),
  ...extra,
})

const responses = () => ({
  MalformedBody: problemResponse('malformed-body', 'the body is not valid JSON', 'ValidationProblem'),
  BadParameter: problemResponse(
    'bad-parameter',
    'the address names a letter kind or a format there is none of (the problem lists those there are)',
    'ValidationProblem',
  ),
  MalformedBodyOrBadParameter: {
    description:
      '400: the body is not valid JSON, or the address names a letter kind there is none of (the problem lists those there are)',
    content: problemContent('ValidationProblem'),
  },
  Refused: problemResponse(
    'refused',
    'the case cannot do that now: a letter that makes no sense for the case as it is, or one that has gone out',
    'RefusedProblem',
  ),
  Unauthenticated: problemResponse(
    'unauthenticated',
    'no API token or session, or one that is unknown or revoked',
    'Problem',
    {
      headers: { 'WWW-Authenticate': { schema: { type: 'string', examples: ['Bearer realm="Disclose"'] } } },
    },
  ),
  Forbidden: problemResponse(
    'forbidden',
    'the role cannot do this, or a session-cookie request that changes something did not carry X-CSRF-Token',
  ),
  NotFound: problemResponse('not-found', 'there is no such case, user, document, finding or job in your organisation'),
  MalformedUpload: problemResponse(
    'malformed-upload',
    'the multipart body could not be read (no boundary, or it stops before its end)',
  ),
  TooManyFiles: problemResponse('body-too-large', `more than ${MAX_FILES_PER_REQUEST} files in one request`),
  Conflict: {
    description:
      '409: someone changed the case after the version sent (ConflictProblem), or the case cannot do that now (RefusedProblem)',
    content: {
      [PROBLEM_MEDIA_TYPE]: { schema: { oneOf: [ref('ConflictProblem'), ref('RefusedProblem')] } },
    },
  },
  BodyTooLarge: problemResponse('body-too-large', 'the body is over the limit (2 MB)'),
  UnsupportedMediaType: problemResponse('unsupported-media-type', 'the body is not application/json'),
  Invalid: problemResponse('validation', 'what was sent has problems, each named', 'ValidationProblem'),
  PreconditionRequired: problemResponse('precondition-required', 'send If-Match or a version field'),
  ServerError: problemResponse('server-error', 'something went wrong in Disclose'),
})

/** A query parameter's schema: one value of a set, a comma-separated list of them, a date, a number or text. */
const querySchema = (spec: QueryParameterSpec): JsonSchema => {
  if (spec.values !== undefined) {
    return spec.one === true
      ? { enum: [...spec.values] }
      : { type: 'string', examples: [spec.values[0]], description: `Of: ${spec.values.join(', ')}` }
  }
  if (spec.format !== undefined) return { type: 'string', format: spec.format }
  if (spec.type !== undefined) {
    return { type: spec.type, ...(spec.minimum === undefined ? {} : { minimum: spec.minimum }) }
  }
  return { type: 'string' }
}

const parameters = () => ({
  reference: {
    name: 'reference',
    in: 'path',
    required: true,
    description: 'The case reference, like IC-335210-T7S5',
    schema: { type: 'string', maxLength: 40 },
  },
  id: { name: 'id', in: 'path', required: true, description: 'The user’s id', schema: { type: 'string' } },
  jobId: { name: 'jobId', in: 'path', required: true, description: 'The job’s id', schema: { type: 'string' } },
  documentId: {
    name: 'documentId',
    in: 'path',
    required: true,
    description: 'The document’s id',
    schema: { type: 'string' },
  },
  findingId: {
    name: 'findingId',
    in: 'path',
    required: true,
    description: 'The finding’s id',
    schema: { type: 'string' },
  },
  letterKind: {
    name: 'kind',
    in: 'path',
    required: true,
    description: 'The kind of letter',
    schema: { enum: [...LETTER_KINDS] },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'The ETag of the case being changed, from GET: its version in double quotes. Send this or a version field; with neither the answer is 428.',
    schema: { type: 'string', examples: ['"3"'] },
  },
  CsrfToken: {
    name: 'X-CSRF-Token',
    in: 'header',
    required: false,
    description:
      'Needed when signed in with the session cookie: the session’s CSRF token. Not needed with an API token.',
    schema: { type: 'string' },
  },
  ...Object.fromEntries(
    Object.entries(QUERY_PARAMETERS).map(([key, spec]: [string, QueryParameterSpec]) => [
      key,
      {
        name: spec.name ?? key,
        in: 'query',
        required: false,
        description: spec.description,
        schema: querySchema(spec),
      },
    ]),
  ),
})

const rolesOf = (operation: ApiOperation): readonly string[] | null => {
  switch (operation.access.kind) {
    case 'public':
      return null
    case 'permission':
      return PERMISSION_ROLES[operation.access.permission]
    case 'workflow':
      return [...new Set(CASE_TRANSITIONS.flatMap((transition) => transition.roles))]
  }
}

const headerSchemas = {
  ETag: { description: 'The case’s version in double quotes: send it back as If-Match', schema: { type: 'string' } },
  Location: { description: 'Where the new resource lives', schema: { type: 'string', format: 'uri-reference' } },
  'Content-Disposition': {
    description: 'With a file only: `attachment; filename="IC-335210-T7S5-response.pdf"`',
    schema: { type: 'string' },
  },
}

const operationObject = (operation: ApiOperation) => {
  const changes = operation.method !== 'get'
  const roles = rolesOf(operation)
  const operationResponses: Record<string, unknown> = {
    [String(operation.success.status)]: {
      description: operation.success.description,
      content: {
        'application/json': { schema: ref(operation.success.schema) },
        ...Object.fromEntries(
          (operation.success.files ?? []).map((mediaType) => [
            mediaType,
            { schema: { type: 'string', contentMediaType: mediaType } },
          ]),
        ),
      },
      ...(operation.success.headers === undefined
        ? {}
        : { headers: Object.fromEntries(operation.success.headers.map((name) => [name, headerSchemas[name]])) }),
    },
  }
  if (operation.body?.upload === true) {
    operationResponses['400'] = responseRef('MalformedUpload')
    operationResponses['413'] = responseRef('TooManyFiles')
  } else if (operation.body !== undefined) {
    operationResponses['400'] = responseRef(
      operation.badParameters === true ? 'MalformedBodyOrBadParameter' : 'MalformedBody',
    )
    operationResponses['413'] = responseRef('BodyTooLarge')
    operationResponses['415'] = responseRef('UnsupportedMediaType')
  } else if (operation.badParameters === true) {
    operationResponses['400'] = responseRef('BadParameter')
  }
  if (roles !== null) {
    operationResponses['401'] = responseRef('Unauthenticated')
    operationResponses['403'] = responseRef('Forbidden')
  }
  if (pathParameters(operation.path).length > 0) operationResponses['404'] = responseRef('NotFound')
  if (operation.versioned) operationResponses['409'] = responseRef('Conflict')
  else if (operation.refusable === true) operationResponses['409'] = responseRef('Refused')
  if (operation.body !== undefined || operation.query !== undefined || operation.versioned) {
    operationResponses['422'] = responseRef('Invalid')
  }
  if (operation.versioned) operationResponses['428'] = responseRef('PreconditionRequired')
  operationResponses['500'] = responseRef('ServerError')

  const parametersUsed = [
    ...pathParameters(operation.path).map(pathParameterRef),
    ...(operation.query ?? []).map(parameterRef),
    ...(operation.versioned ? [parameterRef('IfMatch')] : []),
    ...(changes && roles !== null ? [parameterRef('CsrfToken')] : []),
  ]
  return {
    operationId: operation.id,
    tags: [operation.tag],
    summary: operation.summary,
    description:
      roles === null
        ? operation.description
        : `${operation.description}\n\nRoles: ${roles.join(', ')}${
            operation.access.kind === 'workflow' ? ' (each action as the workflow table says)' : ''
          }.`,
    ...(roles === null ? { security: [] } : {}),
    ...(roles === null ? {} : { 'x-disclose-roles': roles }),
    ...(parametersUsed.length > 0 ? { parameters: parametersUsed } : {}),
    ...(operation.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            description: operation.body.description,
            content:
              operation.body.upload === true
                ? {
                    'multipart/form-data': {
                      schema: ref(operation.body.schema),
                      encoding: { files: { contentType: 'application/octet-stream' } },
                    },
                    'application/octet-stream': {
                      schema: { type: 'string', contentMediaType: 'application/octet-stream' },
                    },
                  }
                : { 'application/json': { schema: ref(operation.body.schema) } },
          },
        }),
    responses: operationResponses,
  }
}

export type OpenApiDocument = {
  readonly openapi: '3.1.0'
  readonly info: Record<string, unknown>
  readonly paths: Record<string, Record<string, ReturnType<typeof operationObject>>>
  readonly components: {
    readonly schemas: Record<string, JsonSchema>
    readonly responses: Record<string, unknown>
    readonly parameters: Record<string, unknown>
    readonly securitySchemes: Record<string, unknown>
  }
} & Record<string, unknown>

/** The whole document. `operations` defaults to the API's own list; tests pass others. */
export const buildOpenApiDocument = (operations: readonly ApiOperation[] = API_OPERATIONS): OpenApiDocument => {
  const paths: Record<string, Record<string, ReturnType<typeof operationObject>>> = {}
  for (const operation of operations) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: operationObject(operation) }
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'Disclose API',
      version: '1.0.0',
      summary: 'Case management for UK information-access requests: FOIA, EIR, FOISA and subject access',
      description: [
        'Every operation works within the caller’s organisation and never crosses into another.',
        'Authenticate with an API token (`Authorization: Bearer dsc_…`) or, from a browser, the session cookie; a session-cookie request that changes something must carry `X-CSRF-Token`.',
        'Errors are RFC 9457 problem details (`application/problem+json`); a validation problem names each bad field as a JSON pointer.',
        'Changing a case needs the version read (`If-Match: "3"`, the ETag, or a `version` field): a change saved by someone else in between is 409 with what they changed, and nothing is overwritten.',
      ].join('\n\n'),
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: API_BASE }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [
      {
        name: 'Cases',
        description: 'Requests, reviews and complaints: their parts, decisions, links, workflow and history',
      },
      {
        name: 'Letters',
        description: 'The letters of a case as JSON, HTML, PDF or DOCX; officers’ edits; the refusal-notice check',
      },
      {
        name: 'Documents',
        description:
          'The documents gathered for a case: adding and reading them (a job), searching them, and reviewing the personal data found in them',
      },
      { name: 'Exemptions', description: 'The exemptions, exceptions and refusal grounds a decision cites' },
      { name: 'Users', description: 'The organisation’s users and roles' },
      { name: 'Search', description: 'Finding cases' },
      { name: 'Document', description: 'This description of the API' },
    ],
    paths,
    components: {
      schemas: { ...problemSchemas(), ...caseSchemas(caseDocumentSchema()) },
      responses: responses(),
      parameters: parameters(),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'dsc_…',
          description: 'An API token made for a user: it acts with that user’s roles',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'disclose-session',
          description:
            'The session cookie of a signed-in browser (__Host-disclose-session in production). Requests that change something must also send X-CSRF-Token.',
        },
      },
    },
  }
}
