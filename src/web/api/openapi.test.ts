import { Readable } from 'node:stream'
import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../../test/app.ts'
import { commandLineActor } from '../../services/actor.ts'
import { caseDocumentJsonSchema } from '../../services/cases/case-document.ts'
import { apiRoutes } from './api.routes.ts'
import { addOrganisation, addTokenHolder, bearer, logCase, type TokenHolder } from './api.test-support.ts'
import { buildOpenApiDocument } from './openapi.ts'

const testApp = useTestApp()
const document = buildOpenApiDocument()

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/** Every `METHOD /path` the document describes, paths in Express form. */
const documented = (): string[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => (METHODS as readonly string[]).includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  )

interface RouteLayer {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> }
}

/** Every `METHOD /path` the router itself serves, read from its stack rather than from the operation list. */
const served = (): string[] => {
  const router = apiRoutes(testApp().deps) as unknown as { stack: RouteLayer[] }
  return router.stack.flatMap((layer) =>
    layer.route === undefined
      ? []
      : Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route?.path.replace(/:([A-Za-z]+)/g, '{$1}') ?? ''}`),
  )
}

/** Follows a local `$ref` (`#/components/schemas/Case`) through the document. */
const resolve = (reference: string): unknown =>
  reference
    .replace(/^#\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, segment) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined,
      document,
    )

const refsIn = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(refsIn)
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value] : refsIn(value),
  )
}

const deref = <T>(node: T | { $ref: string }): T =>
  typeof node === 'object' && node !== null && '$ref' in node ? (resolve(node.$ref) as T) : node

