import { describe, expect, it } from 'vitest'
import type { Exemption } from '../domain/exemptions/exemption.ts'
import { disclose, expectOneLineError, parseJsonOutput, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

describe.concurrent('disclose exemptions', { timeout: 60_000 }, () => {
  it('lists every regime’s entries in a table, grouped by regime', async () => {
    const run = await disclose(['exemptions'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.split('\n')
    const titles = lines.filter((line) => / \((FOIA|EIR|FOISA)\): \d+ entries$/.test(line))
    expect(titles.map((title) => / \((\w+)\): /.exec(title)?.[1])).toEqual(['FOIA', 'EIR', 'FOISA'])
    expect(lines).toContainEqual(expect.stringMatching(/^Id +Citation +Heading +Status +Test$/))
    expect(lines.find((line) => line.startsWith('foia-s31-1-g '))).toMatch(
      /^foia-s31-1-g +section 31\(1\)\(g\) +Law enforcement +qualified +prejudice$/,
    )
    expect(lines.find((line) => line.startsWith('foia-s36-2-c '))).toMatch(/ qualified\* +prejudice$/)
    expect(lines.find((line) => line.startsWith('foia-s21 '))).toMatch(/ absolute +class$/)
    expect(lines.some((line) => line.startsWith('foia-s25 '))).toBe(false)
  })

  it('lists one regime’s entries with --regime, whatever its case', async () => {
    const run = await disclose(['exemptions', '--regime', ' EIR '], dataDirs.shared())
    expect(run.status).toBe(0)
    const rows = run.stdout.split('\n').filter((line) => /^(foia|eir|foisa)-/.test(line))
    expect(rows).toHaveLength(13)
    expect(rows.every((row) => row.startsWith('eir-'))).toBe(true)
    expect(rows.find((row) => row.startsWith('eir-r12-5-b '))).toMatch(/regulation 12\(5\)\(b\) .* prejudice$/)
  })

  it('prints the entries as a JSON array with --json', async () => {
    const entries = parseJsonOutput(
      await disclose(['exemptions', '--regime', 'foia', '--json'], dataDirs.shared()),
    ) as Exemption[]
    expect(entries.every((entry) => entry.regime === 'foia')).toBe(true)
    const s40 = entries.find((entry) => entry.id === 'foia-s40-2')
    expect(s40).toMatchObject({ citation: 'section 40(2)', status: 'qualified', test: 'class' })
    expect(s40?.route?.options.map((option) => option.code)).toContain('3A-a')
    expect(entries.find((entry) => entry.id === 'foia-s12')?.neitherConfirmNorDeny?.citation).toBe('section 12(2)')
  })

  it('explains its options with --help', async () => {
    const run = await disclose(['exemptions', '--help'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Usage: disclose exemptions \[--regime foia\|eir\|foisa\] \[--json\]/)
  })

  it.each([
    [
      'an unknown regime',
      ['--regime', 'sar'],
      'disclose exemptions: --regime sar: Regime must be one of foia, eir, foisa, not “sar”',
    ],
    ['a missing regime', ['--regime'], 'disclose exemptions: --regime needs a value (see disclose exemptions --help)'],
    [
      'an argument it does not take',
      ['s40'],
      'disclose exemptions: unexpected argument “s40” (see disclose exemptions --help)',
    ],
    ['an unknown option', ['--all'], 'disclose exemptions: unknown option --all (see disclose exemptions --help)'],
  ])('refuses %s with status 2 and one line', async (_what, args, message) => {
    expectOneLineError(await disclose(['exemptions', ...args], dataDirs.shared()), message)
  })
})
