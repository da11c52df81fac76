import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BankHoliday } from '../domain/calendar/bank-holiday.ts'
import type { Deadline } from '../domain/deadlines/deadline.ts'
import type { HolidayImportReport } from '../services/holidays/calendar.service.ts'
import {
  disclose,
  expectOneLineError,
  parseJsonOutput,
  useDataDirs,
  type DiscloseRun,
} from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

const holidaysIn = (run: DiscloseRun): BankHoliday[] => parseJsonOutput(run) as BankHoliday[]

/** England and Wales's usual 2030 bank holidays, as GOV.UK would publish them, and one made up for the test. */
const FEED_WITH_AN_EXTRA_DAY = {
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      { title: 'New Year’s Day', date: '2030-01-01', notes: '', bunting: true },
      { title: 'Good Friday', date: '2030-04-19', notes: '', bunting: false },
      { title: 'Easter Monday', date: '2030-04-22', notes: '', bunting: true },
      { title: 'Early May bank holiday', date: '2030-05-06', notes: '', bunting: true },
      { title: 'Spring bank holiday', date: '2030-05-27', notes: '', bunting: true },
      { title: 'Test bank holiday', date: '2030-06-03', notes: 'Extra bank holiday', bunting: true },
      { title: 'Summer bank holiday', date: '2030-08-26', notes: '', bunting: true },
      { title: 'Christmas Day', date: '2030-12-25', notes: '', bunting: true },
      { title: 'Boxing Day', date: '2030-12-26', notes: '', bunting: true },
    ],
  },
}

