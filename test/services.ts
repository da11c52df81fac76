import type { Role } from '../src/domain/access/role.ts'
import { DEFAULT_REFERENCE_PATTERN } from '../src/domain/case/case-reference.ts'
import type { Organisation } from '../src/domain/case/organisation.ts'
import type { Actor } from '../src/services/actor.ts'
import { createCaseService } from '../src/services/cases/case.service.ts'
import { fixedClock, type Clock } from '../src/services/clock.ts'
import { createOrganisationService } from '../src/services/organisations/organisation.service.ts'
import { createUserService, actorFor } from '../src/services/users/user.service.ts'
import { createStore, type Store } from '../src/storage/store.ts'
import type { Database } from '../src/storage/database.ts'
import { defaultUkCalendar } from './uk-calendar.ts'

/** The day the service tests live on: after both seed cases were answered. */
export const TEST_NOW = '2024-12-04T10:00:00.000Z'

export interface TestServices {
  readonly store: Store
  readonly clock: Clock
  readonly organisations: ReturnType<typeof createOrganisationService>
  readonly users: ReturnType<typeof createUserService>
  readonly cases: ReturnType<typeof createCaseService>
}

export const buildTestServices = (database: Database, clock: Clock = fixedClock(TEST_NOW)): TestServices => {
  const store = createStore(database)
  const calendar = defaultUkCalendar()
  return {
    store,
    clock,
    organisations: createOrganisationService({ store, clock }),
    users: createUserService({ store, clock }),
    cases: createCaseService({ store, clock, calendar: () => calendar }),
  }
}

let organisationCount = 0

/** A synthetic organisation, unique within the database. */
export const addTestOrganisation = async (
  services: TestServices,
  overrides: Partial<Organisation> = {},
): Promise<Organisation> => {
  organisationCount += 1
  const added = await services.organisations.addOrganisation({
    slug: `test-authority-${organisationCount}-${Math.random().toString(36).slice(2, 8)}`,
    name: `Test Authority ${organisationCount}`,
    nation: 'england-and-wales',
    defaultRegime: 'foia',
    referencePattern: DEFAULT_REFERENCE_PATTERN,
    govUkBranding: false,
    letters: { teamName: 'Information Access Team' },
    ...overrides,
  })
  if (!added.ok) throw new Error(JSON.stringify(added.error))
  return added.value
}

/** Adds a user with the roles to the organisation and returns them as an actor. No password: tests act directly. */
export const addTestActor = async (
  services: TestServices,
  organisation: Organisation,
  roles: Role[],
): Promise<Actor> => {
  const admin: Actor = { userId: null, organisationId: organisation.id, roles: ['administrator'], label: 'test set-up' }
  const added = await services.users.addUser(admin, {
    email: `${roles.join('-')}-${Math.random().toString(36).slice(2, 10)}@example.org`,
    displayName: `Test ${roles.join(' and ')}`,
    roles,
  })
  if (!added.ok) throw new Error(JSON.stringify(added.error))
  return actorFor(added.value)
}
