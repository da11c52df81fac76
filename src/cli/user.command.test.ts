import { beforeAll, describe, expect, it } from 'vitest'
import { addOrganisationIn, countRows, withInstallation } from './installation.test-support.ts'
import { disclose, expectOneLineError, parseJsonOutput, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

const PASSWORD = 'a long enough password'

beforeAll(async () => {
  await addOrganisationIn(dataDirs.shared(), 'north-shire', 'North Shire Council')
}, 60_000)

describe.concurrent('disclose user', { timeout: 60_000 }, () => {
  it('adds a user with a password read from standard input, who can then sign in', async () => {
    const run = await disclose(
      [
        'user',
        'add',
        '--email',
        'Approver@North-Shire.example',
        '--role',
        'approver',
        '--role',
        'officer',
        '--password-stdin',
      ],
      dataDirs.shared(),
      {},
      `${PASSWORD}\n`,
    )
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(
      'Added approver@north-shire.example to North Shire Council as Approver, Officer.\nThey can sign in with the password given.\n',
    )
    const signedIn = await withInstallation(dataDirs.shared(), (dependencies) =>
      dependencies.users.signIn('approver@north-shire.example', PASSWORD),
    )
    expect(signedIn.ok).toBe(true)
  })

  it('adds a user without a password, and says they cannot sign in until one is set', async () => {
    const run = await disclose(
      ['user', 'add', '--email', 'officer@north-shire.example', '--role', 'officer', '--name', 'Olu Officer'],
      dataDirs.shared(),
    )
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Added officer@north-shire\.example to North Shire Council as Officer\.\n/)
    expect(run.stdout).toContain('No password was set: they cannot sign in until an administrator sets one.')
    const listed = parseJsonOutput(await disclose(['user', 'list', '--json'], dataDirs.shared()))
    expect(listed).toContainEqual(
      expect.objectContaining({ email: 'officer@north-shire.example', displayName: 'Olu Officer', canSignIn: false }),
    )
  })

  it('sets a password for an account made without one, which can then sign in', async () => {
    const added = await disclose(
      ['user', 'add', '--email', 'later@north-shire.example', '--role', 'officer'],
      dataDirs.shared(),
    )
    expect(added.status).toBe(0)
    const short = await disclose(
      ['user', 'password', '--email', 'later@north-shire.example', '--password-stdin'],
      dataDirs.shared(),
      {},
      'short\n',
    )
    expect(short.status).not.toBe(0)
    expect(short.stderr).toContain('12 characters or more')
    const run = await disclose(
      ['user', 'password', '--email', 'Later@North-Shire.example', '--password-stdin'],
      dataDirs.shared(),
      {},
      `${PASSWORD}\n`,
    )
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(
      'later@north-shire.example can now sign in with the new password; any sessions they had are ended.\n',
    )
    const signedIn = await withInstallation(dataDirs.shared(), (dependencies) =>
      dependencies.users.signIn('later@north-shire.example', PASSWORD),
    )
    expect(signedIn.ok).toBe(true)
  })

  it('prints an API token once, which then identifies the user', async () => {
    const dir = await dataDirs.fresh()
    const organisation = await addOrganisationIn(dir, 'south-shire', 'South Shire Council')
    const user = await withInstallation(dir, async (dependencies) => {
      const added = await dependencies.users.addUser(
        { userId: null, organisationId: organisation.id, roles: ['administrator'], label: 'test' },
        { email: 'integration@south-shire.example', roles: ['officer'] },
      )
      if (!added.ok) throw new Error(added.error.message)
      return added.value
    })
    const run = await disclose(
      ['user', 'token', '--email', 'integration@south-shire.example', '--name', 'case import job'],
      dir,
    )
    expect(run.stderr).toBe('')
    const [heading, , token, , advice] = run.stdout.trimEnd().split('\n')
    expect(heading).toBe(
      'API token “case import job” for integration@south-shire.example. It is shown only this once (Disclose keeps only its hash):',
    )
    expect(token).toMatch(/^dsc_[\w-]{43}$/)
    expect(advice).toBe('Send it as the header Authorization: Bearer TOKEN.')
    const found = await withInstallation(dir, (dependencies) => dependencies.users.userForApiToken(token ?? ''))
    expect(found?.id).toBe(user.id)
  })

  it('refuses a role that does not exist, and a password given as an argument, adding nobody', async () => {
    const dir = await dataDirs.fresh()
    await addOrganisationIn(dir, 'east-shire', 'East Shire Council')
    const [badRole, passwordArgument, noSuchUser] = await Promise.all([
      disclose(['user', 'add', '--email', 'x@east-shire.example', '--role', 'manager'], dir),
      disclose(['user', 'add', '--email', 'x@east-shire.example', '--role', 'officer', '--password', PASSWORD], dir),
      disclose(['user', 'token', '--email', 'nobody@east-shire.example', '--name', 'job'], dir),
    ])
    expectOneLineError(
      badRole,
      'disclose user add: --role: “manager” is not a role: use officer, applicant-blind-officer, approver, administrator, auditor',
    )
    expectOneLineError(passwordArgument, /^disclose user add: a password on the command line would stay in the shell’s/)
    expectOneLineError(
      noSuchUser,
      'disclose user token: --email nobody@east-shire.example: there is no such user (disclose user list shows them)',
    )
    expect(countRows(dir, 'user_account')).toBe(0)
  })
})
