import { Readable } from 'node:stream'
import {
  emptySummary,
  findingTextKey,
  NOTHING_READ,
  type CaseDocument,
  type DocumentFinding,
  type IngestItem,
  type IngestSummary,
  type Job,
  type RememberedDecision,
} from '../../documents/document-records.ts'
import { sliceText } from '../../documents/document-text.ts'
import { baseName, displayName } from '../../documents/reading/file-names.ts'
import type { CompiledGazetteer } from '../../documents/pii/names.ts'
import type { PiiType } from '../../documents/pii/finding.ts'
import type { DocumentReader, FileStore } from '../../documents/ports.ts'
import type { DocumentReading, ReadProblem } from '../../documents/reading/document-reading.ts'
import { boxesForSpan, pageOfOffset } from '../../documents/reading/page-geometry.ts'
import { fingerprint } from '../../documents/grouping/near-duplicates.ts'
import type { Logger } from '../../logger.ts'
import type { Repositories, Store } from '../../storage/store.ts'
import type { Clock } from '../clock.ts'
import { newId } from '../ids.ts'
import { encodeFingerprint, regroupCase } from './group-documents.ts'

export interface IngestionDependencies {
  readonly store: Store
  readonly files: FileStore
  readonly clock: Clock
  readonly read: DocumentReader
  readonly logger: Logger
}

export interface IngestProgress {
  readonly done: number
  readonly total: number
  /** The file just finished (its display name). */
  readonly name: string
  readonly summary: IngestSummary
}

/** Emails attached to emails attached to emails…: beyond this depth a contained file is recorded, not read. */
export const MAX_NESTING = 8

interface FileToRead {
  readonly bytes: Uint8Array
  readonly name: string
  readonly size: number
  readonly sha256: string
  readonly depth: number
  readonly source: string
  readonly custodian: string | null
  readonly parentId: string | null
  readonly jobItem: number | null
}