describe.concurrent('disclose holidays', { timeout: 120_000 }, () => {
  it('lists Scotland’s 2024 bank holidays, St Andrew’s Day (substitute day) among them', async () => {
    const holidays = holidaysIn(
      await disclose(['holidays', '--year', '2024', '--nation', 'scotland', '--json'], dataDirs.shared()),
    )
    expect(holidays.every((holiday) => holiday.division === 'scotland')).toBe(true)
    expect(holidays).toContainEqual({
      date: '2024-12-02',
      division: 'scotland',
      title: 'St Andrew’s Day',
      notes: 'Substitute day',
      provenance: 'published',
    })
    expect(holidays.map((holiday) => holiday.date)).toContain('2024-01-02')
  })

  it('prints a table with each date’s day, title, notes, nation and provenance', async () => {
    const run = await disclose(['holidays', '--year', '2024', '--nation', 'scotland'], dataDirs.shared())
    expect(run.status).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('Bank holidays in Scotland, 2024')
    expect(lines.find((line) => line.startsWith('2024-12-02'))).toMatch(
      /^2024-12-02 +Monday +St Andrew’s Day +Substitute day +Scotland +published$/,
    )
  })

  it('shows 1995’s early May bank holiday moved to VE Day, 8 May', async () => {
    const holidays = holidaysIn(
      await disclose(['holidays', '--year', '1995', '--nation', 'england-and-wales', '--json'], dataDirs.shared()),
    )
    const earlyMay = holidays.filter((holiday) => holiday.date.startsWith('1995-05-0'))
    expect(earlyMay.map((holiday) => holiday.date)).toEqual(['1995-05-08'])
    expect(earlyMay[0]?.title).toContain('VE day')
  })

  it('works out years GOV.UK has not published from the rules, in every nation', async () => {
    const holidays = holidaysIn(await disclose(['holidays', '--year', '2040', '--json'], dataDirs.shared()))
    expect(new Set(holidays.map((holiday) => holiday.division))).toEqual(
      new Set(['england-and-wales', 'scotland', 'northern-ireland']),
    )
    expect(holidays.every((holiday) => holiday.provenance === 'rule')).toBe(true)
    expect(holidays).toContainEqual(expect.objectContaining({ date: '2040-03-30', title: 'Good Friday' }))
  })

  it('explains listing and importing with --help', async () => {
    const [list, importing] = await Promise.all([
      disclose(['holidays', '--help'], dataDirs.shared()),
      disclose(['holidays', 'import', '--help'], dataDirs.shared()),
    ])
    expect(list.status).toBe(0)
    expect(list.stdout).toMatch(/^Usage: disclose holidays --year YYYY/)
    expect(importing.status).toBe(0)
    expect(importing.stdout).toMatch(/^Usage: disclose holidays import FILE/)
  })

  it.each([
    ['a missing year', ['--nation', 'scotland'], 'disclose holidays: missing --year (see disclose holidays --help)'],
    [
      'a year outside the range',
      ['--year', '2101'],
      'disclose holidays: --year 2101: Year must be between 1990 and 2100',
    ],
    [
      'an unknown nation',
      ['--year', '2024', '--nation', 'cornwall'],
      'disclose holidays: --nation cornwall: Nation must be one of england-and-wales, scotland, northern-ireland, not “cornwall”',
    ],
  ])('refuses %s with status 2 and one line', async (_what, args, message) => {
    expectOneLineError(await disclose(['holidays', ...args], dataDirs.shared()), message)
  })

  it('refuses a file that is missing or not JSON, saving nothing', async () => {
    const dir = await dataDirs.fresh()
    const notJson = join(dir, 'not-json.json')
    await writeFile(notJson, 'Bank holidays: 3 June\n')
    const [missing, garbled] = await Promise.all([
      disclose(['holidays', 'import', join(dir, 'absent.json')], dir),
      disclose(['holidays', 'import', notJson], dir),
    ])
    expectOneLineError(
      missing,
      /^disclose holidays import: .*absent\.json: cannot read the file: there is no such file/,
    )
    expectOneLineError(
      garbled,
      /^disclose holidays import: .*not-json\.json: not a GOV\.UK bank-holidays feed: the file is not JSON/,
    )
    expect(await readdir(dir)).toEqual(['not-json.json'])
  })

  it('imports a GOV.UK feed whose dates then win, and keeps it when a later feed is malformed', async () => {
    const dir = await dataDirs.fresh()
    const feed = join(dir, 'bank-holidays.json')
    await writeFile(feed, JSON.stringify(FEED_WITH_AN_EXTRA_DAY))
    const request = ['deadline', '--regime', 'foia', '--received', '2030-05-20', '--json']

    const before = parseJsonOutput(await disclose(request, dir)) as Deadline
    expect(before.due).toBe('2030-06-18')

    const imported = await disclose(['holidays', 'import', feed], dir)
    expect(imported.status).toBe(0)
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toContain('  England and Wales: 2030\n')
    expect(imported.stdout).toContain('1 date changed:\n  2030-06-03 England and Wales: added “Test bank holiday”\n')

    const after = parseJsonOutput(await disclose(request, dir)) as Deadline
    expect(after.due).toBe('2030-06-19')
    expect(after.skipped.map((day) => day.date)).toContain('2030-06-03')

    const listed = holidaysIn(
      await disclose(['holidays', '--year', '2030', '--nation', 'england-and-wales', '--json'], dir),
    )
    expect(listed).toHaveLength(9)
    expect(listed.every((holiday) => holiday.provenance === 'imported')).toBe(true)

    const malformed = join(dir, 'malformed.json')
    await writeFile(malformed, JSON.stringify({ scotland: { events: [{ title: 'Nonsense', date: '2030-02-30' }] } }))
    expectOneLineError(
      await disclose(['holidays', 'import', malformed], dir),
      /^disclose holidays import: .*malformed\.json: scotland event 1: "2030-02-30" is not a real date .*; nothing was imported\n/,
    )

    // Imported again with logging turned up: the report alone is on standard output, the log on standard error.
    const again = await disclose(['holidays', 'import', feed, '--json'], dir, { LOG_LEVEL: 'info' })
    expect(again.status).toBe(0)
    const report = JSON.parse(again.stdout) as HolidayImportReport
    expect(report.changes).toEqual([])
    expect(report.yearsCovered['england-and-wales']).toEqual([2030])
    expect(again.stderr).toContain('Imported bank holidays')

    const still = holidaysIn(
      await disclose(['holidays', '--year', '2030', '--nation', 'england-and-wales', '--json'], dir),
    )
    expect(still).toContainEqual({
      date: '2030-06-03',
      division: 'england-and-wales',
      title: 'Test bank holiday',
      notes: 'Extra bank holiday',
      provenance: 'imported',
    })
  })
})
