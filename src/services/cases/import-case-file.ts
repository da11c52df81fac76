import type { UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import type { Repositories, Store } from '../../storage/store.ts'
import { commandLineActor } from '../actor.ts'
import type { Clock } from '../clock.ts'
import { createOrganisationService, type OrganisationService } from '../organisations/organisation.service.ts'
import { invalid, notFound, type ServiceError } from '../service-error.ts'
import { createUserService, type User, type UserService } from '../users/user.service.ts'
import { caseDocumentSchema, problemsFromZod } from './case-document.ts'
import { createCaseService, type CaseService, type CaseView } from './case.service.ts'

/** What the services that set up an installation need: the store, the time and the calendar in force. */
export interface InstallationDependencies {
  readonly store: Store
  readonly clock: Clock
  readonly calendar: () => UkCalendar
}

/** The services, every one of them working inside the same transaction. */
export interface TransactionServices {
  readonly organisations: OrganisationService
  readonly users: UserService
  readonly cases: CaseService
  readonly repositories: Repositories
}

/** Carries a refusal out of the transaction, so that the transaction rolls back. */
class RolledBack extends Error {
  readonly error: ServiceError
  constructor(error: ServiceError) {
    super(error.message)
    this.error = error
  }
}

/**
 * Runs several service calls as one change: all of them, or — when any is refused, or anything throws — none.
 * Each service opens its own transaction; here they are given a store bound to one outer transaction, so that an
 * import that adds an organisation and a user and then finds the case's reference taken leaves nothing behind.
 * (Services that read through `store.read` read inside the transaction too, which SQLite's single connection needs.)
 */
export const inOneTransaction = async <T>(
  dependencies: InstallationDependencies,
  work: (services: TransactionServices) => Promise<Result<T, ServiceError>>,
): Promise<Result<T, ServiceError>> => {
  const { store, clock, calendar } = dependencies
  try {
    return await store.transaction(async (repositories) => {
      const bound: Store = {
        dialect: store.dialect,
        description: store.description,
        read: repositories,
        transaction: (inner) => inner(repositories),
        close: () => Promise.reject(new Error('A store bound to a transaction cannot be closed')),
      }
      const result = await work({
        organisations: createOrganisationService({ store: bound, clock }),
        users: createUserService({ store: bound, clock }),
        cases: createCaseService({ store: bound, clock, calendar }),
        repositories,
      })
      if (!result.ok) throw new RolledBack(result.error)
      return result
    })
  } catch (error) {
    if (error instanceof RolledBack) return fail(error.error)
    throw error
  }
}

/**
 * `disclose case show --json` prints the case's JSON form with its deadline, worked out when it was shown. The
 * deadline is derived, never kept, so an import leaves it (and any clock problems) out rather than refusing the file.
 */
const withoutWorkedOut = (input: unknown): unknown => {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input
  const { deadline: _deadline, clockProblems: _clockProblems, ...stored } = input as Record<string, unknown>
  return stored
}

export interface ImportedCaseFile {
  readonly view: CaseView
  /** The organisation the export came from, added because this installation had none with its short name. */
  readonly organisationAdded: Organisation | null
  /** The assigned officer, added because nobody here had their email address; they have no password yet. */
  readonly officerAdded: User | null
}

export interface ImportCaseFileOptions {
  /** Import into this organisation (its short name) instead of the one the export names. */
  readonly organisationSlug?: string
}

/**
 * Imports a case in its JSON form (what `disclose case export` wrote, here or on another installation), keeping its
 * reference, state, parts and dates. What the case needs and this installation lacks is set up first, from the
 * export itself: the organisation, from its `organisation` block, when none here has that short name; and the
 * assigned officer, from `assignedOfficer`, when nobody here has that email address — without a password, so they
 * cannot sign in until an administrator sets one. All of it happens in one transaction: a case that cannot be
 * imported leaves no organisation or user behind.
 */
export const importCaseFile = async (
  dependencies: InstallationDependencies,
  input: unknown,
  options: ImportCaseFileOptions = {},
): Promise<Result<ImportedCaseFile, ServiceError>> => {
  const stored = withoutWorkedOut(input)
  const parsed = caseDocumentSchema.safeParse(stored)
  if (!parsed.success) return fail(invalid(problemsFromZod(parsed.error)))
  const document = parsed.data

  return inOneTransaction(dependencies, async ({ organisations, users, cases, repositories }) => {
    let organisation: Organisation | undefined
    let organisationAdded: Organisation | null = null
    const slug = options.organisationSlug ?? document.organisation?.slug
    if (slug === undefined) {
      const all = await repositories.organisations.list()
      if (all.length !== 1) {
        return fail(
          invalid([
            {
              field: 'organisation',
              message:
                all.length === 0
                  ? 'The case does not say which organisation it belongs to, and there is none here yet: add one first'
                  : `The case does not say which organisation it belongs to: choose one of ${all.map((o) => o.slug).join(', ')}`,
            },
          ]),
        )
      }
      organisation = all[0]
    } else {
      organisation = await repositories.organisations.findBySlug(slug)
      if (organisation === undefined) {
        if (document.organisation === undefined || document.organisation.slug !== slug) {
          return fail(notFound(`There is no organisation ${slug} here`))
        }
        const added = await organisations.addOrganisation((stored as { organisation: unknown }).organisation)
        if (!added.ok) {
          return added.error.kind === 'invalid'
            ? fail(
                invalid(
                  added.error.problems.map((problem) => ({ ...problem, field: `organisation/${problem.field}` })),
                ),
              )
            : added
        }
        organisation = added.value
        organisationAdded = added.value
      }
    }
    if (organisation === undefined) throw new Error('unreachable: an organisation was chosen')
    const actor = commandLineActor(organisation.id)

    let officerAdded: User | null = null
    const officer = document.assignedOfficer
    if (officer !== null && (await repositories.users.findByEmail(officer.email.trim().toLowerCase())) === undefined) {
      const added = await users.addUser(actor, {
        email: officer.email,
        ...(officer.displayName === undefined ? {} : { displayName: officer.displayName }),
        roles: officer.roles === undefined || officer.roles.length === 0 ? ['officer'] : officer.roles,
      })
      if (!added.ok) {
        return added.error.kind === 'invalid'
          ? fail(
              invalid(
                added.error.problems.map((problem) => ({ ...problem, field: `assignedOfficer/${problem.field}` })),
              ),
            )
          : added
      }
      officerAdded = added.value
    }

    const imported = await cases.importCase(actor, stored)
    if (!imported.ok) return imported
    return ok({ view: imported.value, organisationAdded, officerAdded })
  })
}
