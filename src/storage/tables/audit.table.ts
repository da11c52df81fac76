export interface AuditEventTable {
  organisation_id: string
  /** 1, 2, 3 … within the organisation: the chain's order. */
  seq: number
  id: string
  at: string
  actor_id: string | null
  actor_label: string
  action: string
  entity_type: string
  entity_id: string
  /** {before, after} as JSON; null once disposal has erased it (the digest stays, so the chain still verifies). */
  payload: string | null
  /** SHA-256 of the payload text. */
  payload_digest: string
  previous_hash: string
  /** SHA-256 over the previous hash and this event's fields. */
  hash: string
}

/** The end of each organisation's chain, locked while an event is appended so that the chain never forks. */
export interface AuditHeadTable {
  organisation_id: string
  seq: number
  hash: string
}
