import { readReferencePattern } from '../../domain/case/case-reference.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import type { Store } from '../../storage/store.ts'
import type { Clock } from '../clock.ts'
import { recordAudit } from '../audit/audit-trail.ts'
import { commandLineActor } from '../actor.ts'
import { newId } from '../ids.ts'
import { invalid, type ServiceError } from '../service-error.ts'
import { organisationSchema, problemsFromZod } from '../cases/case-document.ts'

/**
 * Organisations are set up by whoever runs the installation (the command line, or the demonstration loader):
 * there is no page that lets one organisation's administrator see another.
 */
export const createOrganisationService = (dependencies: { readonly store: Store; readonly clock: Clock }) => {
  const { store, clock } = dependencies
  return {
    addOrganisation: async (input: unknown): Promise<Result<Organisation, ServiceError>> => {
      const parsed = organisationSchema.safeParse(input)
      if (!parsed.success) return fail(invalid(problemsFromZod(parsed.error)))
      const pattern = readReferencePattern(parsed.data.referencePattern)
      if (!pattern.ok) return fail(invalid([{ field: 'referencePattern', message: pattern.error }]))
      return store.transaction(async (repositories) => {
        if ((await repositories.organisations.findBySlug(parsed.data.slug)) !== undefined) {
          return fail(
            invalid([{ field: 'slug', message: `There is already an organisation called ${parsed.data.slug}` }]),
          )
        }
        const organisation: Organisation = { id: newId(), ...parsed.data, referencePattern: pattern.value }
        await repositories.organisations.insert(organisation, clock.now())
        await recordAudit(repositories, commandLineActor(organisation.id), clock, {
          action: 'organisation.added',
          entityType: 'organisation',
          entityId: organisation.id,
          before: null,
          after: organisation,
        })
        return ok(organisation)
      })
    },
    findBySlug: (slug: string) => store.read.organisations.findBySlug(slug),
    findById: (id: string) => store.read.organisations.findById(id),
    list: () => store.read.organisations.list(),
  }
}

export type OrganisationService = ReturnType<typeof createOrganisationService>
