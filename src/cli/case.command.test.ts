import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { addOrganisationIn, countRows, loadDemoInto, withInstallation } from './installation.test-support.ts'
import {
  disclose,
  expectOneLineError,
  parseJsonOutput,
  useDataDirs,
  type DiscloseRun,
} from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

const SEEDS = ['IC-335210-T7S5', 'IC-342993-L6W4'] as const

beforeAll(async () => {
  await loadDemoInto(dataDirs.shared())
}, 120_000)

/** Bad input: status 2, nothing on standard output, and one line for each problem on standard error. */
const expectProblems = (run: DiscloseRun, lines: readonly (string | RegExp)[]): void => {
  expect(run.stdout).toBe('')
  const got = run.stderr.trimEnd().split('\n')
  expect(got).toHaveLength(lines.length)
  lines.forEach((line, index) => {
    if (typeof line === 'string') expect(got[index]).toBe(line)
    else expect(got[index]).toMatch(line)
  })
  expect(run.status).toBe(2)
}

describe.concurrent('disclose case show', { timeout: 120_000 }, () => {
  it('gives the seed cases’ due dates in their JSON form: 29 October and 9 December 2024', async () => {
    const [first, second] = await Promise.all(
      SEEDS.map(async (reference) =>
        parseJsonOutput(await disclose(['case', 'show', reference, '--json'], dataDirs.shared())),
      ),
    )
    expect(first).toMatchObject({
      format: 'disclose-case/1',
      reference: 'IC-335210-T7S5',
      state: 'closed',
      receivedOn: '2024-10-01',
      respondedOn: '2024-10-29',
      deadline: { due: '2024-10-29', regime: 'foia', limit: '20 working days' },
    })
    expect(second).toMatchObject({
      reference: 'IC-342993-L6W4',
      state: 'responded',
      deadline: {
        due: '2024-12-09',
        skipped: [
          {
            date: '2024-12-02',
            reason: expect.stringMatching(/^St Andrew’s Day \(substitute day\), Scotland/) as string,
          },
        ],
      },
    })
  })

  it('shows a case for a person: its dates, how the deadline was worked out, and each part’s outcome', async () => {
    const run = await disclose(['case', 'show', 'ic-342993-l6w4'], dataDirs.shared())
    expect(run.stderr).toBe('')
    const lines = run.stdout.split('\n')
    expect(lines.slice(0, 9)).toEqual([
      'IC-342993-L6W4: Request under FOIA (Freedom of Information Act 2000)',
      "Organisation: Information Commissioner's Office (ico)",
      'State: Responded',
      'Received: Friday 8 November 2024, by email',
      'Requester: Sample Requester Two (requester.two@example.com), member of the public',
      'Assigned to: Demo Officer <officer@demo.disclose.example> (Officer), Information Access Team',
      'Responded: Wednesday 4 December 2024 (on time)',
      '',
      'Due: Monday 9 December 2024',
    ])
    expect(lines).toContain(
      '  Mon 2 Dec 2024 — St Andrew’s Day (substitute day), Scotland: not a working day under FOIA s10(6)',
    )
    expect(lines).toContain('     Disclosed in part: exemptions foia-s40-2')
    expect(lines).toContain('     Withheld: exemptions foia-s31-1-g')
  })

  it('says in one line that there is no such case', async () => {
    expectOneLineError(
      await disclose(['case', 'show', 'IC-000000-A0A0'], dataDirs.shared()),
      'disclose case show: There is no case IC-000000-A0A0',
    )
  })
})

describe('disclose case export and import', { timeout: 180_000 }, () => {
  it('round-trips both seed cases into a fresh data directory unchanged', async () => {
    const out = await dataDirs.fresh()
    const files = SEEDS.map((reference) => join(out, `${reference}.json`))
    const exported = await Promise.all(
      SEEDS.map((reference, index) =>
        disclose(['case', 'export', reference, '--out', files[index] ?? ''], dataDirs.shared()),
      ),
    )
    expect(exported.map((run) => run.stdout)).toEqual(
      SEEDS.map((reference, index) => `Exported ${reference} to ${files[index]}.\n`),
    )

    const fresh = await dataDirs.fresh()
    const firstImport = await disclose(['case', 'import', files[0] ?? ''], fresh)
    expect(firstImport.stderr).toBe('')
    expect(firstImport.stdout).toBe(
      [
        "Added the organisation Information Commissioner's Office (ico) from the export.",
        'Added the user officer@demo.disclose.example from the export, without a password: they cannot sign in until an administrator sets one.',
        "Imported IC-335210-T7S5 into Information Commissioner's Office: closed, due on Tuesday 29 October 2024.",
        '',
      ].join('\n'),
    )
    const secondImport = await disclose(['case', 'import', files[1] ?? ''], fresh)
    expect(secondImport.stdout).toBe(
      "Imported IC-342993-L6W4 into Information Commissioner's Office: responded, due on Monday 9 December 2024.\n",
    )

    const again = await Promise.all(SEEDS.map((reference) => disclose(['case', 'export', reference], fresh)))
    for (const [index, run] of again.entries()) {
      expect(run.stderr).toBe('')
      expect(run.stdout).toBe(await readFile(files[index] ?? '', 'utf8'))
    }
    const verified = await disclose(['audit', 'verify'], fresh)
    expect(verified.stdout).toMatch(/^The audit trail is intact: \d+ events\n$/)
  })
})

