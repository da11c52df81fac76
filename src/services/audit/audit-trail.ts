import { canonicalJson, createChainVerifier, sealAuditRecord, type ChainBreak } from '../../domain/audit/audit-chain.ts'
import type { Repositories, Store } from '../../storage/store.ts'
import type { Actor } from '../actor.ts'
import type { Clock } from '../clock.ts'
import { newId, sha256 } from '../ids.ts'

export interface AuditEntry {
  /** What happened, as a verb phrase: `case.created`, `case.part-updated`, `user.added`. */
  readonly action: string
  readonly entityType: 'case' | 'user' | 'organisation' | 'requester' | 'document'
  readonly entityId: string
  readonly before: unknown
  readonly after: unknown
}

/**
 * Appends an event to the organisation's chain. Call it inside the transaction that makes the change, so that the
 * change and its record commit together or not at all.
 */
export const recordAudit = async (
  repositories: Repositories,
  actor: Actor,
  clock: Clock,
  entry: AuditEntry,
): Promise<void> => {
  const head = await repositories.audit.lockHead(actor.organisationId)
  const record = sealAuditRecord(sha256, head, {
    organisationId: actor.organisationId,
    id: newId(),
    at: clock.now(),
    actorId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    payload: canonicalJson({ before: entry.before ?? null, after: entry.after ?? null }),
  })
  await repositories.audit.append(record)
}

export interface ChainReport {
  readonly organisationId: string
  readonly events: number
  readonly broken: ChainBreak | null
}

/** Walks every organisation's chain (or one) from its first event, and reports the first event that does not fit. */
export const verifyAuditTrail = async (store: Store, organisationId?: string): Promise<ChainReport[]> => {
  const organisations =
    organisationId === undefined ? await store.read.audit.organisationsWithChains() : [organisationId]
  const reports: ChainReport[] = []
  for (const id of organisations) {
    const head = await store.read.audit.head(id)
    const verifier = createChainVerifier(sha256)
    let events = 0
    let broken: ChainBreak | null = null
    for await (const record of store.read.audit.inOrder(id)) {
      events += 1
      broken = verifier.next(record)
      if (broken !== null) break
    }
    reports.push({ organisationId: id, events, broken: broken ?? verifier.end(head) })
  }
  return reports
}
