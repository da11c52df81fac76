import { describe, expect, it } from 'vitest'
import { isRole, PERMISSIONS, roleMay, rolesMay, ROLE_NAMES, ROLES, type Permission, type Role } from './role.ts'

/**
 * Who may do what, written out independently of `PERMISSION_ROLES`: one column a role, in the order officer,
 * applicant-blind officer, approver, administrator, auditor. `Y` may, `-` may not.
 */
const MATRIX = `
  permission       officer  blind  approver  admin  auditor
  read-cases       Y        Y      Y         Y      Y
  see-requester    Y        -      Y         Y      Y
  create-cases     Y        Y      Y         Y      -
  edit-cases       Y        Y      Y         Y      -
  change-regime    Y        Y      Y         Y      -
  import-cases     -        -      -         Y      -
  export-cases     Y        -      Y         Y      Y
  manage-users     -        -      -         Y      -
  verify-audit     -        -      -         Y      Y
`

const COLUMNS: readonly Role[] = ['officer', 'applicant-blind-officer', 'approver', 'administrator', 'auditor']

const EXPECTED: ReadonlyMap<string, ReadonlyMap<Role, boolean>> = new Map(
  MATRIX.trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [permission = '', ...marks] = line.trim().split(/\s+/)
      if (marks.length !== COLUMNS.length || marks.some((mark) => mark !== 'Y' && mark !== '-')) {
        throw new Error(`malformed row ${permission}`)
      }
      return [permission, new Map(COLUMNS.map((role, index) => [role, marks[index] === 'Y']))] as const
    }),
)

const expected = (role: Role, permission: Permission): boolean => {
  const may = EXPECTED.get(permission)?.get(role)
  if (may === undefined) throw new Error(`no expectation for ${role}, ${permission}`)
  return may
}

describe('the expected matrix', () => {
  it('has a row for every permission, in order', () => {
    expect([...EXPECTED.keys()]).toEqual([...PERMISSIONS])
  })

  it('has a column for every role, in order', () => {
    expect(COLUMNS).toEqual([...ROLES])
  })
})

describe('what each role may do', () => {
  it.each(ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission] as const)))(
    'an %s: %s',
    (role, permission) => {
      expect(roleMay(role, permission)).toBe(expected(role, permission))
    },
  )

  it('never shows an applicant-blind officer who asked, not even by export', () => {
    expect(roleMay('applicant-blind-officer', 'see-requester')).toBe(false)
    expect(roleMay('applicant-blind-officer', 'export-cases')).toBe(false)
  })

  it('lets an auditor read and verify, but change nothing', () => {
    expect(PERMISSIONS.filter((permission) => roleMay('auditor', permission))).toEqual([
      'read-cases',
      'see-requester',
      'export-cases',
      'verify-audit',
    ])
  })

  it('lets an administrator do everything', () => {
    expect(PERMISSIONS.every((permission) => roleMay('administrator', permission))).toBe(true)
  })
})

describe('what a person with several roles may do', () => {
  it('allows what any one of their roles allows', () => {
    expect(rolesMay(['applicant-blind-officer', 'auditor'], 'see-requester')).toBe(true)
    expect(rolesMay(['applicant-blind-officer', 'auditor'], 'edit-cases')).toBe(true)
    expect(rolesMay(['applicant-blind-officer', 'auditor'], 'manage-users')).toBe(false)
  })

  it.each(PERMISSIONS)('allows nothing to someone with no role: %s', (permission) => {
    expect(rolesMay([], permission)).toBe(false)
  })

  it.each(ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission] as const)))(
    'agrees with the single role for an %s alone: %s',
    (role, permission) => {
      expect(rolesMay([role], permission)).toBe(expected(role, permission))
    },
  )
})

describe('reading a role', () => {
  it.each(ROLES)('knows %s', (role) => {
    expect(isRole(role)).toBe(true)
  })

  it.each(['', 'Officer', 'admin', 'superuser', ' officer'])('does not know %j', (text) => {
    expect(isRole(text)).toBe(false)
  })

  it('names every role for people to read', () => {
    expect(ROLE_NAMES).toEqual({
      officer: 'Officer',
      'applicant-blind-officer': 'Applicant-blind officer',
      approver: 'Approver',
      administrator: 'Administrator',
      auditor: 'Auditor',
    })
  })
})
