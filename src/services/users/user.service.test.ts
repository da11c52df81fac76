import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDialect, useTestDatabase } from '../../../test/database.ts'
import { addTestActor, addTestOrganisation, buildTestServices, TEST_NOW } from '../../../test/services.ts'
import type { Result } from '../../domain/result.ts'
import type { Actor } from '../actor.ts'
import { fixedClock } from '../clock.ts'
import { SESSION_HOURS, type User } from './user.service.ts'

const valueOf = <T, E>(result: Result<T, E>): T => {
  if (!result.ok) throw new Error(`Expected it to succeed, but: ${JSON.stringify(result.error)}`)
  return result.value
}

const errorOf = <T, E>(result: Result<T, E>): E => {
  if (result.ok) throw new Error('Expected it to fail, but it succeeded')
  return result.error
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

const later = (hours: number): string => new Date(Date.parse(TEST_NOW) + hours * 3600_000).toISOString()

const WRONG = 'Enter a correct email address and password'
const PASSWORD = 'a synthetic pass phrase'

let emailCount = 0
const uniqueEmail = (name: string): string => {
  emailCount += 1
  return `${name}.${emailCount}.${Math.random().toString(36).slice(2, 8)}@example.org`
}

describeEachDialect('the user service', (dialect) => {
  const database = useTestDatabase(dialect)

  const rowCounts = async () => {
    const counts: Record<string, number> = {}
    for (const table of ['user_account', 'user_session', 'api_token', 'audit_event']) {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
        database().db,
      )
      counts[table] = Number(rows[0]?.n)
    }
    return counts
  }

  const newOrganisation = async () => {
    const services = buildTestServices(database())
    const organisation = await addTestOrganisation(services)
    const administrator = await addTestActor(services, organisation, ['administrator'])
    return { services, organisation, administrator }
  }

  describe('adding users', () => {
    const invalidUsers: [string, { email: string; roles: string[]; password?: string }, string][] = [
      ['an email address without a domain', { email: 'alex@', roles: ['officer'] }, 'email'],
      ['an email address with a space', { email: 'alex smith@example.org', roles: ['officer'] }, 'email'],
      ['a role that does not exist', { email: 'alex@example.org', roles: ['superuser'] }, 'roles'],
      ['no role at all', { email: 'alex@example.org', roles: [] }, 'roles'],
      [
        'a password under 12 characters',
        { email: 'alex@example.org', roles: ['officer'], password: 'short' },
        'password',
      ],
    ]

    it.each(invalidUsers)('refuses %s, naming the field, and writes nothing', async (_name, input, field) => {
      const { services, administrator } = await newOrganisation()
      const before = await rowCounts()
      const error = errorOf(await services.users.addUser(administrator, input))
      expect(error.kind).toBe('invalid')
      expect(error.kind === 'invalid' && error.problems.map((problem) => problem.field)).toEqual([field])
      expect(await rowCounts()).toEqual(before)
    })

    it('refuses an email address already in use, whatever its case, in any organisation', async () => {
      const ours = await newOrganisation()
      const theirs = await newOrganisation()
      const email = uniqueEmail('dup')
      valueOf(await ours.services.users.addUser(ours.administrator, { email, roles: ['officer'] }))
      const before = await rowCounts()
      const error = errorOf(
        await theirs.services.users.addUser(theirs.administrator, {
          email: `  ${email.toUpperCase()} `,
          roles: ['auditor'],
        }),
      )
      expect(error).toMatchObject({ kind: 'invalid', problems: [{ field: 'email' }] })
      expect(await rowCounts()).toEqual(before)
    })

    it('lets only an administrator add users', async () => {
      const { services, organisation } = await newOrganisation()
      const officer = await addTestActor(services, organisation, ['officer'])
      const before = await rowCounts()
      const error = errorOf(await services.users.addUser(officer, { email: uniqueEmail('new'), roles: ['officer'] }))
      expect(error.kind).toBe('forbidden')
      expect(await rowCounts()).toEqual(before)
    })

    it('keeps the email address in lower case and each role once, and records the addition', async () => {
      const { services, organisation, administrator } = await newOrganisation()
      const email = uniqueEmail('Casey.Synthetic')
      const user = valueOf(
        await services.users.addUser(administrator, {
          email: `  ${email}  `,
          roles: ['officer', 'approver', 'officer'],
        }),
      )
      expect(user).toMatchObject({
        organisationId: organisation.id,
        email: email.toLowerCase(),
        displayName: email.toLowerCase(),
        roles: ['officer', 'approver'],
        disabled: false,
        canSignIn: false,
      })
      const events = await services.store.read.audit.forEntity(organisation.id, 'user', user.id)
      expect(events.map((event) => event.action)).toEqual(['user.added'])
      expect(JSON.parse(events[0]?.payload ?? 'null')).toEqual({
        before: null,
        after: {
          email: email.toLowerCase(),
          displayName: email.toLowerCase(),
          roles: ['officer', 'approver'],
          team: null,
        },
      })
    })

    it('lists and finds only the users of the actor’s own organisation', async () => {
      const ours = await newOrganisation()
      const theirs = await newOrganisation()
      const theirUser = valueOf(
        await theirs.services.users.addUser(theirs.administrator, { email: uniqueEmail('theirs'), roles: ['officer'] }),
      )
      const listed = valueOf(await ours.services.users.listUsers(ours.administrator))
      expect(listed.map((user) => user.organisationId)).toEqual([ours.organisation.id])
      expect(errorOf(await ours.services.users.findUser(ours.administrator, theirUser.id)).kind).toBe('not-found')
      expect(valueOf(await theirs.services.users.findUser(theirs.administrator, theirUser.id)).id).toBe(theirUser.id)
    })
  })

  // scrypt costs about 150 ms a call (more on a busy machine): one password hash, and a check per sign-in attempt.
  describe('signing in', { timeout: 30_000 }, () => {
    let services: ReturnType<typeof buildTestServices>
    let administrator: Actor
    let user: User
    const email = uniqueEmail('jordan.synthetic')

    beforeAll(async () => {
      ;({ services, administrator } = await newOrganisation())
      user = valueOf(await services.users.addUser(administrator, { email, roles: ['officer'], password: PASSWORD }))
    }, 30_000)

    /** A session made directly, so that session tests need no scrypt: the token, and its hash stored. */
    const newSession = async (): Promise<string> => {
      const token = `session-${Math.random().toString(36).slice(2)}-${Date.now()}`
      await services.store.read.users.insertSession({
        id: sha256(token),
        userId: user.id,
        csrfToken: 'synthetic-csrf-token',
        createdAt: TEST_NOW,
        expiresAt: later(SESSION_HOURS),
      })
      return token
    }

    it('sets a new password only for an administrator or the user themself, ending their sessions', async () => {
      const colleague = await addTestActor(services, (await services.organisations.findById(user.organisationId))!, [
        'officer',
      ])
      const refused = errorOf(await services.users.setPassword(colleague, user.id, 'another synthetic phrase'))
      expect(refused.kind).toBe('forbidden')
      const session = await newSession()
      const tooShort = errorOf(await services.users.setPassword(administrator, user.id, 'short'))
      expect(tooShort.kind === 'invalid' && tooShort.problems.map((problem) => problem.field)).toEqual(['password'])
      expect(await services.users.userForSession(session)).toBeDefined()
      valueOf(await services.users.setPassword(administrator, user.id, PASSWORD))
      expect(await services.users.userForSession(session)).toBeUndefined()
    }, 30_000)

    it('keeps only a scrypt hash of the password', async () => {
      const row = await database()
        .db.selectFrom('user_account')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow()
      expect(row.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/)
      expect(row.password_hash).not.toContain(PASSWORD)
      const events = await services.store.read.audit.forEntity(user.organisationId, 'user', user.id)
      expect(events[0]?.payload).not.toContain('scrypt')
    })

    it('signs in with the right password, whatever the case of the email address', async () => {
      const signedIn = valueOf(await services.users.signIn(`  ${email.toUpperCase()} `, PASSWORD))
      expect(signedIn.user.id).toBe(user.id)
      expect(signedIn.expiresAt).toBe(later(SESSION_HOURS))
      const found = await services.users.userForSession(signedIn.sessionToken)
      expect(found).toEqual({ user, csrfToken: signedIn.csrfToken })
      // Only a hash of the session token is stored: the token lives in the cookie alone.
      const rows = await database().db.selectFrom('user_session').selectAll().where('user_id', '=', user.id).execute()
      expect(rows.map((row) => row.id)).toContain(sha256(signedIn.sessionToken))
      expect(JSON.stringify(rows)).not.toContain(signedIn.sessionToken)
    })

    it('gives the same answer for a wrong password, an unknown email address and a user with no password', async () => {
      const tokenOnly = uniqueEmail('integration')
      valueOf(await services.users.addUser(administrator, { email: tokenOnly, roles: ['officer'] }))
      const before = await rowCounts()
      const answers = await Promise.all([
        services.users.signIn(email, 'a wrong pass phrase'),
        services.users.signIn(uniqueEmail('nobody'), PASSWORD),
        services.users.signIn(tokenOnly, PASSWORD),
      ])
      expect(answers.map(errorOf)).toEqual([WRONG, WRONG, WRONG])
      expect(await rowCounts()).toEqual(before)
    })

    it('ends a session after its hours are up', async () => {
      const token = await newSession()
      const at = (hours: number) => buildTestServices(database(), fixedClock(later(hours))).users
      expect((await at(0).userForSession(token))?.user.id).toBe(user.id)
      expect((await at(SESSION_HOURS - 0.01).userForSession(token))?.user.id).toBe(user.id)
      expect(await at(SESSION_HOURS).userForSession(token)).toBeUndefined()
      expect(await at(SESSION_HOURS + 24).userForSession(token)).toBeUndefined()
    })

    it('ends a session when the user signs out, and only that session', async () => {
      const [leaving, staying] = [await newSession(), await newSession()]
      await services.users.signOut(leaving)
      expect(await services.users.userForSession(leaving)).toBeUndefined()
      expect((await services.users.userForSession(staying))?.user.id).toBe(user.id)
      expect(await services.users.userForSession('not-a-session-token')).toBeUndefined()
    })

    it('shuts a disabled user out: no sign-in, no session, no API token', async () => {
      const session = await newSession()
      const token = valueOf(await services.users.createApiToken(administrator, user.id, 'Scanner'))
      expect(await services.users.userForSession(session)).toBeDefined()
      expect(await services.users.userForApiToken(token.token)).toBeDefined()

      const record = await services.store.read.users.findById(user.id)
      if (record === undefined) throw new Error('the user was not saved')
      await services.store.read.users.update({ ...record, disabledAt: TEST_NOW })

      expect(errorOf(await services.users.signIn(email, PASSWORD))).toBe(WRONG)
      expect(await services.users.userForSession(session)).toBeUndefined()
      expect(await services.users.userForApiToken(token.token)).toBeUndefined()
      expect(valueOf(await services.users.findUser(administrator, user.id))).toMatchObject({
        disabled: true,
        canSignIn: false,
      })
    })
  })

  describe('API tokens', () => {
    it('shows a token once, keeps only its hash, and refuses it once revoked', async () => {
      const { services, organisation, administrator } = await newOrganisation()
      const officer = await addTestActor(services, organisation, ['officer'])
      const made = valueOf(await services.users.createApiToken(officer, officer.userId ?? '', '  Records system '))
      expect(made.token).toMatch(/^dsc_[A-Za-z0-9_-]{43}$/)
      const other = valueOf(await services.users.createApiToken(administrator, officer.userId ?? '', 'Scanner'))
      expect(other.token).not.toBe(made.token)

      const rows = await database().db.selectFrom('api_token').selectAll().where('id', '=', made.id).execute()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ name: 'Records system', token_hash: sha256(made.token), revoked_at: null })
      expect(JSON.stringify(rows)).not.toContain(made.token.slice(4))
      const events = await services.store.read.audit.forEntity(organisation.id, 'user', officer.userId ?? '')
      expect(events.map((event) => event.action)).toContain('user.api-token-created')
      expect(JSON.stringify(events)).not.toContain(made.token.slice(4))

      const later = buildTestServices(database(), fixedClock('2024-12-05T09:30:00.000Z'))
      expect((await later.users.userForApiToken(made.token))?.id).toBe(officer.userId)
      const used = await database()
        .db.selectFrom('api_token')
        .select('last_used_at')
        .where('id', '=', made.id)
        .executeTakeFirstOrThrow()
      expect(used.last_used_at).toBe('2024-12-05T09:30:00.000Z')

      await services.store.read.users.revokeApiToken(made.id, TEST_NOW)
      expect(await services.users.userForApiToken(made.token)).toBeUndefined()
      expect((await services.users.userForApiToken(other.token))?.id).toBe(officer.userId)
      expect(await services.users.userForApiToken(`dsc_${'A'.repeat(43)}`)).toBeUndefined()
    })

    it('lets only an administrator make a token for someone else, within their organisation', async () => {
      const ours = await newOrganisation()
      const theirs = await newOrganisation()
      const officer = await addTestActor(ours.services, ours.organisation, ['officer'])
      const colleague = await addTestActor(ours.services, ours.organisation, ['officer'])
      const before = await rowCounts()
      expect(errorOf(await ours.services.users.createApiToken(officer, colleague.userId ?? '', 'Mine')).kind).toBe(
        'forbidden',
      )
      expect(
        errorOf(await theirs.services.users.createApiToken(theirs.administrator, officer.userId ?? '', 'Theirs')).kind,
      ).toBe('not-found')
      expect(errorOf(await ours.services.users.createApiToken(officer, officer.userId ?? '', '  ')).kind).toBe(
        'invalid',
      )
      expect(await rowCounts()).toEqual(before)
    })
  })
})
