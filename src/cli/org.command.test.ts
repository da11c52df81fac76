import { describe, expect, it } from 'vitest'
import { countRows, withInstallation } from './installation.test-support.ts'
import { disclose, expectOneLineError, parseJsonOutput, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

describe.concurrent('disclose org', { timeout: 60_000 }, () => {
  it('adds an organisation, with FOISA by default in Scotland, and lists it', async () => {
    const dir = await dataDirs.fresh()
    const added = await disclose(
      ['org', 'add', '--slug', 'north-shire', '--name', 'North Shire Council', '--nation', 'scotland'],
      dir,
    )
    expect(added.stderr).toBe('')
    expect(added.stdout).toBe(
      'Added North Shire Council (north-shire): Scotland, FOISA by default, references like IC-######-@#@#.\n',
    )
    const listed = parseJsonOutput(await disclose(['org', 'list', '--json'], dir))
    expect(listed).toMatchObject([{ slug: 'north-shire', name: 'North Shire Council', defaultRegime: 'foisa' }])
    expect(countRows(dir, 'audit_event')).toBe(1)
  })

  it('refuses an organisation whose short name is taken, and adds nothing', async () => {
    const dir = await dataDirs.fresh()
    await withInstallation(dir, (dependencies) =>
      dependencies.organisations.addOrganisation({
        slug: 'taken',
        name: 'First Council',
        nation: 'england-and-wales',
        defaultRegime: 'foia',
        referencePattern: 'IC-######-@#@#',
        letters: {},
      }),
    )
    expectOneLineError(
      await disclose(
        ['org', 'add', '--slug', 'taken', '--name', 'Second Council', '--nation', 'wales', '--regime', 'foia'],
        dir,
      ),
      'disclose org add: --nation wales: Nation must be one of england-and-wales, scotland, northern-ireland, not “wales”',
    )
    expectOneLineError(
      await disclose(
        ['org', 'add', '--slug', 'taken', '--name', 'Second Council', '--nation', 'england-and-wales'],
        dir,
      ),
      'disclose org add: --slug: There is already an organisation called taken',
    )
    expect(countRows(dir, 'organisation')).toBe(1)
  })

  it('refuses a guessable reference pattern, naming the flag', async () => {
    expectOneLineError(
      await disclose(
        [
          'org',
          'add',
          '--slug',
          'tiny',
          '--name',
          'Tiny',
          '--nation',
          'england-and-wales',
          '--reference-pattern',
          'T-###',
        ],
        dataDirs.shared(),
      ),
      /^disclose org add: --reference-pattern: A case-reference pattern needs more random characters/,
    )
  })
})
