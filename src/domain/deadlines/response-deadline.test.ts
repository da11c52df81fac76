import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultUkCalendar, publishedHolidays } from '../../../test/uk-calendar.ts'
import { dayNumberOf, parseIsoDate, toIsoDate } from '../calendar/calendar-date.ts'
import { bankHolidaysIn } from '../calendar/bank-holiday-table.ts'
import { ONE_OFF_BANK_HOLIDAYS } from '../calendar/one-off-bank-holidays.ts'
import { createUkCalendar } from '../calendar/uk-calendar.ts'
import { addWorkingDays, countWorkingDays, isWorkingDay } from '../calendar/working-day-calendar.ts'
import { readClockRequest, type RawClockRequest } from './clock-request.ts'
import type { Deadline } from './deadline.ts'
import { computeResponseDeadline } from './response-deadline.ts'
import { calendarScopeFor, type Regime } from './regime.ts'

const uk = defaultUkCalendar()

const compute = (raw: RawClockRequest, calendar = uk) => {
  const request = readClockRequest(raw)
  if (!request.ok) return request
  return computeResponseDeadline(calendar, request.value)
}

const deadline = (raw: RawClockRequest): Deadline => {
  const result = compute(raw)
  if (!result.ok) throw new Error(`expected a deadline, got ${JSON.stringify(result.error)}`)
  return result.value
}

const due = (raw: RawClockRequest): string | null => deadline(raw).due

const problems = (raw: RawClockRequest): { field: string; message: string }[] => {
  const result = compute(raw)
  if (result.ok) throw new Error(`expected problems, got due ${result.value.due ?? 'null'}`)
  return result.error
}