const readAll = async (stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> => {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}

const firstDate = (...dates: (string | undefined)[]): string | null => dates.find((date) => date !== undefined) ?? null

const addressText = (address: { name?: string; address?: string } | undefined): string | null => {
  if (address === undefined) return null
  if (address.name !== undefined && address.address !== undefined) return `${address.name} <${address.address}>`
  return address.address ?? address.name ?? null
}

/** People the finder looks for: the requester, and the organisation's staff, less those whose names are released. */
const gazetteerFor = async (
  repositories: Repositories,
  job: Job,
  compileGazetteer: (gazetteer: { people: { name: string; role: string }[]; allowList: string[] }) => CompiledGazetteer,
): Promise<CompiledGazetteer> => {
  const people: { name: string; role: string }[] = []
  const allowList: string[] = []
  if (job.caseId !== null) {
    const subject = await repositories.cases.findById(job.organisationId, job.caseId)
    if (subject?.requesterId !== undefined && subject.requesterId !== null) {
      const requester = await repositories.cases.findRequester(job.organisationId, subject.requesterId)
      if (requester !== undefined && requester.erasedAt === null)
        people.push({ name: requester.name, role: 'requester' })
    }
  }
  for (const person of await repositories.directory.list(job.organisationId)) {
    if (person.released) allowList.push(person.name)
    else people.push({ name: person.name, role: 'staff' })
  }
  return compileGazetteer({ people, allowList })
}

/**
 * The ingestion job: reads every file it was given, and everything inside them (attachments, archive entries,
 * embedded messages), records each as a document of the case with its text, pages and word boxes, finds the personal
 * data in it, marks exact duplicates, then groups near-duplicates and threads across the case. A file that cannot be
 * read is recorded with the reason and the rest go on; each file is written in its own transaction, so nothing
 * already stored is lost, and a job resumed after a stop skips the files it has done.
 */
export const createDocumentIngestion = (dependencies: IngestionDependencies) => {
  const { store, files, clock, logger } = dependencies

  const run = async (job: Job, onProgress?: (progress: IngestProgress) => void): Promise<IngestSummary> => {
    // The finder (with compromise's model) takes seconds to load: only when there is something to read.
    const { findPersonalData } = await import('../../documents/pii/find-personal-data.ts')
    const { compileGazetteer } = await import('../../documents/pii/names.ts')
    const caseId = job.caseId
    if (caseId === null) throw new Error('An ingestion job belongs to a case')
    // A resumed job carries on from what it had counted when it stopped.
    const before = job.summary ?? emptySummary()
    const summary = { ...before, findingsByType: { ...before.findingsByType } as Partial<Record<PiiType, number>> }
    const failures: IngestSummary['failures'][number][] = [...before.failures]
    const snapshot = (): IngestSummary => ({ ...summary, failures: [...failures] })
    const gazetteer = await gazetteerFor(store.read, job, compileGazetteer)
    const remembered = new Map(
      (await store.read.documents.remembered(caseId)).map((decision) => [
        `${decision.type}\u0000${decision.textKey}`,
        decision,
      ]),
    )
    const newDocumentIds: string[] = []

    const baseDocument = (
      file: Omit<FileToRead, 'bytes' | 'sha256' | 'size'> & { sha256: string | null; size: number | null },
    ) => ({
      id: newId(),
      organisationId: job.organisationId,
      caseId,
      parentId: file.parentId,
      jobId: job.id,
      jobItem: file.jobItem,
      name: displayName(baseName(file.name)),
      sha256: file.sha256,
      size: file.size,
      source: file.source,
      custodian: file.custodian,
      createdAt: clock.now(),
    })

    const recordFailure = async (
      file: Omit<FileToRead, 'bytes' | 'sha256' | 'size'> & { sha256: string | null; size: number | null },
      problem: ReadProblem,
    ): Promise<void> => {
      const document: CaseDocument = {
        ...baseDocument(file),
        ...NOTHING_READ,
        status: 'failed',
        problem,
      }
      await store.transaction((repositories) => repositories.documents.insert(document))
      failures.push({ name: document.name, code: problem.code, message: problem.message })
    }

    const findingsOf = (documentId: string, reading: DocumentReading): DocumentFinding[] =>
      findPersonalData(reading.text, { gazetteer }).map((found) => {
        const page = pageOfOffset(reading, found.start)
        const boxes =
          page === undefined || page.words.length === 0
            ? null
            : boxesForSpan(
                page,
                found.start - page.offset,
                Math.min(found.end, page.offset + page.text.length) - page.offset,
              )
        const textKey = findingTextKey(found.type, found.text)
        const rule: RememberedDecision | undefined = remembered.get(`${found.type}\u0000${textKey}`)
        return {
          id: newId(),
          organisationId: job.organisationId,
          caseId,
          documentId,
          type: found.type,
          start: found.start,
          end: found.end,
          text: found.text,
          textKey,
          page: page?.number ?? null,
          boxes,
          score: found.score,
          reason: found.reason,
          status: rule?.decision ?? 'pending',
          decidedHow: rule === undefined ? null : 'case',
          decidedBy: rule?.decidedBy ?? null,
          decidedAt: rule?.decidedAt ?? null,
        }
      })

    const ingestFile = async (file: FileToRead): Promise<void> => {
      const original = await store.read.documents.findOriginal(caseId, file.sha256)
      if (original !== undefined) {
        // The same bytes again: recorded where they were found (another custodian, another email), reviewed once.
        const document: CaseDocument = {
          ...baseDocument(file),
          ...NOTHING_READ,
          mediaType: original.mediaType,
          kind: original.kind,
          title: original.title,
          author: original.author,
          authoredAt: original.authoredAt,
          modifiedAt: original.modifiedAt,
          documentDate: original.documentDate,
          emailFrom: original.emailFrom,
          emailTo: original.emailTo,
          emailSubject: original.emailSubject,
          messageId: original.messageId,
          pageCount: original.pageCount,
          textLength: original.textLength,
          hidden: original.hidden,
          status: 'read',
          problem: null,
          duplicateOf: original.id,
        }
        await store.transaction((repositories) => repositories.documents.insert(document))
        summary.documents += 1
        summary.exactDuplicates += 1
        return
      }

      if (file.depth > MAX_NESTING) {
        await recordFailure(file, {
          code: 'archive-too-deep',
          message: `This file is nested more than ${MAX_NESTING} levels deep in attachments and archives, so it was not read. Open the file it came from, save this one on its own and add it directly.`,
        })
        return
      }
      let outcome
      try {
        outcome = await dependencies.read({ bytes: file.bytes, name: file.name, depth: file.depth })
      } catch (error) {
        // A reader that throws is a bug in Disclose or a library, not the requester's fault: say so, log no content.
        logger.error({ err: { name: (error as Error).name }, job: job.id }, 'A document reader failed unexpectedly')
        outcome = {
          ok: false as const,
          error: {
            code: 'corrupt' as const,
            message:
              'Disclose could not read this file because of a fault in Disclose. The fault has been logged; try again later or report it to your administrator.',
          },
        }
      }
      if (!outcome.ok) {
        await recordFailure(file, outcome.error)
        return
      }
      const reading = outcome.value
      const id = newId()
      const email = reading.email
      const document: CaseDocument = {
        ...baseDocument(file),
        id,
        mediaType: reading.mediaType,
        kind: reading.kind,
        status: 'read',
        problem: null,
        title: reading.title ?? null,
        author: reading.author ?? null,
        authoredAt: reading.createdAt ?? null,
        modifiedAt: reading.modifiedAt ?? null,
        documentDate: firstDate(email?.sentAt, reading.modifiedAt, reading.createdAt),
        emailFrom: addressText(email?.from),
        emailTo: email === undefined ? [] : [...email.to, ...email.cc].map(addressText).filter((a) => a !== null),
        emailSubject: email?.subject ?? null,
        messageId: email?.messageId ?? null,
        pageCount: reading.pages.length,
        textLength: reading.text.length,
        hidden: reading.hidden,
        notes: reading.notes,
        email: email ?? null,
        fingerprint: reading.text.trim() === '' ? null : encodeFingerprint(fingerprint(reading.text)),
        duplicateOf: null,
        nearDuplicateOf: null,
        similarity: null,
        threadId: null,
        threadRole: null,
        scope: 'undecided',
      }
      const findings = findingsOf(id, reading)
      await store.transaction(async (repositories) => {
        await repositories.documents.insert(document)
        await repositories.documents.insertPages(
          reading.pages.map((page) => ({
            documentId: id,
            number: page.number,
            width: page.width,
            height: page.height,
            rotation: page.rotation,
            ocr: page.ocr,
            textOffset: page.offset,
            textLength: page.text.length,
            words: page.words,
          })),
          reading.pages.map((page) => page.text),
        )
        await repositories.documents.insertText(
          sliceText(reading).map((slice) => ({
            documentId: id,
            caseId,
            seq: slice.seq,
            page: slice.page,
            textOffset: slice.offset,
            text: slice.text,
          })),
        )
        await repositories.documents.insertFindings(findings)
      })
      newDocumentIds.push(id)
      summary.documents += 1
      summary.pages += reading.pages.length
      summary.hiddenContent += reading.hidden.length
      for (const finding of findings) {
        summary.findingsByType[finding.type] = (summary.findingsByType[finding.type] ?? 0) + 1
      }

      // What was inside it: attachments, embedded messages, archive entries, each a document in its own right.
      for (const contained of reading.contained) {
        const child = {
          name: contained.name,
          depth: file.depth + 1,
          source: `${reading.kind === 'archive' ? 'In archive' : 'Attached to'} ${document.name}`,
          custodian: file.custodian,
          parentId: id,
          jobItem: null,
        }
        if ('problem' in contained) {
          await recordFailure({ ...child, sha256: null, size: null }, contained.problem)
          continue
        }
        const stored = await files.put(Readable.from([contained.bytes]))
        if (!stored.ok) {
          await recordFailure(
            { ...child, sha256: null, size: contained.bytes.byteLength },
            { code: 'too-large', message: stored.error.message },
          )
          continue
        }
        await ingestFile({ ...child, bytes: contained.bytes, sha256: stored.value.sha256, size: stored.value.size })
      }
    }

    const ingestItem = async (item: IngestItem, index: number): Promise<void> => {
      const file = {
        name: item.name,
        depth: 0,
        source: item.source,
        custodian: item.custodian,
        parentId: null,
        jobItem: index,
      }
      if (item.refused !== undefined || item.sha256 === null) {
        await recordFailure(
          { ...file, sha256: null, size: item.size },
          item.refused ?? { code: 'corrupt', message: 'The file was not received whole. Upload it again.' },
        )
        return
      }
      const stream = await files.open(item.sha256)
      if (stream === undefined) {
        await recordFailure(
          { ...file, sha256: item.sha256, size: item.size },
          { code: 'corrupt', message: 'The uploaded file is no longer in the file store. Upload it again.' },
        )
        return
      }
      const bytes = await readAll(stream)
      await ingestFile({ ...file, bytes, sha256: item.sha256, size: item.size })
    }

    const items = job.payload.items
    for (const [index, item] of items.entries()) {
      const already = await store.read.documents.findJobItem(job.id, index)
      if (already === undefined) {
        try {
          await ingestItem(item, index)
        } catch (error) {
          // Storage failed (disk full, database gone): stop the job here; it resumes from this file.
          logger.error({ err: { name: (error as Error).name }, job: job.id, item: index }, 'Ingestion stopped')
          throw error
        }
      }
      await store.transaction((repositories) => repositories.jobs.progress(job.id, index + 1, snapshot()))
      onProgress?.({
        done: index + 1,
        total: items.length,
        name: displayName(baseName(item.name)),
        summary: snapshot(),
      })
    }

    const grouped = await regroupCase(store, job.organisationId, caseId, newDocumentIds, clock)
    summary.nearDuplicateGroups = grouped.nearDuplicateGroups
    summary.threads = grouped.threads
    return snapshot()
  }

  return { run }
}

export type DocumentIngestion = ReturnType<typeof createDocumentIngestion>