describe.concurrent('disclose case create', { timeout: 120_000 }, () => {
  it('logs a request from its JSON form and prints its reference and due date', async () => {
    const dir = await dataDirs.fresh()
    const organisation = await addOrganisationIn(dir, 'north-shire', 'North Shire Council')
    const file = join(dir, 'new-case.json')
    await writeFile(
      file,
      JSON.stringify({
        regime: 'foia',
        receivedOn: '2024-10-01',
        requestText: 'How many requests for information did you answer late in 2023?',
        requester: { name: 'Sample Requester', email: 'requester@example.com' },
      }),
    )
    const run = await disclose(['case', 'create', file], dir)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^IC-\d{6}-[A-HJ-NP-Z]\d[A-HJ-NP-Z]\d is due on Tuesday 29 October 2024\n$/)
    const reference = run.stdout.slice(0, 'IC-000000-A0A0'.length)
    const shown = await withInstallation(dir, (dependencies) =>
      dependencies.cases.getCase(
        { userId: null, organisationId: organisation.id, roles: ['auditor'], label: 'test' },
        reference,
      ),
    )
    expect(shown.ok && shown.value.case.state).toBe('received')
  })

  it('refuses bad input, a line a problem, and writes nothing', async () => {
    const dir = dataDirs.shared()
    const write = async (name: string, content: string): Promise<string> => {
      const file = join(await dataDirs.fresh(), name)
      await writeFile(file, content)
      return file
    }
    const malformed = await write('malformed.json', '{"receivedOn": "2024-10-01",')
    const unknownRegime = await write(
      'gdpr.json',
      JSON.stringify({ regime: 'gdpr', receivedOn: '2024-10-01', requestText: 'Everything you hold about me.' }),
    )
    const future = await write(
      'future.json',
      JSON.stringify({ receivedOn: '2099-01-01', requestText: 'A request from the future.', channel: 'phone' }),
    )
    const duplicate = await write(
      'duplicate.json',
      JSON.stringify({ reference: 'IC-335210-T7S5', receivedOn: '2024-10-01', requestText: 'Again.' }),
    )
    const cases = countRows(dir, 'case')
    const events = countRows(dir, 'audit_event')
    const create = (file: string) => disclose(['case', 'create', file], dir)
    const [badJson, missing, regime, dated, taken] = await Promise.all([
      create(malformed),
      create(join(dir, 'no-such-file.json')),
      create(unknownRegime),
      create(future),
      create(duplicate),
    ])
    expectOneLineError(
      badJson,
      /^disclose case create: .*malformed\.json: the file is not JSON \(.+\); nothing was written\n/,
    )
    expectOneLineError(
      missing,
      `disclose case create: ${join(dir, 'no-such-file.json')}: cannot read the file: there is no such file; nothing was written`,
    )
    expectOneLineError(
      regime,
      `disclose case create: ${unknownRegime}: regime: Regime must be one of foia, eir, foisa or sar`,
    )
    expectProblems(dated, [
      new RegExp(
        `^disclose case create: ${future}: receivedOn: Date of receipt must be today or in the past \\(today is `,
      ),
      `disclose case create: ${future}: channel: Only requests for environmental information (EIR) can be made by telephone: a FOIA request must be in writing`,
    ])
    expectOneLineError(
      taken,
      `disclose case create: ${duplicate}: reference: IC-335210-T7S5 is already the reference of another case: choose another, or leave it out and Disclose will make one`,
    )
    expect(countRows(dir, 'case')).toBe(cases)
    expect(countRows(dir, 'audit_event')).toBe(events)
  })
})

describe.concurrent('disclose case import and schema', { timeout: 120_000 }, () => {
  it('refuses a case it already has, and writes nothing', async () => {
    const dir = dataDirs.shared()
    const file = join(await dataDirs.fresh(), 'IC-342993-L6W4.json')
    const exported = await disclose(['case', 'export', 'IC-342993-L6W4', '--out', file], dir)
    expect(exported.status).toBe(0)
    const cases = countRows(dir, 'case')
    const run = await disclose(['case', 'import', file], dir)
    expectProblems(run, [
      `disclose case import: ${file}: reference: IC-342993-L6W4 is already the reference of another case: choose another, or leave it out and Disclose will make one`,
      `disclose case import: ${file}: id: A case with this id is already in this installation: it has been imported before`,
    ])
    expect(countRows(dir, 'case')).toBe(cases)
  })

  it('prints the JSON Schema that docs/case.schema.json holds', async () => {
    const run = await disclose(['case', 'schema'], dataDirs.shared())
    expect(run.stderr).toBe('')
    const committed = await readFile(new URL('../../docs/case.schema.json', import.meta.url), 'utf8')
    expect(run.stdout).toBe(committed)
  })
})