describe('the FOIA clock', () => {
  it('gives the first seed its due date: received Tue 1 Oct 2024, due Tue 29 Oct 2024', () => {
    expect(due({ regime: 'foia', received: '2024-10-01' })).toBe('2024-10-29')
  })

  it('counts Scotland’s St Andrew’s Day substitute for the second seed: due Mon 9 Dec 2024, not Fri 6 Dec', () => {
    const result = deadline({ regime: 'foia', received: '2024-11-08' })
    expect(result.due).toBe('2024-12-09')
    expect(result.skipped).toEqual([
      {
        date: '2024-12-02',
        reason: 'St Andrew’s Day (substitute day), Scotland: not a working day under FOIA s10(6)',
      },
    ])
    expect(result.explanation).toContain('Day 20 is Monday 9 December 2024.')
  })

  it.each([
    ['2024-12-10', '2025-01-13', 'Christmas, Boxing Day, New Year and Scotland’s 2 January'],
    ['2024-12-20', '2025-01-23', 'across the year end'],
    ['2025-12-24', '2026-01-27', 'received on Christmas Eve'],
    ['2025-07-01', '2025-07-30', 'Northern Ireland’s Boyne substitute, Mon 14 Jul 2025'],
    ['2025-11-22', '2025-12-22', 'a Saturday receipt: day 1 is Monday'],
    ['2020-04-30', '2020-06-01', 'VE Day moved the holiday: Mon 4 May 2020 was a working day'],
    ['2022-05-27', '2022-06-28', 'Mon 30 May 2022 was a working day; 2 and 3 June were not'],
    ['2022-09-09', '2022-10-10', 'the State Funeral, Mon 19 Sep 2022'],
    ['2023-04-28', '2023-05-31', 'the coronation, Mon 8 May 2023'],
  ])('received %s → due %s (%s)', (received, expected) => {
    expect(due({ regime: 'foia', received })).toBe(expected)
  })

  it.each([
    ['2024-09-02', 'Monday', '2024-09-30'],
    ['2024-09-03', 'Tuesday', '2024-10-01'],
    ['2024-09-04', 'Wednesday', '2024-10-02'],
    ['2024-09-05', 'Thursday', '2024-10-03'],
    ['2024-09-06', 'Friday', '2024-10-04'],
    ['2024-09-07', 'Saturday', '2024-10-04'],
    ['2024-09-08', 'Sunday', '2024-10-04'],
  ])('never counts the day of receipt: received %s (%s) → due %s', (received, _weekday, expected) => {
    expect(due({ regime: 'foia', received })).toBe(expected)
  })

  it.each([
    ['2025-05-26', '2025-06-23', 'on a bank holiday'],
    ['2024-12-25', '2025-01-27', 'on Christmas Day'],
    ['2024-02-01', '2024-02-29', 'into a leap day'],
    ['2023-02-01', '2023-03-01', 'through a February of 28 days'],
    ['2024-03-15', '2024-04-17', 'with Easter in March and St Patrick’s Day substitute'],
    ['2025-04-01', '2025-05-01', 'with Easter in April'],
    ['2024-03-30', '2024-04-29', 'the day before the clocks go forward (BST)'],
    ['2024-10-27', '2024-11-22', 'the day the clocks go back (GMT)'],
  ])('received %s → due %s (%s)', (received, expected) => {
    expect(due({ regime: 'foia', received })).toBe(expected)
  })

  it('notes the s45 Code’s reading when the request arrives on a day that is not a working day', () => {
    const result = deadline({ regime: 'foia', received: '2025-11-22' })
    expect(result.due).toBe('2025-12-22')
    expect(result.explanation.join(' ')).toContain(
      'the deadline would be Tuesday 23 December 2025, one working day later',
    )
  })

  it('restarts the clock when clarification arrives (s1(3)): a fresh 20 working days from that day', () => {
    const result = deadline({
      regime: 'foia',
      received: '2024-10-01',
      clarificationRequested: '2024-10-03',
      clarified: '2024-10-07',
    })
    expect(result.due).toBe('2024-11-04')
    expect(result.countedFrom).toBe('2024-10-07')
  })

  it('waits while clarification is awaited', () => {
    const result = deadline({ regime: 'foia', received: '2024-10-01', clarificationRequested: '2024-10-03' })
    expect(result).toMatchObject({ status: 'awaiting-clarification', due: null })
  })

  it('stops the clock from the fees notice to the fee’s arrival, both days disregarded (s10(2))', () => {
    const result = deadline({ regime: 'foia', received: '2024-11-08', feeNotice: '2024-11-12', feePaid: '2024-11-20' })
    expect(result.due).toBe('2024-12-18')
    expect(result.skipped.filter((day) => day.reason.includes('fees notice')).map((day) => day.date)).toEqual([
      '2024-11-12',
      '2024-11-13',
      '2024-11-14',
      '2024-11-15',
      '2024-11-18',
      '2024-11-19',
      '2024-11-20',
    ])
  })

  it('counts a fees notice given on the last day, so the fee’s arrival leaves one working day', () => {
    expect(due({ regime: 'foia', received: '2024-11-08', feeNotice: '2024-12-09', feePaid: '2024-12-09' })).toBe(
      '2024-12-10',
    )
  })

  it('stays stopped while the fee is unpaid, and says when the request lapses (three months, s9(2))', () => {
    const result = deadline({ regime: 'foia', received: '2024-11-08', feeNotice: '2024-11-12' })
    expect(result).toMatchObject({ status: 'awaiting-fee', due: null, feeDueBy: '2025-02-11' })
  })

  it('ignores, with a warning, a fees notice given after the deadline', () => {
    const result = deadline({ regime: 'foia', received: '2024-11-08', feeNotice: '2024-12-10', feePaid: '2024-12-20' })
    expect(result.due).toBe('2024-12-09')
    expect(result.warnings.join(' ')).toContain('came after the deadline')
  })

  it('runs a public interest extension to the officer’s date, the refusal notice still due on day 20', () => {
    const result = deadline({ regime: 'foia', received: '2024-11-08', extension: 'pit', extendedTo: '2025-01-10' })
    expect(result).toMatchObject({
      due: '2025-01-10',
      refusalNoticeDue: '2024-12-09',
      limit: '20 working days, extended for the public interest test (FOIA s10(3))',
      warnings: [],
    })
  })

  it('warns when a public interest extension runs past 20 extra working days', () => {
    const result = deadline({ regime: 'foia', received: '2024-11-08', extension: 'pit', extendedTo: '2025-01-13' })
    expect(result.warnings.join(' ')).toContain('adds 21 working days: the ICO expects no more than 20')
  })

  it('refuses a public interest extension that ends on or before the deadline it extends', () => {
    expect(problems({ regime: 'foia', received: '2024-11-08', extension: 'pit', extendedTo: '2024-12-09' })).toEqual([
      {
        field: 'extendedTo',
        message:
          'Date of the public interest extension must be after the 20-working-day deadline (Monday 9 December 2024)',
      },
    ])
  })

  it('gives archives 30 working days', () => {
    expect(due({ regime: 'foia', received: '2024-10-01', timeForCompliance: 'archive' })).toBe('2024-11-12')
  })

  it('gives schools 20 school days, skipping closures', () => {
    const result = deadline({
      regime: 'foia',
      received: '2024-10-01',
      timeForCompliance: 'school',
      schoolClosures: [{ from: '2024-10-28', to: '2024-11-01' }],
    })
    expect(result.due).toBe('2024-11-05')
    expect(result.skipped.filter((day) => day.reason.includes('school is closed'))).toHaveLength(5)
  })

  it('gives schools no more than 60 working days however long they are closed', () => {
    const raw = {
      regime: 'foia',
      received: '2024-10-01',
      timeForCompliance: 'school',
      schoolClosures: [{ from: '2024-10-02', to: '2025-03-01' }],
    }
    expect(due(raw)).toBe('2024-12-27')
  })
})

