import type { Migration } from 'kysely'
import * as cases from './2026-11-24T1200-cases.ts'

/** Every migration, in order. Names sort in time; a migration, once released, never changes. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-24T1200-cases': cases,
}
