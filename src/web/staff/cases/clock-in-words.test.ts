import { describe, expect, it } from 'vitest'
import { defaultUkCalendar } from '../../../../test/uk-calendar.ts'
import type { IsoDate } from '../../../domain/calendar/calendar-date.ts'
import { STANDARD_CLOCK, type CaseSummary } from '../../../domain/case/case.ts'
import { caseClockInWords, describeClock } from './clock-in-words.ts'

const uk = defaultUkCalendar()
const foia = uk.workingDays('united-kingdom')
const date = (text: string): IsoDate => text as IsoDate

describe('the clock in words', () => {
  it.each([
    ['2024-12-04', '2024-12-12', '6 working days left', false],
    ['2024-12-04', '2024-12-05', '1 working day left', false],
    ['2024-12-04', '2024-12-04', 'Due today', false],
    ['2024-12-04', '2024-12-03', '1 working day overdue', true],
    ['2024-12-04', '2024-11-29', '2 working days overdue', true], // Mon 2 Dec is a bank holiday in Scotland: not counted
    ['2024-12-07', '2024-12-06', 'Overdue', true], // due Friday, today Saturday: no working day since
    ['2024-12-20', '2024-12-27', '3 working days left', false], // Christmas Day and Boxing Day are not counted
  ])('today %s, due %s: “%s”', (today, due, text, overdue) => {
    expect(describeClock(foia, date(today), { status: 'running', due: date(due) })).toEqual({
      text,
      overdue,
      due,
    })
  })

  it('says the clock is stopped while clarification or a fee is awaited', () => {
    const today = date('2024-12-04')
    expect(describeClock(foia, today, { status: 'awaiting-clarification', due: null }).text).toBe(
      'Clock stopped: awaiting clarification',
    )
    expect(describeClock(foia, today, { status: 'awaiting-fee', due: null }).text).toBe(
      'Clock stopped: awaiting the fee',
    )
    expect(describeClock(foia, today, { status: 'running', due: null }).text).toBe('No deadline')
  })
})

describe('a case’s clock in words', () => {
  const request = (overrides: Partial<CaseSummary>) =>
    ({
      kind: 'request',
      regime: 'foia',
      receivedOn: date('2024-11-08'),
      clock: STANDARD_CLOCK,
      state: 'in-progress',
      respondedOn: null,
      ...overrides,
    }) as const

  it('counts a plain FOIA request received on 8 November 2024 to Monday 9 December', () => {
    expect(caseClockInWords(uk, 'england-and-wales', date('2024-12-04'), request({}))).toEqual({
      text: '3 working days left',
      overdue: false,
      due: '2024-12-09',
    })
  })

  it('stops the clock of a case awaiting clarification', () => {
    const subject = request({
      state: 'awaiting-clarification',
      clock: { ...STANDARD_CLOCK, events: [{ type: 'clarification-requested', on: date('2024-11-20') }] },
    })
    expect(caseClockInWords(uk, 'england-and-wales', date('2024-12-04'), subject).text).toBe(
      'Clock stopped: awaiting clarification',
    )
  })

  it('says when an answered case was answered, and that a withdrawn one has no clock', () => {
    const today = date('2024-12-04')
    expect(
      caseClockInWords(uk, 'england-and-wales', today, request({ state: 'responded', respondedOn: date('2024-12-02') }))
        .text,
    ).toBe('Responded on 2 December 2024')
    expect(caseClockInWords(uk, 'england-and-wales', today, request({ state: 'withdrawn' })).text).toBe(
      'Clock stopped: withdrawn',
    )
  })
})
