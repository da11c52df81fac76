/**
 * What a person may do in Disclose. A user holds one or more roles within one organisation.
 * - `officer`: works cases, sees who asked;
 * - `applicant-blind-officer`: works cases without seeing who asked (FOI is applicant-blind);
 * - `approver`: signs off responses, and may work cases;
 * - `administrator`: manages users and settings, may do anything an officer may, and reopens closed cases;
 * - `auditor`: reads everything, changes nothing.
 */
export const ROLES = ['officer', 'applicant-blind-officer', 'approver', 'administrator', 'auditor'] as const
export type Role = (typeof ROLES)[number]

export const isRole = (text: string): text is Role => (ROLES as readonly string[]).includes(text)

export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  officer: 'Officer',
  'applicant-blind-officer': 'Applicant-blind officer',
  approver: 'Approver',
  administrator: 'Administrator',
  auditor: 'Auditor',
}

/** Things a role may do outside the case workflow (the workflow's own table says who may move a case). */
export const PERMISSIONS = [
  'read-cases',
  'see-requester',
  'create-cases',
  'edit-cases',
  'change-regime',
  'import-cases',
  'export-cases',
  'manage-users',
  'verify-audit',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const everyone: readonly Role[] = ROLES
const caseworkers: readonly Role[] = ['officer', 'applicant-blind-officer', 'approver', 'administrator']

/** The single table of who may do what. Tests walk it, route by route. */
export const PERMISSION_ROLES: Readonly<Record<Permission, readonly Role[]>> = {
  'read-cases': everyone,
  'see-requester': ['officer', 'approver', 'administrator', 'auditor'],
  'create-cases': caseworkers,
  'edit-cases': caseworkers,
  'change-regime': caseworkers,
  'import-cases': ['administrator'],
  'export-cases': ['officer', 'approver', 'administrator', 'auditor'],
  'manage-users': ['administrator'],
  'verify-audit': ['administrator', 'auditor'],
}

export const roleMay = (role: Role, permission: Permission): boolean => PERMISSION_ROLES[permission].includes(role)

/** Whether any of a person's roles allows it. */
export const rolesMay = (roles: readonly Role[], permission: Permission): boolean =>
  roles.some((role) => roleMay(role, permission))
