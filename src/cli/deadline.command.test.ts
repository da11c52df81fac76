import { describe, expect, it } from 'vitest'
import type { Deadline } from '../domain/deadlines/deadline.ts'
import { disclose, expectOneLineError, parseJsonOutput, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

const deadline = async (...args: string[]): Promise<Deadline> =>
  parseJsonOutput(await disclose(['deadline', ...args, '--json'], dataDirs.shared())) as Deadline

describe.concurrent('disclose deadline', { timeout: 60_000 }, () => {
  it('counts 20 working days for a FOIA request received on 1 October 2024', async () => {
    const due = await deadline('--regime', 'foia', '--received', '2024-10-01')
    expect(due).toMatchObject({ regime: 'foia', received: '2024-10-01', due: '2024-10-29', status: 'running' })
    expect(due.skipped).toEqual([])
  })

  it('passes over St Andrew’s Day (substitute day) for a FOIA request received on 8 November 2024', async () => {
    const due = await deadline('--regime', 'foia', '--received', '2024-11-08')
    expect(due).toMatchObject({ regime: 'foia', received: '2024-11-08', due: '2024-12-09' })
    expect(due.skipped).toEqual([
      {
        date: '2024-12-02',
        reason: 'St Andrew’s Day (substitute day), Scotland: not a working day under FOIA s10(6)',
      },
    ])
  })

  it('prints the due date first, then the limit, the reasoning and each day passed over', async () => {
    const run = await disclose(['deadline', '--regime', 'foia', '--received', '2024-11-08'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('Due: Monday 9 December 2024')
    expect(lines[1]).toBe('Time limit: 20 working days (FOIA, response)')
    expect(lines).toContain('  Day 20 is Monday 9 December 2024.')
    expect(lines).toContain(
      '  Mon 2 Dec 2024 — St Andrew’s Day (substitute day), Scotland: not a working day under FOIA s10(6)',
    )
    expect(lines).toContain('Weekend days passed over: 10')
  })

  it('extends a subject access request received on 31 January 2023 to the next working day after 30 April', async () => {
    const due = await deadline('--regime', 'sar', '--received', '2023-01-31', '--extension', 'sar')
    expect(due).toMatchObject({ regime: 'sar', due: '2023-05-02', limit: 'three calendar months' })
    expect(due.skipped.map((day) => day.date)).toEqual(['2023-04-30', '2023-05-01'])
  })

  it('counts FOISA on Scotland’s bank holidays, and FOIA on the whole UK’s', async () => {
    const [foisa, foia] = await Promise.all([
      deadline('--regime', 'foisa', '--received', '2025-07-01'),
      deadline('--regime', 'foia', '--received', '2025-07-01'),
    ])
    expect(foisa.due).toBe('2025-07-29')
    expect(foia.due).toBe('2025-07-30')
    expect(foia.skipped.map((day) => day.date)).toEqual(['2025-07-14'])
  })

  it('says the clock is stopped while a fee is awaited', async () => {
    const run = await disclose(
      ['deadline', '--regime', 'foia', '--received', '2024-10-01', '--fee-notice', '2024-10-08'],
      dataDirs.shared(),
    )
    expect(run.status).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe('Due: none yet, the clock is stopped until the fee arrives')
    expect(run.stdout).toContain('Fee to be paid by: Tuesday 7 January 2025')
  })

  it('gives a complex FOIA review 40 working days with --clock review --extended', async () => {
    const due = await deadline('--regime', 'foia', '--clock', 'review', '--received', '2024-11-08', '--extended')
    expect(due).toMatchObject({ clock: 'review', limit: '40 working days', due: '2025-01-10' })
  })

  it('explains every option with --help', async () => {
    const run = await disclose(['deadline', '--help'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Usage: disclose deadline --regime REGIME --received YYYY-MM-DD \[options\]/)
    for (const flag of ['--nation', '--extension', '--clarified', '--fee-notice', '--fee-paid', '--clock', '--json']) {
      expect(run.stdout).toContain(flag)
    }
  })

  it.each([
    [
      'a date that does not exist',
      ['--regime', 'foia', '--received', '2024-02-30'],
      'disclose deadline: --received 2024-02-30: Date of receipt must be a real date (February 2024 has 29 days)',
    ],
    [
      'a year outside the calendar',
      ['--regime', 'foia', '--received', '2101-01-04'],
      'disclose deadline: --received 2101-01-04: Date of receipt must be between 1990 and 2100',
    ],
    [
      'an unknown regime',
      ['--regime', 'gdpr', '--received', '2024-11-08'],
      'disclose deadline: --regime gdpr: Regime must be one of foia, eir, foisa, sar, not “gdpr”',
    ],
    [
      'an unknown nation',
      ['--regime', 'sar', '--received', '2024-11-08', '--nation', 'wales'],
      'disclose deadline: --nation wales: Nation must be one of england-and-wales, scotland, northern-ireland, not “wales”',
    ],
    [
      'a fee paid before its notice',
      ['--regime', 'foia', '--received', '2024-11-08', '--fee-notice', '2024-11-12', '--fee-paid', '2024-11-11'],
      'disclose deadline: --fee-paid 2024-11-11: Date the fee arrived must be the same as or after the date of the fees notice (Tuesday 12 November 2024)',
    ],
    [
      'a clarification before receipt',
      ['--regime', 'foia', '--received', '2024-11-08', '--clarified', '2024-11-01'],
      'disclose deadline: --clarified 2024-11-01: Date clarification arrived must be the same as or after the date of receipt (Friday 8 November 2024)',
    ],
    [
      'an unknown option',
      ['--regime', 'foia', '--received', '2024-11-08', '--foo'],
      'disclose deadline: unknown option --foo (see disclose deadline --help)',
    ],
    ['missing flags', [], 'disclose deadline: missing --regime and --received (see disclose deadline --help)'],
    [
      'a public interest extension that ends before the deadline',
      ['--regime', 'foia', '--received', '2024-11-08', '--extension', 'pit:2024-12-06'],
      'disclose deadline: --extension pit:2024-12-06: Date of the public interest extension must be after the 20-working-day deadline (Monday 9 December 2024)',
    ],
  ])('refuses %s with status 2 and one line', async (_what, args, message) => {
    expectOneLineError(await disclose(['deadline', ...args], dataDirs.shared()), message)
  })
})