describe('the EIR and FOISA clocks', () => {
  it('extends an EIR request to 40 working days (reg 7)', () => {
    expect(due({ regime: 'eir', received: '2024-10-01', extension: 'eir' })).toBe('2024-11-26')
    expect(due({ regime: 'eir', received: '2024-11-08', extension: 'eir' })).toBe('2025-01-10')
    expect(due({ regime: 'eir', received: '2024-11-08' })).toBe('2024-12-09')
  })

  it.each([
    ['2024-10-01', '2024-10-29'],
    ['2024-11-08', '2024-12-09'],
    ['2025-07-01', '2025-07-29'],
    ['2024-03-15', '2024-04-15'],
    ['2025-04-01', '2025-04-30'],
  ])('counts FOISA on Scotland’s calendar only: received %s → due %s', (received, expected) => {
    expect(due({ regime: 'foisa', received })).toBe(expected)
  })

  it('names FOISA s73 for Scottish closures', () => {
    expect(deadline({ regime: 'foisa', received: '2024-11-08' }).skipped[0]?.reason).toBe(
      'St Andrew’s Day (substitute day), Scotland: not a working day under FOISA s73',
    )
  })
})

describe('the subject access clock', () => {
  it.each([
    ['2024-09-03', '2024-10-03', '2024-12-03'],
    ['2025-01-31', '2025-02-28', '2025-04-30'],
    ['2024-01-30', '2024-02-29', '2024-04-30'],
    ['2023-01-31', '2023-02-28', '2023-05-02'],
    ['2025-04-26', '2025-05-27', '2025-07-28'],
    ['2024-11-30', '2024-12-30', '2025-02-28'],
  ])('received %s → due %s, or %s extended', (received, month, threeMonths) => {
    expect(due({ regime: 'sar', received })).toBe(month)
    expect(due({ regime: 'sar', received, extension: 'sar' })).toBe(threeMonths)
  })

  it('rolls forward on the authority’s own nation: Scotland’s calendar for a Scottish controller', () => {
    // Mon 4 Aug 2025 is a bank holiday in Scotland only.
    expect(due({ regime: 'sar', received: '2025-07-04', nation: 'scotland' })).toBe('2025-08-05')
    expect(due({ regime: 'sar', received: '2025-07-04', nation: 'england-and-wales' })).toBe('2025-08-04')
  })

  it('runs the month from the identity check when it comes later', () => {
    expect(due({ regime: 'sar', received: '2024-09-03', identityVerified: '2024-09-10' })).toBe('2024-10-10')
  })
})

