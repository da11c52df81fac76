import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bankHolidaysIn } from '../../domain/calendar/bank-holiday-table.ts'
import { createImportedHolidayFileStore, IMPORTED_HOLIDAYS_FILE } from '../../storage/imported-holidays.file-store.ts'
import { createCalendarService } from './calendar.service.ts'

const feed2030 = (extra: { title: string; date: string }[] = []) => ({
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      { title: 'New Year’s Day', date: '2030-01-01', notes: '' },
      { title: 'Good Friday', date: '2030-04-19', notes: '' },
      { title: 'Easter Monday', date: '2030-04-22', notes: '' },
      { title: 'Early May bank holiday', date: '2030-05-06', notes: '' },
      { title: 'Spring bank holiday', date: '2030-05-27', notes: '' },
      { title: 'Summer bank holiday', date: '2030-08-26', notes: '' },
      { title: 'Christmas Day', date: '2030-12-25', notes: '' },
      { title: 'Boxing Day', date: '2030-12-26', notes: '' },
      ...extra.map((event) => ({ ...event, notes: 'Extra bank holiday' })),
    ],
  },
})

describe('the calendar service', () => {
  let dataDir: string
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'disclose-calendar-'))
  })
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('imports a GOV.UK feed, reports what changed, and keeps it for the next start', async () => {
    const service = await createCalendarService(createImportedHolidayFileStore(dataDir))
    const report = await service.importFeed(feed2030([{ title: 'Test bank holiday', date: '2030-06-03' }]))
    expect(report).toEqual({
      ok: true,
      value: {
        yearsCovered: { 'england-and-wales': [2030], scotland: [], 'northern-ireland': [] },
        changes: [{ division: 'england-and-wales', date: '2030-06-03', change: 'added', after: 'Test bank holiday' }],
      },
    })
    const holidays = bankHolidaysIn(service.current().holidays, 'england-and-wales', 2030)
    expect(holidays.find((h) => h.date === '2030-06-03')).toMatchObject({ provenance: 'imported' })

    const restarted = await createCalendarService(createImportedHolidayFileStore(dataDir))
    expect(bankHolidaysIn(restarted.current().holidays, 'england-and-wales', 2030)).toEqual(holidays)
  })

  it('picks up an import another process made, on refresh', async () => {
    const web = await createCalendarService(createImportedHolidayFileStore(dataDir))
    const cli = await createCalendarService(createImportedHolidayFileStore(dataDir))
    await cli.importFeed(feed2030([{ title: 'Test bank holiday', date: '2030-06-03' }]))
    const dates = () => bankHolidaysIn(web.current().holidays, 'england-and-wales', 2030).map((h) => h.date)
    expect(dates()).not.toContain('2030-06-03')
    await web.refresh()
    expect(dates()).toContain('2030-06-03')
  })

  it('reports a removed day when an import drops one the rules had', async () => {
    const service = await createCalendarService(createImportedHolidayFileStore(dataDir))
    const report = await service.importFeed({
      'england-and-wales': { events: feed2030()['england-and-wales'].events.filter((e) => e.date !== '2030-08-26') },
    })
    expect(report.ok && report.value.changes).toEqual([
      { division: 'england-and-wales', date: '2030-08-26', change: 'removed', before: 'Summer bank holiday' },
    ])
  })

  it('refuses a bad feed and keeps the earlier import whole', async () => {
    const service = await createCalendarService(createImportedHolidayFileStore(dataDir))
    await service.importFeed(feed2030([{ title: 'Test bank holiday', date: '2030-06-03' }]))
    const before = await readFile(join(dataDir, IMPORTED_HOLIDAYS_FILE), 'utf8')
    const refused = await service.importFeed({ 'england-and-wales': { events: [{ title: 'X', date: '2030-02-30' }] } })
    expect(refused.ok).toBe(false)
    expect(await readFile(join(dataDir, IMPORTED_HOLIDAYS_FILE), 'utf8')).toBe(before)
    expect(bankHolidaysIn(service.current().holidays, 'england-and-wales', 2030).map((h) => h.date)).toContain(
      '2030-06-03',
    )
  })

  it('will not start on a damaged import file, rather than count on the wrong calendar', async () => {
    await writeFile(join(dataDir, IMPORTED_HOLIDAYS_FILE), JSON.stringify({ narnia: { events: [] } }))
    await expect(createCalendarService(createImportedHolidayFileStore(dataDir))).rejects.toThrow(
      'the imported bank-holiday data is unreadable',
    )
  })
})
