import type { Migration } from 'kysely'
import * as cases from './2026-11-24T1200-cases.ts'
import * as decisionsAndLetters from './2026-11-24T1800-decisions-and-letters.ts'
import * as documents from './2026-11-24T2100-documents.ts'

/** Every migration, in order. Names sort in time; a migration, once released, never changes. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-24T1200-cases': cases,
  '2026-11-24T1800-decisions-and-letters': decisionsAndLetters,
  '2026-11-24T2100-documents': documents,
}
