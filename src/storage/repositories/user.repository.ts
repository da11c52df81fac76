import type { Kysely, Selectable } from 'kysely'
import type { Role } from '../../domain/access/role.ts'
import type { Schema } from '../tables/schema.ts'
import type { UserAccountTable } from '../tables/user.table.ts'
import { readJsonColumn } from './json-column.ts'

/** A user as storage knows it. The password hash never leaves the services that check it. */
export interface UserRecord {
  readonly id: string
  readonly organisationId: string
  readonly email: string
  readonly displayName: string
  readonly passwordHash: string | null
  readonly roles: readonly Role[]
  readonly team: string | null
  readonly disabledAt: string | null
  readonly createdAt: string
}

export interface SessionRecord {
  readonly id: string
  readonly userId: string
  readonly csrfToken: string
  readonly createdAt: string
  readonly expiresAt: string
}

export interface ApiTokenRecord {
  readonly id: string
  readonly userId: string
  readonly name: string
  readonly tokenHash: string
  readonly createdAt: string
  readonly lastUsedAt: string | null
  readonly revokedAt: string | null
}

const toUser = (row: Selectable<UserAccountTable>): UserRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  email: row.email,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  roles: readJsonColumn(row.roles, 'user_account.roles'),
  team: row.team,
  disabledAt: row.disabled_at,
  createdAt: row.created_at,
})

export const createUserRepository = (db: Kysely<Schema>) => ({
  insert: async (user: UserRecord): Promise<void> => {
    await db
      .insertInto('user_account')
      .values({
        id: user.id,
        organisation_id: user.organisationId,
        email: user.email,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        roles: JSON.stringify(user.roles),
        team: user.team,
        disabled_at: user.disabledAt,
        created_at: user.createdAt,
      })
      .execute()
  },
  update: async (user: UserRecord): Promise<void> => {
    await db
      .updateTable('user_account')
      .set({
        display_name: user.displayName,
        password_hash: user.passwordHash,
        roles: JSON.stringify(user.roles),
        team: user.team,
        disabled_at: user.disabledAt,
      })
      .where('id', '=', user.id)
      .execute()
  },
  /** Any organisation's user: for sign-in and token checks, which then scope everything to the user's organisation. */
  findById: async (id: string): Promise<UserRecord | undefined> => {
    const row = await db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined ? undefined : toUser(row)
  },
  findByEmail: async (email: string): Promise<UserRecord | undefined> => {
    const row = await db
      .selectFrom('user_account')
      .selectAll()
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst()
    return row === undefined ? undefined : toUser(row)
  },
  findInOrganisation: async (organisationId: string, id: string): Promise<UserRecord | undefined> => {
    const row = await db
      .selectFrom('user_account')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .executeTakeFirst()
    return row === undefined ? undefined : toUser(row)
  },
  listInOrganisation: async (organisationId: string): Promise<UserRecord[]> =>
    (
      await db
        .selectFrom('user_account')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('display_name')
        .execute()
    ).map(toUser),

  insertSession: async (session: SessionRecord): Promise<void> => {
    await db
      .insertInto('user_session')
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute()
  },
  findSession: async (id: string): Promise<SessionRecord | undefined> => {
    const row = await db.selectFrom('user_session').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined
      ? undefined
      : {
          id: row.id,
          userId: row.user_id,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
  },
  deleteSession: async (id: string): Promise<void> => {
    await db.deleteFrom('user_session').where('id', '=', id).execute()
  },
  deleteSessionsOf: async (userId: string): Promise<void> => {
    await db.deleteFrom('user_session').where('user_id', '=', userId).execute()
  },
  deleteExpiredSessions: async (now: string): Promise<number> => {
    const result = await db.deleteFrom('user_session').where('expires_at', '<=', now).executeTakeFirst()
    return Number(result.numDeletedRows)
  },

  insertApiToken: async (token: ApiTokenRecord): Promise<void> => {
    await db
      .insertInto('api_token')
      .values({
        id: token.id,
        user_id: token.userId,
        name: token.name,
        token_hash: token.tokenHash,
        created_at: token.createdAt,
        last_used_at: token.lastUsedAt,
        revoked_at: token.revokedAt,
      })
      .execute()
  },
  findApiTokenByHash: async (tokenHash: string): Promise<ApiTokenRecord | undefined> => {
    const row = await db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
    return row === undefined
      ? undefined
      : {
          id: row.id,
          userId: row.user_id,
          name: row.name,
          tokenHash: row.token_hash,
          createdAt: row.created_at,
          lastUsedAt: row.last_used_at,
          revokedAt: row.revoked_at,
        }
  },
  touchApiToken: async (id: string, at: string): Promise<void> => {
    await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute()
  },
  revokeApiToken: async (id: string, at: string): Promise<void> => {
    await db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).execute()
  },
})

export type UserRepository = ReturnType<typeof createUserRepository>
