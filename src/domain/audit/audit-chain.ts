/**
 * The audit trail is a hash chain: each event's hash covers the previous event's hash, its own fields and a digest
 * of its payload (the before and after). Editing, removing or reordering any event breaks every hash after it.
 * Keeping a digest of the payload, not the payload itself, in the hash lets disposal erase personal data from old
 * payloads later without breaking the chain.
 */

/** The hash the first event in an organisation's chain follows. */
export const GENESIS_HASH = '0'.repeat(64)

export interface AuditRecord {
  readonly organisationId: string
  readonly seq: number
  readonly id: string
  readonly at: string
  readonly actorId: string | null
  readonly actorLabel: string
  readonly action: string
  readonly entityType: string
  readonly entityId: string
  /** {before, after} as canonical JSON; null once erased by disposal. */
  readonly payload: string | null
  readonly payloadDigest: string
  readonly previousHash: string
  readonly hash: string
}

export type Sha256 = (text: string) => string

/** JSON with object keys sorted, so that the same value always gives the same text. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  )

/** The text an event's hash is taken over. */
const hashedText = (record: Omit<AuditRecord, 'hash' | 'payload'>): string =>
  canonicalJson([
    record.previousHash,
    record.organisationId,
    record.seq,
    record.id,
    record.at,
    record.actorId,
    record.actorLabel,
    record.action,
    record.entityType,
    record.entityId,
    record.payloadDigest,
  ])

export const hashAuditRecord = (sha256: Sha256, record: Omit<AuditRecord, 'hash' | 'payload'>): string =>
  sha256(hashedText(record))

/** A new event, sealed onto the end of the chain. */
export const sealAuditRecord = (
  sha256: Sha256,
  previous: { readonly seq: number; readonly hash: string },
  event: Omit<AuditRecord, 'seq' | 'previousHash' | 'hash' | 'payloadDigest' | 'payload'> & {
    readonly payload: string
  },
): AuditRecord => {
  const unsealed = {
    ...event,
    seq: previous.seq + 1,
    previousHash: previous.hash,
    payloadDigest: sha256(event.payload),
  }
  return { ...unsealed, hash: hashAuditRecord(sha256, unsealed) }
}

export interface ChainBreak {
  readonly seq: number
  readonly id: string
  readonly reason: string
}

/**
 * Checks a chain one event at a time, in order from its first event, so that a long chain never sits in memory:
 * `next` returns the first event that does not fit and why; `end` compares the last event with the head the
 * database recorded, so that removing events from the end is caught too.
 */
export const createChainVerifier = (sha256: Sha256) => {
  let previous = { seq: 0, hash: GENESIS_HASH }
  let lastId = ''
  return {
    next: (record: AuditRecord): ChainBreak | null => {
      const at = { seq: record.seq, id: record.id }
      if (record.seq !== previous.seq + 1) {
        return {
          ...at,
          reason:
            record.seq === previous.seq + 2
              ? `event ${previous.seq + 1} is missing`
              : record.seq > previous.seq + 2
                ? `events ${previous.seq + 1} to ${record.seq - 1} are missing`
                : `event ${record.seq} is out of order`,
        }
      }
      if (record.previousHash !== previous.hash) {
        return { ...at, reason: 'it does not follow the event before it (an event was removed, added or reordered)' }
      }
      if (record.payload !== null && sha256(record.payload) !== record.payloadDigest) {
        return { ...at, reason: 'its before-and-after record was changed' }
      }
      if (hashAuditRecord(sha256, record) !== record.hash) {
        return { ...at, reason: 'its details (who, when, what) were changed' }
      }
      previous = { seq: record.seq, hash: record.hash }
      lastId = record.id
      return null
    },
    end: (head: { readonly seq: number; readonly hash: string } | null): ChainBreak | null =>
      head !== null && (head.seq !== previous.seq || head.hash !== previous.hash)
        ? {
            seq: previous.seq + 1,
            id: lastId,
            reason: `the chain should end at event ${head.seq}, but it ends at event ${previous.seq} (events were removed from the end, or the record of its end was changed)`,
          }
        : null,
  }
}

/** Checks a whole chain held in memory: the first event that does not fit, or null. */
export const findChainBreak = (
  sha256: Sha256,
  records: Iterable<AuditRecord>,
  head: { readonly seq: number; readonly hash: string } | null,
): ChainBreak | null => {
  const verifier = createChainVerifier(sha256)
  for (const record of records) {
    const broken = verifier.next(record)
    if (broken !== null) return broken
  }
  return verifier.end(head)
}
