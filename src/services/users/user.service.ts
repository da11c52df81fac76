import { isRole, ROLE_NAMES, ROLES, type Role } from '../../domain/access/role.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import type { UserRecord } from '../../storage/repositories/user.repository.ts'
import type { Store } from '../../storage/store.ts'
import { actorMay, type Actor } from '../actor.ts'
import { recordAudit } from '../audit/audit-trail.ts'
import type { Clock } from '../clock.ts'
import { newId, newSecret, sha256 } from '../ids.ts'
import { forbidden, invalid, notFound, type FieldProblem, type ServiceError } from '../service-error.ts'
import { checkPassword, hashPassword, verifyPassword } from './password.ts'

/** A user as others may see them: never the password hash. */
export interface User {
  readonly id: string
  readonly organisationId: string
  readonly email: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly team: string | null
  readonly disabled: boolean
  readonly canSignIn: boolean
}

export const toUser = (record: UserRecord): User => ({
  id: record.id,
  organisationId: record.organisationId,
  email: record.email,
  displayName: record.displayName,
  roles: record.roles,
  team: record.team,
  disabled: record.disabledAt !== null,
  canSignIn: record.passwordHash !== null && record.disabledAt === null,
})

export const actorFor = (user: User): Actor => ({
  userId: user.id,
  organisationId: user.organisationId,
  roles: user.roles,
  label: user.email,
})

export interface NewUser {
  readonly email: string
  readonly displayName?: string
  readonly roles: readonly string[]
  readonly team?: string | null
  /** Omit for an account that signs in only with API tokens, or that an administrator activates later. */
  readonly password?: string
}

