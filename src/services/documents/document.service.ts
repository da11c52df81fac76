import {
  DOCUMENT_SCOPES,
  FINDING_STATUSES,
  findingTextKey,
  type CaseDocument,
  type DirectoryPerson,
  type DocumentFinding,
  type DocumentScope,
  type FindingStatus,
  type IngestItem,
  type Job,
  type StoredPage,
} from '../../documents/document-records.ts'
import { baseName, displayName } from '../../documents/reading/file-names.ts'
import { isPiiType, type PiiType } from '../../documents/pii/finding.ts'
import type { FileStore } from '../../documents/ports.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import type { DocumentFilter, DocumentHit } from '../../storage/repositories/document.repository.ts'
import type { Store } from '../../storage/store.ts'
import { actorMay, type Actor } from '../actor.ts'
import { recordAudit } from '../audit/audit-trail.ts'
import type { CaseService } from '../cases/case.service.ts'
import type { Clock } from '../clock.ts'
import { newId } from '../ids.ts'
import { forbidden, invalid, notFound, type ServiceError } from '../service-error.ts'

/** The search's filter and hits, for the web layer, which reaches storage only through the services. */
export type { DocumentFilter, DocumentHit }

/** A file someone is adding to a case: its bytes as a stream, so that a large one is never held in memory. */
export interface Upload {
  readonly name: string
  readonly content: AsyncIterable<Uint8Array>
  /** Whose it was (the member of staff it was collected from). */
  readonly custodian?: string
  /** How it arrived: "upload" by default. */
  readonly source?: string
}

export interface DocumentServiceDependencies {
  readonly store: Store
  readonly files: FileStore
  readonly clock: Clock
  readonly cases: CaseService
  /** The largest file accepted, in bytes. */
  readonly maxUploadBytes: number
  /** Told when a job is queued, so the runner starts at once rather than at its next look. */
  readonly onQueued?: (job: Job) => void
}

export interface DocumentDetail {
  readonly document: CaseDocument
  readonly pages: readonly StoredPage[]
  readonly findings: readonly DocumentFinding[]
  /** Attachments, embedded messages and archive entries. */
  readonly children: readonly CaseDocument[]
  readonly text: string
}

/** What a case's documents come to: for the case page's Documents section. */
export interface DocumentCounts {
  readonly documents: number
  /** Files that could not be read (each job records its failures). */
  readonly failed: number
  readonly findings: number
  /** Findings still pending a reviewer's decision. */
  readonly toReview: number
  /** Jobs queued or running. */
  readonly jobsUnderWay: number
}

export type FindingDecision = 'accepted' | 'rejected' | 'pending'
/** duplicates: this finding and the same text in its document's duplicates, near-duplicates and thread; case: the
 * same text anywhere in the case, now and in documents still to come. */
export type DecisionReach = 'duplicates' | 'case'

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-GB')} MB`

/** Reads the staff directory from CSV text: name, email, job title, released (yes/no), with a header row. */
export const readDirectoryCsv = (text: string): Result<Omit<DirectoryPerson, 'id' | 'organisationId'>[], string[]> => {
  const lines = text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .filter((line) => line.trim() !== '')
  const header = (lines.shift() ?? '')
    .toLowerCase()
    .split(',')
    .map((cell) => cell.trim())
  const column = (name: string) => header.indexOf(name)
  if (column('name') < 0) return fail(['The first row must name the columns: name, email, job title, released'])
  const problems: string[] = []
  const people = lines.map((line, index) => {
    const cells = line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/u, '$1'))
    const name = cells[column('name')] ?? ''
    if (name === '') problems.push(`Row ${index + 2}: enter the person’s name`)
    const released = (cells[column('released')] ?? '').toLowerCase()
    if (!['', 'yes', 'no', 'true', 'false', 'y', 'n'].includes(released)) {
      problems.push(`Row ${index + 2}: released must be yes or no`)
    }
    const text = (value: string | undefined) => (value === undefined || value === '' ? null : value)
    return {
      name,
      email: text(cells[column('email')]),
      jobTitle: text(cells[column('job title')]),
      released: ['yes', 'true', 'y'].includes(released),
    }
  })
  return problems.length > 0 ? fail(problems) : ok(people)
}

