import { describe, expect, it } from 'vitest'
import { countRows, withInstallation } from './installation.test-support.ts'
import { disclose, expectOneLineError, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

const PASSWORD = 'demonstration password'

describe('disclose demo', { timeout: 180_000 }, () => {
  it('loads the demonstration once, saying how to sign in, and says so when run again', async () => {
    const dir = await dataDirs.fresh()
    const first = await disclose(['demo', '--password-stdin'], dir, {}, `${PASSWORD}\n`)
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    expect(first.stdout).toBe(
      [
        "Loaded the demonstration: Information Commissioner's Office (ico), a user for each role and the two seed cases:",
        '  IC-335210-T7S5  closed, due on Tuesday 29 October 2024, answered on Tuesday 29 October 2024',
        '  IC-342993-L6W4  responded, due on Monday 9 December 2024, answered on Wednesday 4 December 2024',
        '',
        'Sign in at http://localhost:3000/sign-in as any of these users:',
        '  officer@demo.disclose.example                  Officer',
        '  applicant-blind-officer@demo.disclose.example  Applicant-blind officer',
        '  approver@demo.disclose.example                 Approver',
        '  administrator@demo.disclose.example            Administrator',
        '  auditor@demo.disclose.example                  Auditor',
        `Password for each of them: ${PASSWORD}`,
        'The password is shown only this once. These accounts are for trying Disclose out: on a live installation, set DISCLOSE_DEMO=false before the first start.',
        '',
        'Start the web app with npm start.',
        '',
      ].join('\n'),
    )
    const signedIn = await withInstallation(dir, (dependencies) =>
      dependencies.users.signIn('approver@demo.disclose.example', PASSWORD),
    )
    expect(signedIn.ok).toBe(true)

    const events = countRows(dir, 'audit_event')
    const second = await disclose(['demo'], dir, { PORT: '8080' })
    expect(second.status).toBe(0)
    expect(second.stdout).toMatch(
      /^The demonstration is already loaded: Information Commissioner's Office \(ico\)\.\n\nSign in at http:\/\/localhost:8080\/sign-in as any of these users:\n/,
    )
    expect(second.stdout).toContain('Their password was shown when the demonstration was loaded.')
    expect(countRows(dir, 'audit_event')).toBe(events)
    expect(countRows(dir, 'case')).toBe(2)
  })

  it('refuses a demonstration password that is too short, loading nothing', async () => {
    const dir = await dataDirs.fresh()
    expectOneLineError(
      await disclose(['demo', '--password-stdin'], dir, {}, 'short\n'),
      'disclose demo: --password-stdin: The password must be 12 characters or more',
    )
    expect(countRows(dir, 'organisation')).toBe(0)
  })
})