/** How long a session lasts without use before the person must sign in again. */
export const SESSION_HOURS = 12

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const createUserService = (dependencies: { readonly store: Store; readonly clock: Clock }) => {
  const { store, clock } = dependencies

  const checkNewUser = (input: NewUser): FieldProblem[] => {
    const problems: FieldProblem[] = []
    if (!EMAIL.test(input.email.trim())) {
      problems.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' })
    }
    if (input.roles.length === 0) {
      problems.push({ field: 'roles', message: `Choose at least one role: ${ROLES.join(', ')}` })
    }
    for (const role of input.roles) {
      if (!isRole(role)) problems.push({ field: 'roles', message: `“${role}” is not a role: use ${ROLES.join(', ')}` })
    }
    if (input.password !== undefined) {
      const problem = checkPassword(input.password)
      if (problem !== null) problems.push({ field: 'password', message: problem })
    }
    return problems
  }

  return {
    /** Adds a user to the actor's organisation. Administrators only. */
    addUser: async (actor: Actor, input: NewUser): Promise<Result<User, ServiceError>> => {
      if (!actorMay(actor, 'manage-users')) return fail(forbidden('Only an administrator can add users'))
      const problems = checkNewUser(input)
      if (problems.length > 0) return fail(invalid(problems))
      const email = input.email.trim().toLowerCase()
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password)
      return store.transaction(async (repositories) => {
        if ((await repositories.users.findByEmail(email)) !== undefined) {
          return fail(invalid([{ field: 'email', message: `There is already a user with the email address ${email}` }]))
        }
        const record: UserRecord = {
          id: newId(),
          organisationId: actor.organisationId,
          email,
          displayName: input.displayName?.trim() || email,
          passwordHash,
          roles: [...new Set(input.roles as Role[])],
          team: input.team ?? null,
          disabledAt: null,
          createdAt: clock.now(),
        }
        await repositories.users.insert(record)
        const user = toUser(record)
        await recordAudit(repositories, actor, clock, {
          action: 'user.added',
          entityType: 'user',
          entityId: user.id,
          before: null,
          after: { email: user.email, displayName: user.displayName, roles: user.roles, team: user.team },
        })
        return ok(user)
      })
    },

    /**
     * Sets a user's password (an administrator, or the user themself), and ends their sessions so that a password
     * changed after a suspected compromise locks everyone else out.
     */
    setPassword: async (actor: Actor, userId: string, password: string): Promise<Result<User, ServiceError>> => {
      if (actor.userId !== userId && !actorMay(actor, 'manage-users')) {
        return fail(forbidden('Only an administrator can set someone else’s password'))
      }
      const problem = checkPassword(password)
      if (problem !== null) return fail(invalid([{ field: 'password', message: problem }]))
      const passwordHash = await hashPassword(password)
      return store.transaction(async (repositories) => {
        const record = await repositories.users.findInOrganisation(actor.organisationId, userId)
        if (record === undefined) return fail(notFound('There is no such user in your organisation'))
        const updated: UserRecord = { ...record, passwordHash }
        await repositories.users.update(updated)
        await repositories.users.deleteSessionsOf(userId)
        await recordAudit(repositories, actor, clock, {
          action: 'user.password-set',
          entityType: 'user',
          entityId: userId,
          before: { canSignIn: record.passwordHash !== null },
          after: { canSignIn: true },
        })
        return ok(toUser(updated))
      })
    },

    /** Finds a user of the actor's organisation by email address. */
    findUserByEmail: async (actor: Actor, email: string): Promise<Result<User, ServiceError>> => {
      const record = await store.read.users.findByEmail(email)
      return record === undefined || record.organisationId !== actor.organisationId
        ? fail(notFound(`There is no user ${email.trim().toLowerCase()} in your organisation`))
        : ok(toUser(record))
    },

    listUsers: async (actor: Actor): Promise<Result<User[], ServiceError>> => {
      if (!actorMay(actor, 'read-cases')) return fail(forbidden('Your role cannot list users'))
      return ok((await store.read.users.listInOrganisation(actor.organisationId)).map(toUser))
    },

    findUser: async (actor: Actor, id: string): Promise<Result<User, ServiceError>> => {
      const record = await store.read.users.findInOrganisation(actor.organisationId, id)
      return record === undefined ? fail(notFound('There is no such user in your organisation')) : ok(toUser(record))
    },

    /** Signs in with email and password; the session token goes in a cookie and nowhere else. */
    signIn: async (
      email: string,
      password: string,
    ): Promise<Result<{ user: User; sessionToken: string; csrfToken: string; expiresAt: string }, string>> => {
      const wrong = 'Enter a correct email address and password'
      const record = await store.read.users.findByEmail(email)
      if (record === undefined || record.passwordHash === null || record.disabledAt !== null) {
        // Spend the same time as a real check, so that timing does not say which email addresses exist.
        await verifyPassword(password, 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86))
        return fail(wrong)
      }
      if (!(await verifyPassword(password, record.passwordHash))) return fail(wrong)
      const sessionToken = newSecret()
      const csrfToken = newSecret()
      const expiresAt = new Date(Date.parse(clock.now()) + SESSION_HOURS * 3600_000).toISOString()
      await store.read.users.insertSession({
        id: sha256(sessionToken),
        userId: record.id,
        csrfToken,
        createdAt: clock.now(),
        expiresAt,
      })
      return ok({ user: toUser(record), sessionToken, csrfToken, expiresAt })
    },

    /** The signed-in user behind a session cookie, if the session is live and the user still enabled. */
    userForSession: async (sessionToken: string): Promise<{ user: User; csrfToken: string } | undefined> => {
      const session = await store.read.users.findSession(sha256(sessionToken))
      if (session === undefined || session.expiresAt <= clock.now()) return undefined
      const record = await store.read.users.findById(session.userId)
      if (record === undefined || record.disabledAt !== null) return undefined
      return { user: toUser(record), csrfToken: session.csrfToken }
    },

    signOut: async (sessionToken: string): Promise<void> => {
      await store.read.users.deleteSession(sha256(sessionToken))
    },

    /** Makes an API token for a user; the token is returned once and only its hash is kept. */
    createApiToken: async (
      actor: Actor,
      userId: string,
      name: string,
    ): Promise<Result<{ token: string; id: string }, ServiceError>> => {
      if (actor.userId !== userId && !actorMay(actor, 'manage-users')) {
        return fail(forbidden('Only an administrator can make API tokens for someone else'))
      }
      if (name.trim() === '')
        return fail(invalid([{ field: 'name', message: 'Name the token after what will use it' }]))
      return store.transaction(async (repositories) => {
        const user = await repositories.users.findInOrganisation(actor.organisationId, userId)
        if (user === undefined) return fail(notFound('There is no such user in your organisation'))
        const token = `dsc_${newSecret()}`
        const id = newId()
        await repositories.users.insertApiToken({
          id,
          userId,
          name: name.trim(),
          tokenHash: sha256(token),
          createdAt: clock.now(),
          lastUsedAt: null,
          revokedAt: null,
        })
        await recordAudit(repositories, actor, clock, {
          action: 'user.api-token-created',
          entityType: 'user',
          entityId: userId,
          before: null,
          after: { tokenId: id, name: name.trim() },
        })
        return ok({ token, id })
      })
    },

    /** The user behind an API token (`Authorization: Bearer dsc_…`), if it is live. */
    userForApiToken: async (token: string): Promise<User | undefined> => {
      const found = await store.read.users.findApiTokenByHash(sha256(token))
      if (found === undefined || found.revokedAt !== null) return undefined
      const record = await store.read.users.findById(found.userId)
      if (record === undefined || record.disabledAt !== null) return undefined
      await store.read.users.touchApiToken(found.id, clock.now())
      return toUser(record)
    },

    roleNames: ROLE_NAMES,
  }
}

export type UserService = ReturnType<typeof createUserService>
