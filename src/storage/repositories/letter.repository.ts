import type { Kysely } from 'kysely'
import type { LetterDocument, LetterKind } from '../../domain/letters/letter-document.ts'
import type { Schema } from '../tables/schema.ts'
import { readJsonColumn } from './json-column.ts'

/** A letter kept on a case: an officer's edit of the generated text, or the letter as it went out. */
export interface StoredLetter {
  readonly id: string
  readonly organisationId: string
  readonly caseId: string
  readonly kind: LetterKind
  readonly status: 'draft' | 'issued'
  readonly body: LetterDocument
  readonly editedBy: string | null
  readonly issuedOn: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

export const createLetterRepository = (db: Kysely<Schema>) => ({
  /** The letter of this kind and status on the case (the latest, for issued letters). */
  find: async (
    organisationId: string,
    caseId: string,
    kind: LetterKind,
    status: StoredLetter['status'],
  ): Promise<StoredLetter | undefined> => {
    const row = await db
      .selectFrom('case_letter')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('status', '=', status)
      .orderBy('created_at', 'desc')
      .executeTakeFirst()
    if (row === undefined) return undefined
    return {
      id: row.id,
      organisationId: row.organisation_id,
      caseId: row.case_id,
      kind: row.kind as LetterKind,
      status: row.status as StoredLetter['status'],
      body: readJsonColumn(row.body, 'case_letter.body'),
      editedBy: row.edited_by,
      issuedOn: row.issued_on,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  },

  /** Keeps an officer's edit as the draft of its kind, replacing an earlier one. */
  saveDraft: async (letter: StoredLetter): Promise<void> => {
    await db
      .deleteFrom('case_letter')
      .where('case_id', '=', letter.caseId)
      .where('kind', '=', letter.kind)
      .where('status', '=', 'draft')
      .execute()
    await db.insertInto('case_letter').values(toRow(letter)).execute()
  },

  discardDraft: async (organisationId: string, caseId: string, kind: LetterKind): Promise<boolean> => {
    const deleted = await db
      .deleteFrom('case_letter')
      .where('organisation_id', '=', organisationId)
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    return Number(deleted.numDeletedRows) > 0
  },

  /** Keeps the letter as it went out; the draft it came from, if any, is gone. */
  saveIssued: async (letter: StoredLetter): Promise<void> => {
    await db
      .deleteFrom('case_letter')
      .where('case_id', '=', letter.caseId)
      .where('kind', '=', letter.kind)
      .where('status', '=', 'draft')
      .execute()
    await db.insertInto('case_letter').values(toRow(letter)).execute()
  },
})

const toRow = (letter: StoredLetter) => ({
  id: letter.id,
  organisation_id: letter.organisationId,
  case_id: letter.caseId,
  kind: letter.kind,
  status: letter.status,
  body: JSON.stringify(letter.body),
  edited_by: letter.editedBy,
  issued_on: letter.issuedOn,
  created_at: letter.createdAt,
  updated_at: letter.updatedAt,
})
