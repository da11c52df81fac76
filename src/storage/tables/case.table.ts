import type { Generated } from 'kysely'

export interface RequesterTable {
  id: string
  organisation_id: string
  name: string
  email: string | null
  postal_address: string | null
  type: string
  erased_at: string | null
  created_at: string
}

export interface CaseTable {
  id: string
  organisation_id: string
  reference: string
  kind: string
  regime: string
  state: string
  received_on: string
  channel: string
  request_text: string
  requester_id: string | null
  assigned_officer_id: string | null
  team: string | null
  /** CaseClock as JSON: the clock events, time for compliance and school closures. */
  clock: string
  /** ExemptionDecision[] as JSON. */
  exemption_decisions: Generated<string>
  responded_on: string | null
  closed_on: string | null
  /** Who last sent the case for approval (the approver must be someone else). */
  submitted_by: string | null
  version: number
  created_at: string
  updated_at: string
}

export interface CasePartTable {
  id: string
  case_id: string
  position: number
  question: string
  outcome: string | null
  /** PublishedLink[] as JSON. */
  published_links: string
  disclosure_log_reference: string | null
  transferred_to: string | null
  /** string[] as JSON. */
  exemption_ids: string
  /** string[] as JSON. */
  document_ids: string
  explanation: string
}

export interface CaseLinkTable {
  case_id: string
  position: number
  kind: string
  reference: string
  note: string
}

export interface CaseLetterTable {
  id: string
  organisation_id: string
  case_id: string
  kind: string
  /** `draft` (an officer's edit, until it goes) or `issued` (as sent). */
  status: string
  /** LetterDocument as JSON. */
  body: string
  edited_by: string | null
  issued_on: string | null
  created_at: string
  updated_at: string
}
