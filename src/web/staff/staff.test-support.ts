import type { Role } from '../../domain/access/role.ts'
import { DEFAULT_REFERENCE_PATTERN } from '../../domain/case/case-reference.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import type { Dependencies } from '../../dependencies.ts'
import { commandLineActor, type Actor } from '../../services/actor.ts'
import { actorFor, type User } from '../../services/users/user.service.ts'
import { sessionCookieName } from '../authentication.ts'

/**
 * Shared set-up for the staff pages' tests (not a test itself): organisations, users with passwords, and signed-in
 * sessions made through the real services. Hashing a password costs about 150 ms, so each test file makes few users.
 */

export const TEST_PASSWORD = 'correct horse battery'

let organisations = 0

/** An organisation; its letter settings hold only the team's name unless `letters` gives more. */
export const addOrganisation = async (
  deps: Pick<Dependencies, 'organisations'>,
  name: string,
  letters: Readonly<Record<string, string>> = {},
): Promise<Organisation> => {
  organisations += 1
  const added = await deps.organisations.addOrganisation({
    slug: `web-test-${organisations}-${Math.random().toString(36).slice(2, 8)}`,
    name,
    nation: 'england-and-wales',
    defaultRegime: 'foia',
    referencePattern: DEFAULT_REFERENCE_PATTERN,
    govUkBranding: false,
    letters: { teamName: 'Information Access Team', ...letters },
  })
  if (!added.ok) throw new Error(JSON.stringify(added.error))
  return added.value
}

export interface SignedInStaff {
  readonly user: User
  readonly actor: Actor
  readonly email: string
  /** The `Cookie` header a browser signed in as this user would send. */
  readonly cookie: string
  /** The session's CSRF token, for `_csrf`. */
  readonly csrfToken: string
}

/** Adds a user with a password to the organisation, and signs them in. */
export const addSignedInStaff = async (
  deps: Pick<Dependencies, 'users'>,
  organisation: Organisation,
  roles: readonly Role[],
  displayName?: string,
): Promise<SignedInStaff> => {
  const email = `${roles.join('-')}-${Math.random().toString(36).slice(2, 10)}@example.org`
  const added = await deps.users.addUser(commandLineActor(organisation.id), {
    email,
    roles,
    password: TEST_PASSWORD,
    ...(displayName === undefined ? {} : { displayName }),
  })
  if (!added.ok) throw new Error(JSON.stringify(added.error))
  const signedIn = await deps.users.signIn(email, TEST_PASSWORD)
  if (!signedIn.ok) throw new Error(signedIn.error)
  return {
    user: added.value,
    actor: actorFor(added.value),
    email,
    cookie: `${sessionCookieName(false)}=${encodeURIComponent(signedIn.value.sessionToken)}`,
    csrfToken: signedIn.value.csrfToken,
  }
}

/** Logs a request as the command line (an administrator of the organisation) and returns its reference. */
export const logTestRequest = async (
  deps: Pick<Dependencies, 'cases'>,
  organisation: Organisation,
  input: Record<string, unknown>,
): Promise<string> => {
  const logged = await deps.cases.logRequest(commandLineActor(organisation.id), input)
  if (!logged.ok) throw new Error(JSON.stringify(logged.error))
  return logged.value.case.reference
}