export const createDocumentService = (dependencies: DocumentServiceDependencies) => {
  const { store, files, clock, cases } = dependencies

  const caseOf = async (actor: Actor, reference: string) => {
    const found = await cases.getCase(actor, reference)
    return found.ok ? ok(found.value.case) : found
  }

  const documentOf = async (actor: Actor, id: string): Promise<Result<CaseDocument, ServiceError>> => {
    if (!actorMay(actor, 'read-cases')) return fail(forbidden('Your role cannot read cases'))
    const document = await store.read.documents.get(actor.organisationId, id)
    return document === undefined ? fail(notFound('There is no such document')) : ok(document)
  }

  const service = {
    /**
     * Keeps the files in the file store and queues a job to read them. A file over the size limit is refused (and
     * nothing of it kept) but recorded on the job, so the person sees why; the others go ahead.
     */
    addDocuments: async (actor: Actor, reference: string, uploads: Iterable<Upload> | AsyncIterable<Upload>) => {
      if (!actorMay(actor, 'edit-cases')) return fail(forbidden('Your role cannot add documents to cases'))
      const subject = await caseOf(actor, reference)
      if (!subject.ok) return subject
      const items: IngestItem[] = []
      for await (const upload of uploads) {
        const name = displayName(baseName(upload.name))
        const custodian = upload.custodian?.trim() === '' ? null : (upload.custodian?.trim().slice(0, 200) ?? null)
        const source = upload.source ?? 'Upload'
        const stored = await files.put(upload.content, { maxBytes: dependencies.maxUploadBytes })
        if (stored.ok) {
          items.push({ sha256: stored.value.sha256, size: stored.value.size, name, source, custodian })
        } else {
          items.push({
            sha256: null,
            size: 0,
            name,
            source,
            custodian,
            refused:
              stored.error.code === 'too-large'
                ? {
                    code: 'too-large',
                    message: `The file is larger than ${megabytes(dependencies.maxUploadBytes)}, the most Disclose accepts. Split it into smaller files (a PDF by page range, an email export by month) and add those.`,
                  }
                : { code: 'corrupt', message: 'The file could not be received whole. Add it again.' },
          })
        }
      }
      if (items.length === 0) return fail(invalid([{ field: 'files', message: 'Select at least one file to add' }]))
      const now = clock.now()
      const job: Job = {
        id: newId(),
        organisationId: actor.organisationId,
        caseId: subject.value.id,
        kind: 'ingest',
        state: 'queued',
        payload: { items },
        total: items.length,
        done: 0,
        summary: null,
        error: null,
        attempts: 0,
        createdBy: actor.userId ?? actor.label,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
      }
      await store.transaction(async (repositories) => {
        await repositories.jobs.create(job)
        await recordAudit(repositories, actor, clock, {
          action: 'case.documents-added',
          entityType: 'case',
          entityId: subject.value.id,
          before: null,
          after: { job: job.id, files: items.length, refused: items.filter((item) => item.refused).length },
        })
      })
      dependencies.onQueued?.(job)
      return ok(job)
    },

    getJob: async (actor: Actor, id: string): Promise<Result<Job, ServiceError>> => {
      if (!actorMay(actor, 'read-cases')) return fail(forbidden('Your role cannot read cases'))
      const job = await store.read.jobs.get(id)
      if (job === undefined || job.organisationId !== actor.organisationId)
        return fail(notFound('There is no such job'))
      return ok(job)
    },

    listJobs: async (actor: Actor, reference: string): Promise<Result<Job[], ServiceError>> => {
      const subject = await caseOf(actor, reference)
      if (!subject.ok) return subject
      return ok(await store.read.jobs.forCase(actor.organisationId, subject.value.id))
    },

    /** A case's documents, or those that match: words, "a phrase", sender, dates, scope. */
    searchDocuments: async (
      actor: Actor,
      reference: string,
      filter: DocumentFilter = {},
    ): Promise<Result<DocumentHit[], ServiceError>> => {
      const subject = await caseOf(actor, reference)
      if (!subject.ok) return subject
      const dates = [
        ['from', filter.from],
        ['to', filter.to],
      ] as const
      const problems = dates.flatMap(([field, value]) =>
        value === undefined || /^\d{4}-\d{2}-\d{2}$/u.test(value)
          ? []
          : [
              {
                field,
                message: `Enter the ${field === 'from' ? 'first' : 'last'} date as YYYY-MM-DD, like 2024-03-31`,
              },
            ],
      )
      if (problems.length > 0) return fail(invalid(problems))
      return ok(await store.read.documents.search(actor.organisationId, subject.value.id, filter))
    },

    getDocument: async (actor: Actor, id: string): Promise<Result<DocumentDetail, ServiceError>> => {
      const found = await documentOf(actor, id)
      if (!found.ok) return found
      const shown = found.value.duplicateOf ?? found.value.id
      const [pages, findings, children, text] = await Promise.all([
        store.read.documents.pages(shown),
        store.read.documents.findings(actor.organisationId, { documentIds: [shown] }),
        store.read.documents.children(actor.organisationId, id),
        store.read.documents.text(shown),
      ])
      return ok({ document: found.value, pages, findings, children, text })
    },

    /** Findings in a case, by status and type: the review queue. */
    listFindings: async (
      actor: Actor,
      reference: string,
      where: { status?: string; type?: string } = {},
    ): Promise<Result<DocumentFinding[], ServiceError>> => {
      const subject = await caseOf(actor, reference)
      if (!subject.ok) return subject
      const problems = [
        ...(where.status !== undefined && !(FINDING_STATUSES as readonly string[]).includes(where.status)
          ? [{ field: 'status', message: 'Status must be pending, accepted or rejected' }]
          : []),
        ...(where.type !== undefined && !isPiiType(where.type)
          ? [{ field: 'type', message: 'Type must be a kind of personal data Disclose finds, like email or phone' }]
          : []),
      ]
      if (problems.length > 0) return fail(invalid(problems))
      return ok(
        await store.read.documents.findings(actor.organisationId, {
          caseId: subject.value.id,
          ...(where.status === undefined ? {} : { status: where.status as FindingStatus }),
          ...(where.type === undefined ? {} : { type: where.type as PiiType }),
        }),
      )
    },

    /**
     * A reviewer's decision on a finding: accepted (it is personal data, to be redacted) or rejected (it is not, or it
     * is released), or back to pending. It reaches the same text in the document's exact duplicates, near-duplicates
     * and thread; with reach `case`, every finding of that text in the case, and the case remembers it for documents
     * still to come.
     */
    decideFinding: async (
      actor: Actor,
      findingId: string,
      decision: unknown,
      reach: unknown = 'duplicates',
    ): Promise<Result<{ decided: number }, ServiceError>> => {
      if (!actorMay(actor, 'edit-cases')) return fail(forbidden('Your role cannot review documents'))
      if (decision !== 'accepted' && decision !== 'rejected' && decision !== 'pending') {
        return fail(invalid([{ field: 'decision', message: 'Decision must be accepted, rejected or pending' }]))
      }
      if (reach !== 'duplicates' && reach !== 'case') {
        return fail(invalid([{ field: 'reach', message: 'Reach must be duplicates or case' }]))
      }
      const finding = await store.read.documents.getFinding(actor.organisationId, findingId)
      if (finding === undefined) return fail(notFound('There is no such finding'))
      const now = clock.now()
      const by = actor.userId ?? actor.label
      const decided = await store.transaction(async (repositories) => {
        const documents = await repositories.documents.listForCase(actor.organisationId, finding.caseId)
        const home = documents.find((document) => document.id === finding.documentId)
        // The document, and every document that is the same thing: its exact copies, its near-duplicate group, its
        // thread.
        const related = new Set<string>([finding.documentId])
        if (reach === 'duplicates' && home !== undefined) {
          // A group's representative has a similarity (1) but no representative of its own; a loner has neither.
          const groupOf = (document: CaseDocument) =>
            document.nearDuplicateOf ?? (document.similarity === null ? null : document.id)
          const homeGroup = groupOf(home)
          for (const document of documents) {
            const sameGroup = homeGroup !== null && groupOf(document) === homeGroup
            const sameThread = home.threadId !== null && document.threadId === home.threadId
            const sameBytes = document.duplicateOf === home.id || home.duplicateOf === document.id
            if (sameGroup || sameThread || sameBytes) related.add(document.id)
          }
        }
        const same = await repositories.documents.findings(actor.organisationId, {
          caseId: finding.caseId,
          type: finding.type,
          textKey: finding.textKey,
          ...(reach === 'case' ? {} : { documentIds: [...related] }),
        })
        const others = same.filter((other) => other.id !== finding.id).map((other) => other.id)
        const status: FindingStatus = decision
        await repositories.documents.decideFindings([finding.id], {
          status,
          how: status === 'pending' ? null : 'reviewer',
          by: status === 'pending' ? null : by,
          at: status === 'pending' ? null : now,
        })
        await repositories.documents.decideFindings(others, {
          status,
          how: status === 'pending' ? null : reach === 'case' ? 'case' : 'duplicate',
          by: status === 'pending' ? null : by,
          at: status === 'pending' ? null : now,
        })
        if (reach === 'case') {
          if (status === 'pending') await repositories.documents.forget(finding.caseId, finding.type, finding.textKey)
          else {
            await repositories.documents.remember({
              caseId: finding.caseId,
              type: finding.type,
              textKey: findingTextKey(finding.type, finding.text),
              decision: status,
              decidedBy: by,
              decidedAt: now,
            })
          }
        }
        await recordAudit(repositories, actor, clock, {
          action: 'document.finding-decided',
          entityType: 'document',
          entityId: finding.documentId,
          // The finding's type and where it is, never its text: the audit trail is no place for personal data.
          before: { finding: finding.id, status: finding.status },
          after: { finding: finding.id, status, reach, alsoDecided: others.length, type: finding.type },
        })
        return others.length + 1
      })
      return ok({ decided })
    },

    /** How many documents a case has, how many could not be read, and how many findings wait for review. */
    countDocuments: async (actor: Actor, reference: string): Promise<Result<DocumentCounts, ServiceError>> => {
      const subject = await caseOf(actor, reference)
      if (!subject.ok) return subject
      const [documents, failed, findings, jobs] = await Promise.all([
        store.read.documents.countForCase(actor.organisationId, subject.value.id),
        store.read.documents.countForCase(actor.organisationId, subject.value.id, 'failed'),
        store.read.documents.findingCounts(actor.organisationId, subject.value.id),
        store.read.jobs.forCase(actor.organisationId, subject.value.id, 1000),
      ])
      return ok({
        documents,
        failed,
        findings: findings.reduce((sum, count) => sum + count.count, 0),
        toReview: findings.filter((count) => count.status === 'pending').reduce((sum, count) => sum + count.count, 0),
        jobsUnderWay: jobs.filter((job) => job.state === 'queued' || job.state === 'running').length,
      })
    },

    /**
     * Marks documents of one case in or out of scope: the case must be the actor's, and every id one of its
     * documents (else not found, and nothing changes).
     */
    setScopeInCase: async (
      actor: Actor,
      reference: string,
      documentIds: readonly string[],
      scope: unknown,
    ): Promise<Result<{ changed: number }, ServiceError>> => {
      if (!actorMay(actor, 'edit-cases')) return fail(forbidden('Your role cannot review documents'))
      const subject = await caseOf(actor, reference)
      if (!subject.ok) return subject
      if (documentIds.length === 0) {
        return fail(invalid([{ field: 'documentIds', message: 'Give at least one document' }]))
      }
      for (const id of new Set(documentIds)) {
        const document = await store.read.documents.get(actor.organisationId, id)
        if (document?.caseId !== subject.value.id) return fail(notFound('There is no such document in this case'))
      }
      return service.setScope(actor, [...new Set(documentIds)], scope)
    },

    /** Marks documents in or out of scope of the request. */
    setScope: async (
      actor: Actor,
      documentIds: readonly string[],
      scope: unknown,
    ): Promise<Result<{ changed: number }, ServiceError>> => {
      if (!actorMay(actor, 'edit-cases')) return fail(forbidden('Your role cannot review documents'))
      if (!(DOCUMENT_SCOPES as readonly unknown[]).includes(scope)) {
        return fail(invalid([{ field: 'scope', message: 'Scope must be undecided, in-scope or out-of-scope' }]))
      }
      const changed = await store.transaction(async (repositories) => {
        const count = await repositories.documents.setScope(actor.organisationId, documentIds, scope as DocumentScope)
        for (const id of documentIds) {
          await recordAudit(repositories, actor, clock, {
            action: 'document.scope-set',
            entityType: 'document',
            entityId: id,
            before: null,
            after: { scope },
          })
        }
        return count
      })
      return ok({ changed })
    },

    listDirectory: async (actor: Actor): Promise<Result<DirectoryPerson[], ServiceError>> => {
      if (!actorMay(actor, 'read-cases')) return fail(forbidden('Your role cannot read the staff directory'))
      return ok(await store.read.directory.list(actor.organisationId))
    },

    /** Replaces the staff directory from CSV (name, email, job title, released). */
    importDirectory: async (actor: Actor, csv: string): Promise<Result<{ people: number }, ServiceError>> => {
      if (!actorMay(actor, 'manage-users')) return fail(forbidden('Your role cannot change the staff directory'))
      const read = readDirectoryCsv(csv)
      if (!read.ok) return fail(invalid(read.error.map((message) => ({ field: 'file', message }))))
      const people = read.value.map((person) => ({ ...person, id: newId(), organisationId: actor.organisationId }))
      await store.transaction(async (repositories) => {
        await repositories.directory.replace(actor.organisationId, people, clock.now())
        await recordAudit(repositories, actor, clock, {
          action: 'organisation.directory-imported',
          entityType: 'organisation',
          entityId: actor.organisationId,
          before: null,
          after: { people: people.length, released: people.filter((person) => person.released).length },
        })
      })
      return ok({ people: people.length })
    },
  }
  return service
}

export type DocumentService = ReturnType<typeof createDocumentService>