describe('bad input', () => {
  it.each([
    [
      { regime: 'foia', received: '2024-02-30' },
      'received',
      'Date of receipt must be a real date (February 2024 has 29 days)',
    ],
    [{ regime: 'foia', received: '1989-12-29' }, 'received', 'Date of receipt must be between 1990 and 2100'],
    [{ regime: 'foia', received: '2101-01-03' }, 'received', 'Date of receipt must be between 1990 and 2100'],
    [
      { regime: 'foia', received: '8/11/2024' },
      'received',
      'Date of receipt must be a date in the form YYYY-MM-DD, like 2024-11-08',
    ],
    [{ regime: 'foia' }, 'received', 'Enter the date the request was received'],
    [{ regime: 'dpa', received: '2024-11-08' }, 'regime', 'Regime must be one of foia, eir, foisa, sar, not “dpa”'],
    [{ received: '2024-11-08' }, 'regime', 'Select the law the request is handled under'],
    [
      { regime: 'foia', received: '2024-11-08', nation: 'wales' },
      'nation',
      'Nation must be one of england-and-wales, scotland, northern-ireland, not “wales”',
    ],
    [
      { regime: 'foia', received: '2024-11-08', feeNotice: '2024-11-20', feePaid: '2024-11-12' },
      'feePaid',
      'Date the fee arrived must be the same as or after the date of the fees notice (Wednesday 20 November 2024)',
    ],
    [
      { regime: 'foia', received: '2024-11-08', feePaid: '2024-11-12' },
      'feePaid',
      'There is no fees notice for the fee to answer: enter the date of the fees notice',
    ],
    [
      { regime: 'foia', received: '2024-11-08', clarified: '2024-11-01' },
      'clarified',
      'Date clarification arrived must be the same as or after the date of receipt (Friday 8 November 2024)',
    ],
    [
      { regime: 'foisa', received: '2024-11-08', extension: 'eir' },
      'extension',
      'FOISA allows no extension of the 20 working days',
    ],
    [
      { regime: 'eir', received: '2024-11-08', extension: 'pit', extendedTo: '2025-01-10' },
      'extension',
      'The EIR have no public interest extension: the only extension is to 40 working days (reg 7), “eir”',
    ],
    [
      { regime: 'foia', received: '2024-11-08', extension: 'pit' },
      'extendedTo',
      'Enter the date the public interest extension runs to',
    ],
    [
      { regime: 'foia', received: '2024-11-08', extension: 'forever' },
      'extension',
      'Extension must be eir, sar or pit:YYYY-MM-DD, not “forever”',
    ],
    [
      { regime: 'eir', received: '2024-11-08', timeForCompliance: 'school' },
      'timeForCompliance',
      'Longer times for compliance for schools and archives apply under FOIA only',
    ],
  ] as const)('refuses %j, naming the field', (raw, field, message) => {
    expect(problems(raw)).toContainEqual({ field, message })
  })
})

const receipt = fc
  .integer({ min: dayNumberOf(1990, 1, 1), max: dayNumberOf(2100, 12, 31) })
  .map((day) => toIsoDate(day))
const regime = fc.constantFrom<Regime>('foia', 'eir', 'foisa', 'sar')
const nation = fc.constantFrom('england-and-wales', 'scotland', 'northern-ireland')

