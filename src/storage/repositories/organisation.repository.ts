import type { Kysely, Selectable } from 'kysely'
import type { Division } from '../../domain/calendar/division.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import type { Regime } from '../../domain/deadlines/regime.ts'
import type { Schema } from '../tables/schema.ts'
import type { OrganisationTable } from '../tables/organisation.table.ts'
import { readJsonColumn } from './json-column.ts'

const toOrganisation = (row: Selectable<OrganisationTable>): Organisation => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  nation: row.nation as Division,
  defaultRegime: row.default_regime as Regime,
  referencePattern: row.reference_pattern,
  govUkBranding: Number(row.gov_uk_branding) === 1,
  letters: readJsonColumn(row.letters, 'organisation.letters'),
})

export const createOrganisationRepository = (db: Kysely<Schema>) => ({
  insert: async (organisation: Organisation, createdAt: string): Promise<void> => {
    await db
      .insertInto('organisation')
      .values({
        id: organisation.id,
        slug: organisation.slug,
        name: organisation.name,
        nation: organisation.nation,
        default_regime: organisation.defaultRegime,
        reference_pattern: organisation.referencePattern,
        gov_uk_branding: organisation.govUkBranding ? 1 : 0,
        letters: JSON.stringify(organisation.letters),
        created_at: createdAt,
      })
      .execute()
  },
  update: async (organisation: Organisation): Promise<void> => {
    await db
      .updateTable('organisation')
      .set({
        name: organisation.name,
        nation: organisation.nation,
        default_regime: organisation.defaultRegime,
        reference_pattern: organisation.referencePattern,
        gov_uk_branding: organisation.govUkBranding ? 1 : 0,
        letters: JSON.stringify(organisation.letters),
      })
      .where('id', '=', organisation.id)
      .execute()
  },
  findById: async (id: string): Promise<Organisation | undefined> => {
    const row = await db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined ? undefined : toOrganisation(row)
  },
  findBySlug: async (slug: string): Promise<Organisation | undefined> => {
    const row = await db.selectFrom('organisation').selectAll().where('slug', '=', slug).executeTakeFirst()
    return row === undefined ? undefined : toOrganisation(row)
  },
  list: async (): Promise<Organisation[]> =>
    (await db.selectFrom('organisation').selectAll().orderBy('name').execute()).map(toOrganisation),
})

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>
