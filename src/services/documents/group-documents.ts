import type { DocumentFinding, ThreadRole } from '../../documents/document-records.ts'
import { groupEmailThreads } from '../../documents/grouping/email-threads.ts'
import {
  fingerprintFromBytes,
  fingerprintToBytes,
  groupNearDuplicates,
  type Fingerprint,
} from '../../documents/grouping/near-duplicates.ts'
import type { GroupingUpdate } from '../../storage/repositories/document.repository.ts'
import type { Store } from '../../storage/store.ts'
import type { Clock } from '../clock.ts'

/** A fingerprint as the `document.fingerprint` column keeps it. */
export const encodeFingerprint = (print: Fingerprint): string =>
  Buffer.from(fingerprintToBytes(print)).toString('base64')

export const decodeFingerprint = (text: string): Fingerprint | undefined => {
  const read = fingerprintFromBytes(new Uint8Array(Buffer.from(text, 'base64')))
  return read.ok ? read.value : undefined
}

export interface GroupingResult {
  readonly nearDuplicateGroups: number
  readonly threads: number
}

/**
 * Groups a case's documents again after new ones arrive: near-duplicates (each with its similarity to the group's
 * representative, the longest) and email threads (each reviewed at its most inclusive message). Then what reviewers
 * already decided in a group is applied to the same text in the documents that have just joined it.
 */
export const regroupCase = async (
  store: Store,
  organisationId: string,
  caseId: string,
  newDocumentIds: readonly string[],
  clock: Clock,
): Promise<GroupingResult> => {
  const documents = (await store.read.documents.listForCase(organisationId, caseId)).filter(
    (document) => document.status === 'read' && document.duplicateOf === null,
  )

  const printed = documents.flatMap((document) => {
    const print = document.fingerprint === null ? undefined : decodeFingerprint(document.fingerprint)
    return print === undefined ? [] : [{ id: document.id, fingerprint: print }]
  })
  const groups = groupNearDuplicates(printed)
  const nearDuplicate = new Map<string, { of: string | null; similarity: number }>()
  for (const group of groups) {
    for (const member of group.members) {
      nearDuplicate.set(member.id, {
        of: member.id === group.representativeId ? null : group.representativeId,
        similarity: member.similarity,
      })
    }
  }

  const emails = documents.filter((document) => document.email !== null)
  const threadInput = await Promise.all(
    emails.map(async (document) => ({
      id: document.id,
      email: document.email!,
      text: await store.read.documents.text(document.id),
    })),
  )
  const threads = groupEmailThreads(threadInput).filter((thread) => thread.memberIds.length > 1)
  const thread = new Map<string, { id: string; role: ThreadRole }>()
  for (const found of threads) {
    for (const memberId of found.memberIds) {
      const role: ThreadRole =
        memberId === found.mostInclusiveId
          ? 'most-inclusive'
          : found.alsoReviewIds.includes(memberId)
            ? 'also-review'
            : 'covered'
      thread.set(memberId, { id: found.threadId, role })
    }
  }

  const updates: GroupingUpdate[] = documents.flatMap((document) => {
    const near = nearDuplicate.get(document.id)
    const inThread = thread.get(document.id)
    const update: GroupingUpdate = {
      id: document.id,
      nearDuplicateOf: near?.of ?? null,
      similarity: near === undefined ? null : Math.round(near.similarity * 1000) / 1000,
      threadId: inThread?.id ?? null,
      threadRole: inThread?.role ?? null,
    }
    const unchanged =
      update.nearDuplicateOf === document.nearDuplicateOf &&
      update.similarity === document.similarity &&
      update.threadId === document.threadId &&
      update.threadRole === document.threadRole
    return unchanged ? [] : [update]
  })

  await store.transaction(async (repositories) => {
    await repositories.documents.updateGrouping(updates)
    // Decisions already made in a group reach the same text in the documents that have just joined it.
    const fresh = new Set(newDocumentIds)
    for (const group of groups) {
      const memberIds = group.members.map((member) => member.id)
      if (!memberIds.some((id) => fresh.has(id))) continue
      const findings = await repositories.documents.findings(organisationId, { caseId, documentIds: memberIds })
      await applyWithinGroup(repositories.documents, findings, fresh, clock)
    }
  })
  return { nearDuplicateGroups: groups.length, threads: threads.length }
}

/** Pending findings in new documents take the decision reviewers made on the same text elsewhere in the group. */
const applyWithinGroup = async (
  documents: Pick<Store['read']['documents'], 'decideFindings'>,
  findings: readonly DocumentFinding[],
  fresh: ReadonlySet<string>,
  clock: Clock,
): Promise<void> => {
  const decided = new Map<string, DocumentFinding>()
  for (const finding of findings) {
    if (finding.status !== 'pending' && !fresh.has(finding.documentId)) {
      decided.set(`${finding.type}\u0000${finding.textKey}`, finding)
    }
  }
  const byDecision = new Map<string, { finding: DocumentFinding; ids: string[] }>()
  for (const finding of findings) {
    if (finding.status !== 'pending' || !fresh.has(finding.documentId)) continue
    const source = decided.get(`${finding.type}\u0000${finding.textKey}`)
    if (source === undefined) continue
    const key = `${source.status}\u0000${source.decidedBy ?? ''}`
    const entry = byDecision.get(key) ?? { finding: source, ids: [] }
    entry.ids.push(finding.id)
    byDecision.set(key, entry)
  }
  for (const { finding, ids } of byDecision.values()) {
    await documents.decideFindings(ids, {
      status: finding.status,
      how: 'duplicate',
      by: finding.decidedBy,
      at: clock.now(),
    })
  }
}
