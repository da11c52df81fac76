import type { AuditEventTable, AuditHeadTable } from './audit.table.ts'
import type { CaseLetterTable, CaseLinkTable, CasePartTable, CaseTable, RequesterTable } from './case.table.ts'
import type {
  DirectoryPersonTable,
  DocumentFindingTable,
  DocumentPageTable,
  DocumentTable,
  DocumentTextTable,
  FindingDecisionTable,
  JobTable,
} from './document.table.ts'
import type { OrganisationTable } from './organisation.table.ts'
import type { ApiTokenTable, UserAccountTable, UserSessionTable } from './user.table.ts'

/** Every table, as Kysely sees it. Names are singular and snake_case. */
export interface Schema {
  organisation: OrganisationTable
  user_account: UserAccountTable
  user_session: UserSessionTable
  api_token: ApiTokenTable
  requester: RequesterTable
  case: CaseTable
  case_part: CasePartTable
  case_link: CaseLinkTable
  case_letter: CaseLetterTable
  audit_event: AuditEventTable
  audit_head: AuditHeadTable
  job: JobTable
  document: DocumentTable
  document_page: DocumentPageTable
  document_text: DocumentTextTable
  document_finding: DocumentFindingTable
  finding_decision: FindingDecisionTable
  directory_person: DirectoryPersonTable
}