describe('properties of every clock', () => {
  it('puts every due date on a working day of its regime', () => {
    fc.assert(
      fc.property(receipt, regime, nation, fc.boolean(), (received, r, n, extended) => {
        const extension = extended
          ? ({ foia: undefined, eir: 'eir', foisa: undefined, sar: 'sar' } as const)[r]
          : undefined
        const result = deadline({ regime: r, received, nation: n, extension })
        const calendar = uk.workingDays(calendarScopeFor(r, n))
        const parsed = parseIsoDate(result.due ?? '')
        return parsed.ok && isWorkingDay(calendar, parsed.value)
      }),
      { numRuns: 2000 },
    )
  })

  it('counts exactly 20 working days after receipt under FOIA, whatever the day of receipt', () => {
    fc.assert(
      fc.property(receipt, (received) => {
        const calendar = uk.workingDays('united-kingdom')
        const from = parseIsoDate(received)
        const to = parseIsoDate(due({ regime: 'foia', received }) ?? '')
        return from.ok && to.ok && countWorkingDays(calendar, from.value, to.value) === 20
      }),
      { numRuns: 2000 },
    )
  })

  it('never gives a later request an earlier deadline', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 1, max: 40 }), regime, (received, later, r) => {
        const next = toIsoDate((parseIsoDate(received) as { value: number }).value + later)
        if (next > '2100-12-31') return true
        return (due({ regime: r, received: next }) ?? '') >= (due({ regime: r, received }) ?? '')
      }),
      { numRuns: 1000 },
    )
  })

  it('never makes a due date earlier by adding a bank holiday', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1991, max: 2099 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('england-and-wales', 'scotland', 'northern-ireland') as fc.Arbitrary<'scotland'>,
        regime,
        (year, receivedOffset, holidayOffset, division, r) => {
          const receivedDay = dayNumberOf(year, 1, 1) + receivedOffset
          const extra = toIsoDate(receivedDay + holidayOffset)
          const existing = bankHolidaysIn(uk.holidays, division, year).filter((h) => h.date !== extra)
          const imported = {
            [division]: [...existing, { date: extra, title: 'Extra bank holiday', notes: 'Extra bank holiday' }]
              .filter((h) => h.date.startsWith(`${year}-`))
              .map((h) => ({ date: h.date, title: h.title, notes: h.notes }))
              .sort((a, b) => a.date.localeCompare(b.date)),
          }
          const withExtra = createUkCalendar({
            oneOffs: ONE_OFF_BANK_HOLIDAYS,
            published: publishedHolidays(),
            imported,
          })
          const raw = { regime: r, received: toIsoDate(receivedDay), nation: division }
          const before = compute(raw)
          const after = compute(raw, withExtra)
          return before.ok && after.ok && (after.value.due ?? '') >= (before.value.due ?? '')
        },
      ),
      { numRuns: 60 },
    )
  })

  it('gives FOISA and FOIA different dates only where their calendars differ', () => {
    const foia = uk.workingDays('united-kingdom')
    const foisa = uk.workingDays('scotland')
    fc.assert(
      fc.property(receipt, (received) => {
        const a = parseIsoDate(due({ regime: 'foia', received }) ?? '')
        const b = parseIsoDate(due({ regime: 'foisa', received }) ?? '')
        const from = parseIsoDate(received)
        if (!a.ok || !b.ok || !from.ok) return false
        let calendarsDiffer = false
        for (let day = from.value + 1; day <= Math.max(a.value, b.value); day += 1) {
          if (isWorkingDay(foia, day) !== isWorkingDay(foisa, day)) calendarsDiffer = true
        }
        return calendarsDiffer || a.value === b.value
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees with the plain indexed count when no clock event intervenes', () => {
    fc.assert(
      fc.property(receipt, (received) => {
        const from = parseIsoDate(received)
        return (
          from.ok &&
          due({ regime: 'foia', received }) ===
            toIsoDate(addWorkingDays(uk.workingDays('united-kingdom'), from.value, 20) ?? 0)
        )
      }),
    )
  })

  it('gives a subject access due date on or after the corresponding date, passing only closed days', () => {
    fc.assert(
      fc.property(receipt, nation, (received, n) => {
        const result = deadline({ regime: 'sar', received, nation: n })
        const calendar = uk.workingDays(n)
        const dueDay = parseIsoDate(result.due ?? '')
        if (!dueDay.ok) return false
        return result.skipped.every((day) => {
          const parsed = parseIsoDate(day.date)
          return parsed.ok && !isWorkingDay(calendar, parsed.value) && parsed.value < dueDay.value
        })
      }),
      { numRuns: 1000 },
    )
  })
})
