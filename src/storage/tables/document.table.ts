import type { Generated } from 'kysely'

export interface JobTable {
  id: string
  organisation_id: string
  case_id: string | null
  kind: string
  state: string
  payload: string
  total: number
  done: number
  summary: string | null
  error: string | null
  attempts: Generated<number>
  created_by: string
  created_at: string
  started_at: string | null
  finished_at: string | null
}

export interface DocumentTable {
  id: string
  organisation_id: string
  case_id: string
  parent_id: string | null
  job_id: string | null
  job_item: number | null
  name: string
  sha256: string | null
  size: number | null
  media_type: string | null
  kind: string | null
  status: string
  problem_code: string | null
  problem: string | null
  source: string
  custodian: string | null
  title: string | null
  author: string | null
  authored_at: string | null
  modified_at: string | null
  document_date: string | null
  email_from: string | null
  email_to: string | null
  email_subject: string | null
  message_id: string | null
  page_count: number
  text_length: number
  hidden: string
  notes: string
  email: string | null
  fingerprint: string | null
  duplicate_of: string | null
  near_duplicate_of: string | null
  similarity: number | null
  thread_id: string | null
  thread_role: string | null
  scope: string
  created_at: string
}

export interface DocumentPageTable {
  document_id: string
  number: number
  width: number
  height: number
  rotation: number
  ocr: number
  text_offset: number
  text_length: number
  words: string
}

export interface DocumentTextTable {
  id: Generated<number>
  document_id: string
  case_id: string
  seq: number
  page: number | null
  text_offset: number
  text: string
}

export interface DocumentFindingTable {
  id: string
  organisation_id: string
  case_id: string
  document_id: string
  type: string
  start: number
  end: number
  text: string
  text_key: string
  page: number | null
  boxes: string | null
  score: number
  reason: string
  status: string
  decided_how: string | null
  decided_by: string | null
  decided_at: string | null
}

export interface FindingDecisionTable {
  case_id: string
  type: string
  text_key: string
  decision: string
  decided_by: string
  decided_at: string
}

export interface DirectoryPersonTable {
  id: string
  organisation_id: string
  name: string
  email: string | null
  job_title: string | null
  released: number
  created_at: string
}
