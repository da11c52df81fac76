import { describe, expect, it } from 'vitest'
import { disclose, expectOneLineError, parseJsonOutput, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

describe.concurrent('disclose working-day', { timeout: 60_000 }, () => {
  it('says why a Scottish bank holiday is not a working day under FOIA', async () => {
    const run = await disclose(['working-day', '2024-12-02', '--regime', 'foia'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(
      'Mon 2 Dec 2024 is not a working day under FOIA: St Andrew’s Day (substitute day), Scotland (FOIA s10(6))\n',
    )
  })

  it('says a day is a working day, with status 0', async () => {
    const run = await disclose(['working-day', '2024-12-03', '--regime', 'foisa'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('Tue 3 Dec 2024 is a working day under FOISA\n')
  })

  it('answers in JSON with every reason a day is closed', async () => {
    const answer = parseJsonOutput(
      await disclose(['working-day', '2022-12-25', '--regime', 'eir', '--json'], dataDirs.shared()),
    )
    expect(answer).toMatchObject({ date: '2022-12-25', regime: 'eir', workingDay: false })
    expect((answer as { reasons: string[] }).reasons).toEqual(['Sunday', 'Christmas Day'])
  })

  it('counts subject access on the authority’s own nation', async () => {
    const answer = parseJsonOutput(
      await disclose(
        ['working-day', '2024-12-02', '--regime', 'sar', '--nation', 'england-and-wales', '--json'],
        dataDirs.shared(),
      ),
    )
    expect(answer).toMatchObject({ nation: 'england-and-wales', workingDay: true, reasons: [] })
  })

  it('explains its options with --help', async () => {
    const run = await disclose(['working-day', '--help'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Usage: disclose working-day YYYY-MM-DD --regime REGIME/)
  })

  it.each([
    [
      'a date that does not exist',
      ['2023-02-29', '--regime', 'foia'],
      'disclose working-day: 2023-02-29: Date must be a real date (February 2023 has 28 days)',
    ],
    [
      'an unknown regime',
      ['2024-12-02', '--regime', 'fsa'],
      'disclose working-day: --regime fsa: Regime must be one of foia, eir, foisa, sar, not “fsa”',
    ],
  ])('refuses %s with status 2 and one line', async (_what, args, message) => {
    expectOneLineError(await disclose(['working-day', ...args], dataDirs.shared()), message)
  })
})
