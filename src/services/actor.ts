import { rolesMay, type Permission, type Role } from '../domain/access/role.ts'

/** Who is doing something: a signed-in user, an API token's user, or the command line. */
export interface Actor {
  /** Null for the command line, which acts as the installation's operator. */
  readonly userId: string | null
  readonly organisationId: string
  readonly roles: readonly Role[]
  /** How the audit trail names them: an email address, or "command line". */
  readonly label: string
}

export const actorMay = (actor: Actor, permission: Permission): boolean => rolesMay(actor.roles, permission)

/** The command line acts for an organisation with every role an administrator has. */
export const commandLineActor = (organisationId: string): Actor => ({
  userId: null,
  organisationId,
  roles: ['administrator'],
  label: 'command line',
})