describe('the OpenAPI document', () => {
  it('describes every route the router serves, and nothing it does not', () => {
    expect([...served()].sort()).toEqual([...documented()].sort())
    expect(served().length).toBeGreaterThanOrEqual(21)
  })

  describe('served by the app', () => {
    let administrator: TokenHolder
    let reference: string
    const ids = { jobId: '', documentId: '', findingId: '' }
    beforeAll(async () => {
      const { deps } = testApp()
      const organisation = await addOrganisation(deps)
      administrator = await addTokenHolder(deps, organisation, ['administrator'])
      reference = await logCase(deps, organisation)
      const added = await deps.documents.addDocuments(commandLineActor(organisation.id), reference, [
        { name: 'note.txt', content: Readable.from([Buffer.from('Ask kim.testperson@example.com.')]) },
      ])
      if (!added.ok) throw new Error(JSON.stringify(added.error))
      await deps.jobs.runNow(added.value.id)
      const found = await deps.documents.listFindings(commandLineActor(organisation.id), reference)
      ids.jobId = added.value.id
      ids.documentId = found.ok ? (found.value[0]?.documentId ?? '') : ''
      ids.findingId = found.ok ? (found.value[0]?.id ?? '') : ''
    })

    it('is what /api/v1/openapi.json sends, without authentication', async () => {
      const response = await request(testApp().app).get('/api/v1/openapi.json')
      expect(response.status).toBe(200)
      expect(response.body).toEqual(JSON.parse(JSON.stringify(document)))
    })

    it('names only addresses that the running app answers (none is a 404 or 405)', async () => {
      for (const entry of documented()) {
        const [method = '', path = ''] = entry.split(' ')
        const url = `/api/v1${path
          .replace('{reference}', reference)
          .replace('{id}', administrator.user.id)
          .replace('{kind}', 'acknowledgement')
          .replace('{jobId}', ids.jobId)
          .replace('{documentId}', ids.documentId)
          .replace('{findingId}', ids.findingId)}`
        const call = request(testApp().app)[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](url)
        const response = await (method === 'GET'
          ? call.set(bearer(administrator))
          : call.set(bearer(administrator)).send({}))
        expect([404, 405], entry).not.toContain(response.status)
      }
    })
  })

  it('has the shape of an OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0')
    expect(typeof document.info['title']).toBe('string')
    expect(typeof document.info['version']).toBe('string')
    expect(Object.keys(document.paths).length).toBeGreaterThan(0)
    for (const path of Object.keys(document.paths)) expect(path).toMatch(/^\//)
    expect(Object.keys(document.components.schemas).length).toBeGreaterThan(0)
    expect(document.components.securitySchemes['bearerAuth']).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    )
  })

  it('gives every operation a unique id, a summary and responses with a description', () => {
    const ids = new Set<string>()
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method} ${path}`
        expect(ids.has(operation.operationId), where).toBe(false)
        ids.add(operation.operationId)
        expect(operation.summary, where).not.toBe('')
        const responses = Object.entries(operation.responses)
        expect(responses.length, where).toBeGreaterThan(0)
        for (const [status, response] of responses) {
          expect(status, where).toMatch(/^([1-5]\d\d|default)$/)
          expect(deref(response as { description?: string }).description, `${where} ${status}`).toEqual(
            expect.any(String),
          )
        }
      }
    }
  })

  it('declares every path parameter as required', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1])
      for (const [method, operation] of Object.entries(item)) {
        const parameters = ((operation as { parameters?: unknown[] }).parameters ?? []).map((parameter) =>
          deref(parameter as { name: string; in: string; required?: boolean }),
        )
        for (const name of names) {
          expect(parameters, `${method} ${path}`).toContainEqual(
            expect.objectContaining({ name, in: 'path', required: true }),
          )
        }
      }
    }
  })

  it('resolves every $ref within the document', () => {
    const references = refsIn(document)
    expect(references.length).toBeGreaterThan(20)
    for (const reference of references) {
      expect(reference, reference).toMatch(/^#\//)
      expect(resolve(reference), reference).toBeDefined()
    }
  })

  it('reads cases with the case JSON form’s own JSON Schema', () => {
    const { $schema: _dialect, ...caseSchema } = caseDocumentJsonSchema()
    expect(document.components.schemas['CaseDocument']).toMatchObject(caseSchema)
    const logCase = document.paths['/cases']?.['post'] as { requestBody?: { content: Record<string, unknown> } }
    expect(logCase.requestBody?.content['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/CaseDocument' },
    })
  })

  it('describes the decisions, the check, the letters and the exemptions', () => {
    const operation = (path: string, method: string) =>
      document.paths[path]?.[method] as unknown as {
        operationId: string
        parameters?: { $ref: string }[]
        requestBody?: { content: Record<string, { schema: unknown }> }
        responses: Record<string, { content?: Record<string, unknown>; $ref?: string; headers?: object }>
      }
    const decisions = operation('/cases/{reference}/decisions', 'put')
    expect(decisions.operationId).toBe('saveCaseDecisions')
    expect(decisions.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/DecisionsChange',
    })
    expect(decisions.responses['409']).toEqual({ $ref: '#/components/responses/Conflict' })
    expect(decisions.responses['428']).toBeDefined()
    const decisionsChange = document.components.schemas['DecisionsChange'] as { properties: Record<string, unknown> }
    expect(Object.keys(decisionsChange.properties).sort()).toEqual(['decisions', 'version'])
    const caseSchema = document.components.schemas['Case'] as { properties: Record<string, unknown> }
    expect(caseSchema.properties['exemptionDecisions']).toMatchObject({ type: 'array' })

    expect(operation('/cases/{reference}/check', 'get').responses['200']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/CheckReport' } },
    })
    const finding = document.components.schemas['CheckFinding'] as { required: string[] }
    expect(finding.required).toEqual(['severity', 'rule', 'parts', 'exemptionId', 'message'])

    const letter = operation('/cases/{reference}/letters/{kind}', 'get')
    expect(Object.keys(letter.responses['200']?.content ?? {})).toEqual([
      'application/json',
      'text/html',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ])
    expect(letter.responses['200']?.headers).toHaveProperty('Content-Disposition')
    expect(letter.responses['400']).toEqual({ $ref: '#/components/responses/BadParameter' })
    expect(letter.responses['409']).toEqual({ $ref: '#/components/responses/Refused' })
    expect(letter.parameters?.map((parameter) => parameter.$ref.split('/').pop())).toEqual([
      'reference',
      'letterKind',
      'format',
      'date',
      'note',
      'fee',
      'reviewOutcome',
    ])
    expect(document.components.parameters['format']).toMatchObject({
      name: 'format',
      in: 'query',
      schema: { enum: ['html', 'pdf', 'docx'] },
    })
    const edit = operation('/cases/{reference}/letters/{kind}', 'put')
    expect(edit.operationId).toBe('editLetter')
    expect(edit.responses['400']).toEqual({ $ref: '#/components/responses/MalformedBodyOrBadParameter' })
    expect(document.components.schemas['LetterEdit']).toMatchObject({ required: ['text'] })

    const exemptions = operation('/exemptions', 'get')
    expect(exemptions.parameters).toEqual([{ $ref: '#/components/parameters/exemptionRegime' }])
    expect(document.components.parameters['exemptionRegime']).toMatchObject({
      name: 'regime',
      schema: { enum: ['foia', 'eir', 'foisa'] },
    })
  })

  it('describes the documents: files streamed in, a job to poll, searches, findings and their decisions', () => {
    const operation = (path: string, method: string) =>
      document.paths[path]?.[method] as unknown as {
        operationId: string
        tags: string[]
        parameters?: { $ref: string }[]
        requestBody?: { content: Record<string, { schema: unknown }> }
        responses: Record<string, { content?: Record<string, unknown>; $ref?: string; headers?: object }>
      }
    const add = operation('/cases/{reference}/documents', 'post')
    expect(add.operationId).toBe('addCaseDocuments')
    expect(add.tags).toEqual(['Documents'])
    expect(Object.keys(add.requestBody?.content ?? {})).toEqual(['multipart/form-data', 'application/octet-stream'])
    expect(add.requestBody?.content['multipart/form-data']?.schema).toEqual({
      $ref: '#/components/schemas/DocumentUpload',
    })
    expect(add.responses['202']?.headers).toHaveProperty('Location')
    expect(add.responses['202']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Job' } },
    })
    expect(add.responses['400']).toEqual({ $ref: '#/components/responses/MalformedUpload' })
    expect(add.responses['415']).toBeUndefined()
    expect(add.parameters?.map((parameter) => parameter.$ref.split('/').pop())).toEqual([
      'reference',
      'fileName',
      'uploadCustodian',
      'CsrfToken',
    ])
    expect(operation('/jobs/{jobId}', 'get').parameters).toEqual([{ $ref: '#/components/parameters/jobId' }])
    const list = operation('/cases/{reference}/documents', 'get')
    expect(
      list.parameters?.map((parameter) => {
        const resolved = deref(parameter as unknown as { name: string })
        return resolved.name
      }),
    ).toEqual(['reference', 'q', 'sender', 'from', 'to', 'scope', 'custodian', 'limit', 'offset'])
    expect(operation('/documents/{documentId}', 'get').responses['200']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/DocumentDetail' } },
    })
    expect(operation('/findings/{findingId}/decision', 'post').requestBody?.content['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/FindingDecision' },
    })
    expect(document.components.schemas['FindingDecision']).toMatchObject({
      properties: { decision: { enum: ['accepted', 'rejected', 'pending'] }, reach: { enum: ['duplicates', 'case'] } },
    })
    expect(document.components.schemas['ScopeChange']).toMatchObject({ required: ['documentIds', 'scope'] })
    expect((document['tags'] as { name: string }[]).map((tag) => tag.name)).toContain('Documents')
  })

  it('describes errors as problem details, and the document itself as public', () => {
    expect(document.components.schemas['Problem']).toMatchObject({ required: ['type', 'title', 'status'] })
    const unauthenticated = document.components.responses['Unauthenticated'] as { content: Record<string, unknown> }
    expect(Object.keys(unauthenticated.content)).toEqual(['application/problem+json'])
    expect(document.paths['/openapi.json']?.['get']).toMatchObject({ security: [] })
    expect(document.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }])
  })
})
